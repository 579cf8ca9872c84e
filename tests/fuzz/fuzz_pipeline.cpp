// libFuzzer target: the whole in-memory pipeline (parse → model → checks → analysis → emit), in
// the syntax the first byte picks, plus the printers: what fmt prints must parse again.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/render.h"
#include "cli/pipeline.h"
#include "emitters.h"
#include "format/printers.h"

namespace {

using namespace xenplan;

// The printers' output must read back in its own syntax.
void check_printers(const LoadedFile& loaded) {
  DiagnosticSink sink;
  const std::string yaml = print_yaml(loaded.tree, *loaded.source, {});
  if (!load_text("printed.yaml", yaml, Syntax::Yaml, sink).parsed) __builtin_trap();
  std::string why;
  if (expressible_in_dsl(loaded.tree, why)) {
    const std::string dsl = print_dsl(loaded.tree, *loaded.source, {});
    if (!load_text("printed.xenplan", dsl, Syntax::Xenplan, sink).parsed) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Syntax syntax = data[0] % 2 ? Syntax::Xenplan : Syntax::Yaml;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  DiagnosticSink sink;
  const auto compiled = compile_text("fuzz", text, syntax, {}, sink);
  render_diagnostics(sink.sorted(), {});
  if (compiled.loaded.parsed) check_printers(compiled.loaded);
  if (compiled.analysis) emit_artifacts(CheckedModel(*compiled.model), *compiled.analysis);
  return 0;
}
