#include "synthesis/synthesize.h"

#include <algorithm>
#include <numeric>

#include "base/int128.h"

namespace xenplan {
namespace {

// floor(U P) with U rounded down: no budget at or below it can serve the tasks (B/P > U is
// necessary), so the searches may start there.
uint64_t budget_floor(const std::vector<GuestTask>& tasks, uint64_t period_us) {
  constexpr u128 S = 1'000'000'000;
  u128 u = 0;
  for (const GuestTask& k : tasks) u += u128(k.wcet_us) * S / k.period_us;
  return uint64_t(u * period_us / S);
}

}  // namespace

std::optional<uint64_t> minimal_budget(GuestScheduler s, const std::vector<GuestTask>& tasks,
                                       uint64_t period_us) {
  if (period_us < kMinRtdsBudgetUs || !guest_schedulable(s, tasks, {period_us, period_us}))
    return std::nullopt;
  uint64_t lo = std::max(kMinRtdsBudgetUs, std::min(budget_floor(tasks, period_us), period_us)),
           hi = period_us;
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    if (guest_schedulable(s, tasks, {period_us, mid})) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

std::optional<Interface> best_interface(GuestScheduler s, const std::vector<GuestTask>& tasks,
                                        const PeriodRange& range, uint64_t overhead_us) {
  uint64_t max_us = range.max_us;
  if (max_us == 0) {
    max_us = UINT64_MAX;
    for (const GuestTask& k : tasks) max_us = std::min(max_us, k.period_us);
  }
  const uint64_t step = std::max<uint64_t>(range.granularity_us, 1);
  std::optional<Interface> best;
  for (uint64_t p = range.min_us; p <= max_us && p >= range.min_us; p += step) {
    // A period whose cost even at the budget floor is worse than the best so far cannot win.
    const uint64_t lb = std::max(kMinRtdsBudgetUs, budget_floor(tasks, p));
    if (best && u128(lb + overhead_us) * best->period_us > u128(best->budget_us + overhead_us) * p) continue;
    const std::optional<uint64_t> b = minimal_budget(s, tasks, p);
    if (!b) continue;
    // (b + o) / p <= (B + o) / P, cross-multiplied; equal cost: the later (longer) period wins.
    if (!best || u128(*b + overhead_us) * best->period_us <= u128(best->budget_us + overhead_us) * p) {
      best = Interface{p, *b};
    }
  }
  return best;
}

std::vector<uint32_t> assign_worst_fit(const std::vector<GuestTask>& tasks, const std::vector<int64_t>& fixed,
                                       uint32_t vcpus) {
  std::vector<uint32_t> out(tasks.size(), 0);
  if (vcpus == 0) return out;
  // Utilization as an exact fraction per vCPU is costly to sum; parts per 10^12 (rounded up) are
  // only a heuristic's ordering, never a schedulability decision.
  auto util = [&](size_t i) {
    return (u128(tasks[i].wcet_us) * 1'000'000'000'000 + tasks[i].period_us - 1) / tasks[i].period_us;
  };
  std::vector<u128> load(vcpus, 0);
  std::vector<size_t> free;
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (i < fixed.size() && fixed[i] >= 0 && uint64_t(fixed[i]) < vcpus) {
      out[i] = uint32_t(fixed[i]);
      load[out[i]] += util(i);
    } else {
      free.push_back(i);
    }
  }
  std::stable_sort(free.begin(), free.end(), [&](size_t a, size_t b) { return util(a) > util(b); });
  for (size_t i : free) {
    const uint32_t v = uint32_t(std::min_element(load.begin(), load.end()) - load.begin());
    out[i] = v;
    load[v] += util(i);
  }
  return out;
}

}  // namespace xenplan
