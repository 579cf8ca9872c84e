// The deferrable-server demand test for vCPUs sharing one CPU (reference §3.4):
//   ∀L ≥ P_min − Δ:  Σ_i W_DS,i(L + Δ) ≤ L,   W_DS(L) = C⌊L/T⌋ + min(C, L mod T), C = B + Δ
// checked at the points where Σ W − L can peak, up to the bound L* past which it cannot fail.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/task.h"

namespace xenplan {

enum class DemandResult { Passed, Failed, TooCostly };

struct DemandOutcome {
  DemandResult result = DemandResult::Failed;
  uint64_t failing_length = 0;  // a window length L where demand exceeded L (µs)
  uint64_t points_checked = 0;
};

// `max_points` bounds the work; past it the test gives up (TooCostly), never guesses.
DemandOutcome ds_demand_test(const std::vector<MarginedTask>& tasks, Margin margin,
                             uint64_t max_points = 2'000'000);

}  // namespace xenplan
