// Every input a fuzzer ever crashed on (tests/golden/fuzz/) runs through the same steps as
// fuzz_pipeline: first byte picks the syntax, then compile, print both ways, parse again, emit.
#include <doctest/doctest.h>

#include <filesystem>

#include "base/render.h"
#include "cli/pipeline.h"
#include "emitters.h"
#include "format/printers.h"
#include "test_files.h"

using namespace xenplan;
namespace fs = std::filesystem;

TEST_CASE("fuzzer findings stay fixed") {
  size_t cases = 0;
  for (const auto& e : fs::directory_iterator(fs::path(XENPLAN_SOURCE_DIR) / "tests/golden/fuzz")) {
    const std::string data = testing::read_file(e.path());
    if (data.empty()) continue;
    INFO("finding: ", e.path().filename().string());
    ++cases;
    const Syntax syntax = static_cast<unsigned char>(data[0]) % 2 ? Syntax::Xenplan : Syntax::Yaml;
    DiagnosticSink sink;
    const auto compiled = compile_text("fuzz", data.substr(1), syntax, {}, sink);
    if (compiled.loaded.parsed) {
      const std::string yaml = print_yaml(compiled.loaded.tree, *compiled.loaded.source, {});
      DiagnosticSink again;
      CHECK(load_text("printed.yaml", yaml, Syntax::Yaml, again).parsed);
      std::string why;
      if (expressible_in_dsl(compiled.loaded.tree, why)) {
        const std::string dsl = print_dsl(compiled.loaded.tree, *compiled.loaded.source, {});
        CHECK(load_text("printed.xenplan", dsl, Syntax::Xenplan, again).parsed);
      }
    }
    if (compiled.analysis)
      CHECK_FALSE(emit_artifacts(CheckedModel(*compiled.model), *compiled.analysis).empty());
  }
  CHECK(cases >= 1);
}
