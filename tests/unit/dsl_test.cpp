// The xenplan language: the grammar itself, its syntax errors, parity with YAML, conversion
// both ways, and fmt.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "base/render.h"
#include "cli/pipeline.h"
#include "emitters.h"
#include "format/printers.h"
#include "syntax/dsl_reader.h"
#include "syntax/load.h"
#include "test_files.h"

using namespace xenplan;
using xenplan::testing::files_in;
using xenplan::testing::read_file;
namespace fs = std::filesystem;

namespace {

// Every YAML description the tests use.
std::vector<fs::path> yaml_inputs() {
  std::vector<fs::path> out = files_in("examples", {".yaml"});
  for (const char* dir : {"tests/golden/check", "tests/golden/analyze"}) {
    for (const auto& p : files_in(dir, {".yaml"})) out.push_back(p);
  }
  return out;
}

// A description the language can hold: a mapping whose first entry is the format version.
bool convertible(const LoadedFile& f) {
  std::string why;
  return f.parsed && expressible_in_dsl(f.tree, why);
}

std::string artifacts_of(const fs::path& p, Syntax syntax) {
  DiagnosticSink sink;
  const auto compiled = compile_text(p.filename().string(), read_file(p), syntax, {}, sink);
  REQUIRE(compiled.analysis.has_value());
  std::string all;
  for (const Artifact& a : emit_artifacts(CheckedModel(*compiled.model), *compiled.analysis))
    all += a.path + "\n" + a.content;
  return all;
}

}  // namespace

TEST_CASE("the grammar has no rule that can loop without consuming input") {
  CHECK(dsl_grammar_problems() == 0);
}

TEST_CASE("golden syntax errors of the xenplan language") {
  const bool update = std::getenv("XENPLAN_UPDATE_GOLDEN") != nullptr;
  for (const auto& input : files_in("tests/golden/syntax", {".xenplan"})) {
    DiagnosticSink sink;
    const LoadedFile f = load_text(input.filename().string(), read_file(input), Syntax::Xenplan, sink);
    const std::string actual = render_diagnostics(sink.sorted(), {});
    fs::path expected = input;
    expected.replace_extension(".expected");
    if (update) {
      std::ofstream(expected, std::ios::binary) << actual;
      continue;
    }
    INFO("syntax case: ", input.filename().string());
    CHECK_FALSE(f.parsed);
    CHECK(actual == read_file(expected));
    CHECK(actual.find("tao::") == std::string::npos);  // never a C++ type name
  }
}

TEST_CASE("parity: every example exists in both syntaxes and builds to byte-identical artifacts") {
  const auto yaml = files_in("examples", {".yaml"});
  REQUIRE(yaml.size() >= 2);
  for (const auto& y : yaml) {
    fs::path dsl = y;
    dsl.replace_extension(".xenplan");
    INFO("example: ", y.filename().string());
    REQUIRE(fs::exists(dsl));
    CHECK(artifacts_of(y, Syntax::Yaml) == artifacts_of(dsl, Syntax::Xenplan));
  }
}

TEST_CASE("round trip: every YAML test input converts to the language and back unchanged") {
  const PrintOptions keep{false};
  size_t converted = 0;
  for (const auto& input : yaml_inputs()) {
    DiagnosticSink sink;
    const LoadedFile yaml = load_text(input.filename().string(), read_file(input), Syntax::Yaml, sink);
    if (!convertible(yaml)) continue;  // syntax errors, empty files, no format version
    INFO("input: ", input.filename().string());
    const std::string dsl_text = print_dsl(yaml.tree, *yaml.source, keep);
    DiagnosticSink dsl_sink;
    const LoadedFile dsl = load_text("converted.xenplan", dsl_text, Syntax::Xenplan, dsl_sink);
    INFO("converted:\n", dsl_text, render_diagnostics(dsl_sink.sorted(), {}));
    REQUIRE(dsl.parsed);
    CHECK(print_yaml(dsl.tree, *dsl.source, keep) == print_yaml(yaml.tree, *yaml.source, keep));
    ++converted;
  }
  CHECK(converted > 50);
}

