#include "import/interfaces_reader.h"

#include <sstream>

namespace xenplan {
namespace {

// The words of a line, split at blanks (interfaces(5) has no quoting).
std::vector<std::string> words_of(std::string_view line) {
  std::vector<std::string> out;
  std::istringstream in{std::string(line)};
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

bool starts_stanza(const std::string& keyword) {
  return keyword == "iface" || keyword == "mapping" || keyword == "auto" || keyword.starts_with("allow-") ||
         keyword == "source" || keyword == "source-directory" || keyword == "rename" ||
         keyword == "no-auto-down" || keyword == "no-scripts";
}

}  // namespace

InterfacesSource read_interfaces(const SourceFile& file) {
  InterfacesSource out;
  out.file = &file;
  const std::string& t = file.text();
  IfaceStanza* current = nullptr;
  size_t pos = 0;
  while (pos < t.size()) {
    // One logical line: a backslash at the end of a physical line continues it.
    const size_t begin = pos;
    std::string line;
    while (pos < t.size()) {
      const size_t nl = t.find('\n', pos);
      const size_t end = nl == std::string::npos ? t.size() : nl;
      std::string_view part(t.data() + pos, end - pos);
      pos = nl == std::string::npos ? t.size() : nl + 1;
      if (part.ends_with('\\')) {
        line.append(part.substr(0, part.size() - 1)).append(" ");
        continue;
      }
      line.append(part);
      break;
    }
    const Span span{static_cast<uint32_t>(begin),
                    static_cast<uint32_t>(pos > begin && t[pos - 1] == '\n' ? pos - 1 : pos)};
    const std::vector<std::string> words = words_of(line);
    if (words.empty() || words[0].starts_with('#')) continue;
    if (!starts_stanza(words[0])) {
      if (current) {
        std::string value;
        for (size_t i = 1; i < words.size(); ++i) value += (i > 1 ? " " : "") + words[i];
        current->options.push_back({words[0], value, span});
      } else {
        out.other.push_back(span);
      }
      continue;
    }
    current = nullptr;
    if (words[0] == "iface" && words.size() >= 4) {
      out.stanzas.push_back({words[1], words[2], words[3], {}, span});
      current = &out.stanzas.back();
    } else if ((words[0] == "auto" || words[0].starts_with("allow-")) && words.size() >= 2) {
      for (size_t i = 1; i < words.size(); ++i) out.starts.push_back({words[0], words[i], span});
    } else {
      out.other.push_back(span);
    }
  }
  return out;
}

}  // namespace xenplan
