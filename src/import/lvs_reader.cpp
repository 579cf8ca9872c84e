#include "import/lvs_reader.h"

#include <charconv>
#include <sstream>

namespace xenplan {

bool read_lvs(const SourceFile& file, std::vector<LogicalVolume>& out, DiagnosticSink& sink) {
  const std::string& t = file.text();
  size_t pos = 0;
  bool ok = true;
  while (pos < t.size()) {
    const size_t nl = t.find('\n', pos);
    const size_t end = nl == std::string::npos ? t.size() : nl;
    const Span span{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
    std::istringstream in(t.substr(pos, end - pos));
    pos = end + 1;
    std::vector<std::string> cols;
    for (std::string w; in >> w;) cols.push_back(w);
    if (cols.empty() || (cols[0] == "VG" && out.empty())) continue;  // blank, or the heading line
    LogicalVolume lv;
    lv.file = &file;
    lv.span = span;
    std::string size = cols.size() >= 3 ? cols[2] : "";
    if (!size.empty() && (size.back() == 'B' || size.back() == 'b')) size.pop_back();
    const auto [ptr, ec] = std::from_chars(size.data(), size.data() + size.size(), lv.bytes);
    if (cols.size() < 3 || cols.size() > 4 || size.empty() || ec != std::errc() ||
        ptr != size.data() + size.size()) {
      sink.error(Code::SyntaxError, {&file, span},
                 "expected a volume group, a logical volume, its size in bytes and its devices")
          .help(
              "give the output of `lvs --noheadings --units b --nosuffix -o "
              "vg_name,lv_name,lv_size,devices`");
      ok = false;
      continue;
    }
    lv.group = cols[0];
    lv.name = cols[1];
    if (cols.size() == 4) {
      std::istringstream devices(cols[3]);
      for (std::string d; std::getline(devices, d, ',');) {
        const size_t paren = d.find('(');
        if (!d.empty()) lv.devices.push_back(d.substr(0, paren));
      }
    }
    out.push_back(std::move(lv));
  }
  return ok;
}

}  // namespace xenplan