// Found by fuzz_pipeline: a list the printer cannot write as named blocks (one item is not a
// mapping) comes out as `domains [ { ... } ]`, whose items hold `disk xvda { ... }` blocks; the
// reader took list items out of the domain context and refused them.
TEST_CASE("round trip: items of a generic domains list keep their disk and network blocks") {
  const std::string yaml =
      "xenplan: 1\n"
      "domains:\n"
      "  - not-a-mapping\n"
      "  - name: g\n"
      "    disks: [{vdev: xvda, file: /srv/g.img}]\n"
      "    networks: [{bridge: xenbr0}]\n";
  DiagnosticSink sink;
  const LoadedFile from_yaml = load_text("in.yaml", yaml, Syntax::Yaml, sink);
  REQUIRE(convertible(from_yaml));
  const std::string dsl_text = print_dsl(from_yaml.tree, *from_yaml.source, {false});
  CHECK(dsl_text.find("disk xvda {") != std::string::npos);
  DiagnosticSink dsl_sink;
  const LoadedFile dsl = load_text("converted.xenplan", dsl_text, Syntax::Xenplan, dsl_sink);
  INFO("converted:\n", dsl_text, render_diagnostics(dsl_sink.sorted(), {}));
  REQUIRE(dsl.parsed);
  CHECK(print_yaml(dsl.tree, *dsl.source, {false}) == print_yaml(from_yaml.tree, *from_yaml.source, {false}));
}

TEST_CASE("round trip keeps diagnostics: a converted invalid description fails the same checks") {
  for (const char* name : {"unknown-key", "cpu-overlap", "rtds-overload", "duplicate-mac"}) {
    const fs::path input =
        fs::path(XENPLAN_SOURCE_DIR) / "tests/golden/check" / (std::string(name) + ".yaml");
    DiagnosticSink a, b, c;
    const LoadedFile yaml = load_text("x.yaml", read_file(input), Syntax::Yaml, a);
    const auto from_yaml = compile_text("x.yaml", read_file(input), Syntax::Yaml, {}, b);
    const auto from_dsl =
        compile_text("x.xenplan", print_dsl(yaml.tree, *yaml.source, {false}), Syntax::Xenplan, {}, c);
    INFO(name);
    std::vector<std::string> codes_b, codes_c;
    for (const auto& d : b.sorted()) codes_b.push_back(d.message);
    for (const auto& d : c.sorted()) codes_c.push_back(d.message);
    CHECK(codes_b == codes_c);
  }
}

TEST_CASE("fmt is idempotent in both syntaxes") {
  for (const auto& input : yaml_inputs()) {
    DiagnosticSink sink;
    const LoadedFile yaml = load_text("in.yaml", read_file(input), Syntax::Yaml, sink);
    if (!convertible(yaml)) continue;
    INFO("input: ", input.filename().string());
    const std::string once = print_yaml(yaml.tree, *yaml.source, {});
    const LoadedFile again = load_text("once.yaml", once, Syntax::Yaml, sink);
    REQUIRE(again.parsed);
    CHECK(print_yaml(again.tree, *again.source, {}) == once);
    const std::string dsl_once = print_dsl(yaml.tree, *yaml.source, {});
    const LoadedFile dsl = load_text("once.xenplan", dsl_once, Syntax::Xenplan, sink);
    REQUIRE(dsl.parsed);
    CHECK(print_dsl(dsl.tree, *dsl.source, {}) == dsl_once);
  }
}

TEST_CASE("fmt normalises units and keeps comments") {
  const std::string text =
      "xenplan 1   # format\n"
      "# the host\n"
      "host h {\n"
      "  memory 1024MiB\n"
      "  dom0 { memory 2048MiB  vcpus 1 }  # fixed\n"
      "  # before the end\n"
      "}\n";
  DiagnosticSink sink;
  const LoadedFile f = load_text("t.xenplan", text, Syntax::Xenplan, sink);
  REQUIRE(f.parsed);
  CHECK(print_dsl(f.tree, *f.source, {}) ==
        "xenplan 1  # format\n"
        "\n"
        "# the host\n"
        "host h {\n"
        "  memory 1GiB\n"
        "  dom0 { memory 2GiB  vcpus 1 }  # fixed\n"
        "  # before the end\n"
        "}\n");
  CHECK(print_yaml(f.tree, *f.source, {}) ==
        "xenplan: 1  # format\n"
        "# the host\n"
        "host:\n"
        "  name: h\n"
        "  memory: 1GiB\n"
        "  dom0:  # fixed\n"
        "    memory: 2GiB\n"
        "    vcpus: 1\n"
        "# before the end\n");
}
