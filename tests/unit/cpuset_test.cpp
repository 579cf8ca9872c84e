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
  CHECK(parse_ok("2-5,7").ids() == std::vector<uint32_t>{2, 3, 4, 5, 7});
  CHECK(parse_ok("3").ids() == std::vector<uint32_t>{3});
  CHECK(parse_ok("7,2-3,3").ids() == std::vector<uint32_t>{2, 3, 7});
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

TEST_CASE("CPU sets are ranges: their size follows the text, not the CPUs") {
  CHECK(parse_ok("0-16383").ranges().size() == 1);
  CHECK(parse_ok("0-16383").size() == 16384);
  CHECK(parse_ok("5,4,3,9,1-2").ranges() == std::vector<CpuRange>{{1, 5}, {9, 9}});
  std::string reversed;
  for (int c = 16383; c >= 0; --c) reversed += std::to_string(c) + (c ? "," : "");
  CHECK(parse_ok(reversed) == CpuSet::range(0, 16383));
  CHECK(CpuSet::of({7, 3, 3, 4}).ranges() == std::vector<CpuRange>{{3, 4}, {7, 7}});
  CpuSet s = CpuSet::range(10, 12);
  s.insert(5);   // before every range
  s.insert(13);  // joins the last
  s.insert({6, 9});
  CHECK(s == CpuSet::range(5, 13));
  CHECK(s.size() == 9);
  CHECK(parse_ok("2-3,7,9-10").nth(2) == 7);
  CHECK(parse_ok("2-3,7,9-10").ids() == std::vector<uint32_t>{2, 3, 7, 9, 10});
}

TEST_CASE("CPU set algebra on ranges: edges and gaps") {
  const CpuSet a = parse_ok("0-3,8-11");
  CHECK(a.minus(parse_ok("3-8")).to_string() == "0-2,9-11");
  CHECK(a.minus(parse_ok("0-11")).empty());
  CHECK(a.minus(parse_ok("5")).to_string() == "0-3,8-11");
  CHECK(a.intersect(parse_ok("2-9")).to_string() == "2-3,8-9");
  CHECK(a.intersects(parse_ok("4-7,11")));
  CHECK_FALSE(a.intersects(parse_ok("4-7,12")));
  CHECK(parse_ok("1-2,9").is_subset_of(a));
  CHECK_FALSE(parse_ok("3-4").is_subset_of(a));
  CHECK(a.contains(8));
  CHECK_FALSE(a.contains(5));
  CHECK(a.phrase() == "CPUs 0-3,8-11");
}
