// Soundness evidence (reference §3.4): whatever the DS-safe tests accept, the RTDS simulator
// (everyone busy, and deferrable-server bursts against each victim) must not break.
#include <doctest/doctest.h>

#include <random>

#include "analysis/global_tests.h"
#include "analysis/simulate.h"
#include "analysis/uniprocessor_tests.h"

using namespace xenplan;

TEST_CASE("randomized: sets accepted by BCL, RTA0 or the demand test show no miss in simulation") {
  std::mt19937_64 rng(20261124);  // fixed seed: the same sets on every machine
  size_t accepted = 0;
  for (int round = 0; round < 400; ++round) {
    const auto m = static_cast<uint32_t>(1 + rng() % 3);
    const size_t n = m + 1 + rng() % 4;
    std::vector<MarginedTask> tasks;
    std::vector<SimVcpu> sim;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t period = (3 + rng() % 14) * 1000;
      const uint64_t budget = std::max<uint64_t>(10, rng() % (period / 2));
      tasks.push_back(with_margin(budget, period, {0}));
      sim.push_back({budget, period});
    }
    const bool proven = bcl(tasks, m).passed || rta0(tasks, m).passed ||
                        (m == 1 && ds_demand_test(tasks, {0}).result == DemandResult::Passed);
    if (!proven) continue;
    ++accepted;
    const SimOutcome outcome = find_counterexample(sim, m);
    INFO("round ", round, ", m = ", m);
    CHECK_FALSE(outcome.miss.has_value());
  }
  CHECK(accepted > 40);  // the property was exercised on a real number of sets
}
