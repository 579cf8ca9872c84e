// Golden tests: every tests/golden/check/<case>.yaml is checked and its full rendered
// diagnostics compared with <case>.expected. XENPLAN_UPDATE_GOLDEN=1 rewrites the expectations.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "analysis/render_report.h"
#include "base/render.h"
#include "cli/pipeline.h"
#include "emitters.h"
#include "test_files.h"

using namespace xenplan;
using xenplan::testing::read_file;
namespace fs = std::filesystem;

namespace {

// The descriptions of tests/golden/DIR, in either syntax.
std::vector<fs::path> golden_inputs(std::string_view dir) {
  return testing::files_in(std::string("tests/golden/") + std::string(dir), {".yaml", ".xenplan"});
}

Syntax syntax_of(const fs::path& p) {
  return p.extension() == ".xenplan" ? Syntax::Xenplan : Syntax::Yaml;
}

// Compiles a description file as `xenplan check` does, naming it by its file name.
CompiledDescription compile_file(const fs::path& p, DiagnosticSink& sink) {
  return compile_text(p.filename().string(), read_file(p), syntax_of(p), {}, sink);
}

// The rendered diagnostics and their summary, as `xenplan check` prints them on standard error.
std::string diagnostics_text(const DiagnosticSink& sink) {
  std::string out = render_diagnostics(sink.sorted(), {});
  const std::string summary = render_summary(sink.error_count(), sink.warning_count());
  if (!summary.empty()) out += summary + "\n";
  return out;
}

std::string check_output(const fs::path& input) {
  DiagnosticSink sink;
  const auto compiled = compile_file(input, sink);  // owns the source the diagnostics point into
  return diagnostics_text(sink);
}

// The diagnostics, then the analysis report as text and as JSON.
std::string analyze_output(const fs::path& input) {
  DiagnosticSink sink;
  const auto compiled = compile_file(input, sink);
  std::string out = diagnostics_text(sink);
  if (compiled.analysis) {
    out += "--- report ---\n" + report_text(*compiled.analysis);
    out += "--- report.json ---\n" + report_json(*compiled.analysis);
  }
  return out;
}

void check_golden(std::string_view dir, std::string (*produce)(const fs::path&)) {
  const bool update = std::getenv("XENPLAN_UPDATE_GOLDEN") != nullptr;
  const auto inputs = golden_inputs(dir);
  REQUIRE(inputs.size() > 5);
  std::set<std::string> stems;
  for (const auto& input : inputs) {
    INFO("two golden inputs share the expectation file of: ", input.stem().string());
    REQUIRE(stems.insert(input.stem().string()).second);
  }
  for (const auto& input : inputs) {
    fs::path expected_path = input;
    expected_path.replace_extension(".expected");
    const std::string actual = produce(input);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    INFO("golden case: ", input.filename().string());
    REQUIRE_MESSAGE(fs::exists(expected_path), "missing ", expected_path.string(),
                    " (run with XENPLAN_UPDATE_GOLDEN=1)");
    CHECK(actual == read_file(expected_path));
  }
}

}  // namespace

TEST_CASE("golden diagnostics of every check case") {
  check_golden("check", check_output);
}

TEST_CASE("golden analysis reports") {
  check_golden("analyze", analyze_output);
}

// Hostile inputs (tests/golden/hostile): each answered by its exact diagnostic, never a crash.
TEST_CASE("golden diagnostics of hostile inputs") {
  check_golden("hostile", check_output);
}

TEST_CASE("every diagnostic code has a golden case") {
  std::string all;
  for (std::string_view dir : {"check", "analyze", "hostile"}) {
    for (const auto& input : golden_inputs(dir)) {
      fs::path expected = input;
      all += read_file(expected.replace_extension(".expected"));
    }
  }
  // Import's codes (XP08xx) come from xl.cfg files, never from a description: tests/golden/import.
  for (const auto& e : fs::directory_iterator(fs::path(XENPLAN_SOURCE_DIR) / "tests/golden/import")) {
    if (e.is_directory()) all += read_file(e.path() / "expected.stderr");
  }
  // Codes that no description can trigger in a golden file; they are tested elsewhere.
  const std::set<std::string_view> elsewhere = {"XP0001" /* unreadable: cli_test */};
  for (const CodeInfo& c : all_codes()) {
    if (elsewhere.count(c.id)) continue;
    INFO("code without a golden case: ", std::string(c.id));
    CHECK(all.find(fmt::format("[{}]", c.id)) != std::string::npos);
  }
}

TEST_CASE("the bundled examples check without errors") {
  for (const fs::path& example : testing::files_in("examples", {".yaml"})) {
    INFO("example: ", example.filename().string());
    DiagnosticSink sink;
    const auto compiled = compile_file(example, sink);
    CHECK(compiled.model.has_value());
    CHECK(render_diagnostics(sink.sorted(), {}) == "");
  }
}

namespace {

// Every file under `dir`, relative.
std::set<std::string> files_under(const fs::path& dir) {
  std::set<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).string());
  }
  return out;
}

}  // namespace

TEST_CASE("golden output trees of every example") {
  const bool update = std::getenv("XENPLAN_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& example : testing::files_in("examples", {".yaml"})) {
    INFO("example: ", example.filename().string());
    DiagnosticSink sink;
    const auto compiled = compile_file(example, sink);
    REQUIRE(compiled.analysis.has_value());
    const Artifacts artifacts = emit_artifacts(CheckedModel(*compiled.model), *compiled.analysis);
    const fs::path golden = fs::path(XENPLAN_SOURCE_DIR) / "tests/golden/build" / example.stem();
    std::set<std::string> expected = files_under(golden);
    if (update) fs::remove_all(golden);
    for (const Artifact& a : artifacts) {
      if (update) {
        fs::create_directories((golden / a.path).parent_path());
        std::ofstream(golden / a.path, std::ios::binary) << a.content;
        continue;
      }
      INFO("artifact: ", a.path);
      CHECK(expected.erase(a.path) == 1);
      CHECK(a.content == read_file(golden / a.path));
    }
    if (!update) CHECK_MESSAGE(expected.empty(), "golden files no artifact produced: ", expected.size());
  }
}

TEST_CASE("artifacts are byte-identical when built twice") {
  const fs::path example = fs::path(XENPLAN_SOURCE_DIR) / "examples/rt-node.yaml";
  std::vector<std::string> runs;
  for (int i = 0; i < 2; ++i) {
    DiagnosticSink sink;
    const auto compiled = compile_file(example, sink);
    std::string all;
    for (const Artifact& a : emit_artifacts(CheckedModel(*compiled.model), *compiled.analysis))
      all += a.path + "\n" + a.content;
    runs.push_back(all);
  }
  CHECK(runs[0] == runs[1]);
}
