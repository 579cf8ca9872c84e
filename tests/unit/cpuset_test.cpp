#include "base/cpuset.h"

#include <doctest/doctest.h>

using namespace xenplan;

namespace {
CpuSet parse_ok(std::string_view text) {
  CpuSet s;
  CpuSetError e;
  REQUIRE(parse_cpuset(text, s, e));
  return s;
}
CpuSetError parse_bad(std::string_view text) {
  CpuSet s;
  CpuSetError e;
  REQUIRE_FALSE(parse_cpuset(text, s, e));
  return e;
}
}  // namespace

TEST_CASE("CPU sets parse ranges and lists") {
  CHECK(parse_ok("2-5,7").cpus() == std::vector<uint32_t>{2, 3, 4, 5, 7});
  CHECK(parse_ok("3").cpus() == std::vector<uint32_t>{3});
  CHECK(parse_ok("7,2-3,3").cpus() == std::vector<uint32_t>{2, 3, 7});
  CHECK(parse_ok("0-0").size() == 1);
}

TEST_CASE("CPU set errors point at the offending character") {
  auto e = parse_bad("5-2");
  CHECK(e.message == "CPU range 5-2 runs backwards");
  CHECK(e.offset == 2);
  CHECK(e.help == "write \"2-5\"");
  e = parse_bad("2-5;7");
  CHECK(e.message == "unexpected `;` in CPU set");
  CHECK(e.offset == 3);
  e = parse_bad("2,");
  CHECK(e.message == "CPU set ends early");
  e = parse_bad("a-b");
  CHECK(e.message == "expected a CPU number, found `a`");
  CHECK(e.offset == 0);
  e = parse_bad("");
  CHECK(e.message == "empty CPU set");
  e = parse_bad("99999");
  CHECK(e.message == "CPU 99999 is beyond Xen's limit of 16383");
  e = parse_bad("2 - 5");
  CHECK(e.message == "unexpected ` ` in CPU set");
}

TEST_CASE("CPU set algebra and canonical text") {
  const CpuSet a = parse_ok("0-7");
  const CpuSet b = parse_ok("2-5");
  CHECK(a.minus(b).to_string() == "0-1,6-7");
  CHECK(a.intersect(parse_ok("6-9")).to_string() == "6-7");
  CHECK(b.is_subset_of(a));
  CHECK_FALSE(a.is_subset_of(b));
  CHECK(parse_ok("1,2,3,5").to_string() == "1-3,5");
  CHECK(CpuSet().to_string().empty());
}
