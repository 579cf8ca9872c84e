// Verdict counts on random pools (tests/unit/random_pools.h), fixed seed, to compare the analysis
// before and after a change: `xenplan_tests -tc='census*' --no-skip -s` prints them.
#include <doctest/doctest.h>

#include <map>

#include "analysis/analyze.h"
#include "random_pools.h"

using namespace xenplan;

// Skipped in the suite (it simulates for minutes): run with --no-skip.
TEST_CASE("census: verdicts of 300 random RTDS pools" * doctest::skip()) {
  std::mt19937_64 rng(15);
  std::map<std::string, int> counts;
  for (int round = 0; round < 300; ++round) {
    const Model m = testing::random_rtds_host(rng);
    const AnalysisReport r = analyze(m);
    REQUIRE(r.pools.size() == 2);
    ++counts[std::string(verdict_name(r.pools[1].verdict))];
  }
  MESSAGE("schedulable ", counts["schedulable"], ", unschedulable ", counts["unschedulable"], ", unknown ",
          counts["unknown"]);
  CHECK(counts["schedulable"] + counts["unschedulable"] + counts["unknown"] == 300);
}
