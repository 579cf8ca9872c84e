// libFuzzer target: the YAML reader. Any input must give a tree or a diagnostic, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "syntax/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  xenplan::DiagnosticSink sink;
  const auto loaded = xenplan::load_text("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size),
                                         xenplan::Syntax::Yaml, sink);
  if (!loaded.parsed && !sink.has_errors()) __builtin_trap();  // a failure must be explained
  return 0;
}
