// libFuzzer target: the xenplan-language parser.
#include <cstddef>
#include <cstdint>
#include <string>

#include "syntax/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  xenplan::DiagnosticSink sink;
  const auto loaded = xenplan::load_text(
      "fuzz.xenplan", std::string(reinterpret_cast<const char*>(data), size), xenplan::Syntax::Xenplan, sink);
  if (!loaded.parsed && !sink.has_errors()) __builtin_trap();
  return 0;
}
