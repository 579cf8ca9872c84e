#include "analysis/uniprocessor_tests.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "analysis/global_tests.h"
#include "base/int128.h"
#include "base/ratio.h"

namespace xenplan {
namespace {

// Σ_i W_i(L + Δ) ≤ L at one window length.
bool demand_fits(const std::vector<MarginedTask>& tasks, uint64_t length, Margin margin) {
  u128 demand = 0;
  for (const auto& t : tasks) demand += ds_workload(t.interferer, length + margin.delta_us);
  return demand <= length;
}

}  // namespace

DemandOutcome ds_demand_test(const std::vector<MarginedTask>& tasks, Margin margin, uint64_t max_points) {
  DemandOutcome out;
  if (tasks.empty()) {
    out.result = DemandResult::Passed;
    return out;
  }
  // U' < 1 is needed for a finite bound; at or above 1 the test cannot pass.
  RatioSum u;
  long double sum_u = 0, sum_slack = 0;
  uint64_t p_min = UINT64_MAX;
  for (const auto& t : tasks) {
    const Task& i = t.interferer;
    u.add(std::min(i.c, i.t), i.t);
    const long double ui = static_cast<long double>(i.c) / static_cast<long double>(i.t);
    sum_u += ui;
    sum_slack += static_cast<long double>(i.c) * (1 - ui);
    p_min = std::min(p_min, i.t);
  }
  if (u.compare(1) != Compare::Less) {
    out.failing_length = p_min;
    return out;  // Failed: demand grows at least as fast as time
  }
  // Σ W_i(L+Δ) ≤ U'(L+Δ) + Σ C_i(1 − u_i) ≤ L for every L ≥ L* (see the header); rounded up
  // generously since L* only bounds how far to look.
  const long double bound = (sum_u * static_cast<long double>(margin.delta_us) + sum_slack) / (1 - sum_u);
  const uint64_t limit = static_cast<uint64_t>(std::ceil(bound * (1 + 1e-9L))) + 2;
  const uint64_t start = p_min > margin.delta_us ? p_min - margin.delta_us : 0;

  // Corner points L = kP_i + B_i (where W_i stops growing), merged in increasing order.
  using Point = std::pair<uint64_t, size_t>;  // (L, vCPU)
  std::priority_queue<Point, std::vector<Point>, std::greater<>> next;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const uint64_t budget = tasks[i].victim.c;
    const uint64_t period = tasks[i].interferer.t;
    uint64_t first = budget;
    if (first < start) first += (start - first + period - 1) / period * period;
    next.emplace(first, i);
  }
  out.points_checked = 1;
  if (!demand_fits(tasks, start, margin)) {
    out.failing_length = start;
    return out;
  }
  while (!next.empty() && next.top().first <= limit) {
    const auto [length, i] = next.top();
    next.pop();
    if (++out.points_checked > max_points) {
      out.result = DemandResult::TooCostly;
      return out;
    }
    if (!demand_fits(tasks, length, margin)) {
      out.failing_length = length;
      return out;
    }
    next.emplace(length + tasks[i].interferer.t, i);
  }
  out.result = DemandResult::Passed;
  return out;
}

}  // namespace xenplan
