// The machine formats' positions: SARIF counts columns in code points.
#include "base/render_formats.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

using namespace xenplan;

namespace {

// The startColumn of each result, in order.
std::vector<uint64_t> start_columns(const std::string& sarif) {
  std::vector<uint64_t> out;
  const std::string key = "\"startColumn\": ";
  for (size_t at = sarif.find(key); at != std::string::npos; at = sarif.find(key, at + 1))
    out.push_back(std::strtoull(sarif.c_str() + at + key.size(), nullptr, 10));
  return out;
}

}  // namespace

TEST_CASE("SARIF columns count code points on short and long lines alike") {
  // "é" is two bytes: byte column 2k+1 is code point k+1, on a short line and past the
  // counting marks of a long one.
  std::string line;
  for (int i = 0; i < 1000; ++i) line += "\xc3\xa9";
  const SourceFile file("t.yaml", "ab\n" + line + "\n");
  DiagnosticSink sink;
  for (uint32_t byte : {0u, 2u, 600u, 1998u}) sink.error(Code::BadValue, {&file, {3 + byte, 5 + byte}}, "x");
  sink.error(Code::BadValue, {&file, {1, 2}}, "x");
  CHECK(start_columns(diagnostics_sarif(sink.sorted(), "0")) == std::vector<uint64_t>{2, 1, 2, 301, 1000});
}

// Each position used to be counted from the start of its line: 200,000 diagnostics on a 1 MB
// line took minutes (scripts/bench measures the speed; this checks the columns).
TEST_CASE("SARIF columns of many diagnostics on one long line") {
  const SourceFile file("t.yaml", "a: [" + std::string(1 << 20, 'x') + "]\n");
  std::vector<Diagnostic> ds;  // more than one sink keeps: the renderer takes what it is given
  for (uint32_t i = 0; i < 200'000; ++i)
    ds.push_back({Severity::Error, Code::BadValue, "x", {&file, {4 + 5 * i, 5 + 5 * i}}, {}, {}});
  const std::vector<uint64_t> columns = start_columns(diagnostics_sarif(ds, "0"));
  REQUIRE(columns.size() == 200'000);
  CHECK(columns.back() == 5 + 5 * 199'999);
}
