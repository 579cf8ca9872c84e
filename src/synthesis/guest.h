// The real-time tasks inside a guest and the periodic resource model of the vCPU that serves them
// (Shin & Lee, "Periodic resource model for compositional real-time guarantees", RTSS 2003).
// Pure functions on integer microseconds: no floating point decides anything.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace xenplan {

enum class GuestScheduler { Edf, Fp };  // fp: rate monotonic unless priorities are given

// A sporadic task with a constrained deadline (wcet <= deadline <= period), all in µs.
struct GuestTask {
  std::string name;
  uint64_t period_us = 0;
  uint64_t wcet_us = 0;
  uint64_t deadline_us = 0;
  uint32_t priority = 0;  // fp: 1 = highest; 0 = not given (rate monotonic)
};

// A vCPU that receives `budget_us` in every window of `period_us`.
struct Interface {
  uint64_t period_us = 0;
  uint64_t budget_us = 0;
  bool operator==(const Interface&) const = default;
};

// The least supply the vCPU gives in any interval of length t: a blackout of 2(P-B) (B early in
// one window, late in the next), then B at the end of each window.
uint64_t sbf(const Interface& r, uint64_t t);

// At most this many test points per decision: a test that would need more says "not proven",
// which keeps the answer sound (and monotone in the budget: more budget, fewer points).
inline constexpr uint64_t kMaxTestPoints = 100'000;

// EDF: dbf(t) <= sbf(t) at every absolute deadline up to a bound proven from the linear lower
// bound of sbf (beyond it the supply provably stays ahead of the demand).
bool edf_schedulable(const std::vector<GuestTask>& tasks, const Interface& r);
// FP: each task i has some t in (0, D_i] with C_i + sum_{hp(i)} ceil(t/T_j) C_j <= sbf(t),
// tried at D_i and the multiples of the higher-priority periods below it.
bool fp_schedulable(const std::vector<GuestTask>& tasks, const Interface& r);
bool guest_schedulable(GuestScheduler s, const std::vector<GuestTask>& tasks, const Interface& r);

// The order fp runs tasks in: by priority where given (1 first), then by period, deadline and
// the order of the description. Returns indices into `tasks`.
std::vector<size_t> fp_order(const std::vector<GuestTask>& tasks);

}  // namespace xenplan
