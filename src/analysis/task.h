// A vCPU as the schedulability tests see it: a deferrable server with budget C per window of
// length T, which must receive C before its deadline D (D <= T). All times in integer µs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace xenplan {

struct Task {
  uint64_t c = 0;  // budget the vCPU must receive per window (µs)
  uint64_t t = 0;  // window length: the RTDS period (µs)
  uint64_t d = 0;  // deadline within the window (µs); T minus the overhead margin
};

using TaskSet = std::vector<Task>;

// The overhead margin Δ applied as the analysis states: interferers use budget C + Δ, and every
// deadline is the period minus Δ (reference §1.6).
struct Margin {
  uint64_t delta_us = 0;
};

// A vCPU (B, P) with the margin applied for use as an interferer and as a victim.
struct MarginedTask {
  Task victim;      // C = B, D = P - Δ
  Task interferer;  // C = B + Δ, D = T = P
};

MarginedTask with_margin(uint64_t budget_us, uint64_t period_us, Margin margin);

}  // namespace xenplan
