// libFuzzer target: `xenplan import` of one xl.cfg text (the xl.cfg reader, every mapper, the
// report), and what it writes must read back as a description and print in both syntaxes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "import/import.h"
#include "syntax/xl_cfg_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace xenplan;
  ImportSources sources;
  sources.host = {std::string("fuzz"), 8u, uint64_t{16} << 30, std::string("4.17")};
  sources.files.push_back(
      std::make_unique<SourceFile>("fuzz.cfg", std::string(reinterpret_cast<const char*>(data), size)));
  DiagnosticSink sink;
  XlSource src{sources.files.back().get(), {}, std::nullopt};
  if (!read_xl_cfg(*src.file, src.cfg, sink)) {
    if (!sink.has_errors()) __builtin_trap();  // a rejected file is always said why
    return 0;
  }
  sources.domains.push_back(std::move(src));
  const ImportResult r = import_description(sources, sink);
  if (sink.has_errors()) return 0;
  DiagnosticSink again;
  if (!load_text("import.yaml", r.yaml, Syntax::Yaml, again).parsed) __builtin_trap();
  (void)print_imported(r.yaml, Syntax::Yaml);
  (void)print_imported(r.yaml, Syntax::Xenplan);
  return 0;
}
