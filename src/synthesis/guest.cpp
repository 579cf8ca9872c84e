#include "synthesis/guest.h"

#include <algorithm>
#include <numeric>
#include <queue>
#include <tuple>

#include "base/int128.h"

namespace xenplan {

uint64_t sbf(const Interface& r, uint64_t t) {
  const uint64_t gap = r.period_us - r.budget_us;
  if (t <= gap) return 0;
  const uint64_t s = t - gap;  // from the end of the first window's early budget
  const uint64_t k = s / r.period_us;
  const uint64_t rest = s - k * r.period_us;
  return k * r.budget_us + (rest > gap ? rest - gap : 0);
}

namespace {

// A t beyond which dbf(t) <= sbf(t) always holds, or 0 when none can be proven.
// dbf_i(t) <= C_i t / T_i + C_i (T_i - D_i) / T_i and sbf(t) >= (B/P)(t - 2(P-B)). With both
// sums bounded above in units of 1/S (Uh = sum ceil(C S / T), W = sum ceil(C (T-D) S / T)),
// t >= (W P + 2 S B (P-B)) / (S B - Uh P) suffices.
uint64_t edf_bound(const std::vector<GuestTask>& tasks, const Interface& r) {
  constexpr u128 S = 1'000'000'000;
  u128 uh = 0, w = 0;
  for (const GuestTask& k : tasks) {
    uh += (u128(k.wcet_us) * S + k.period_us - 1) / k.period_us;
    w += (u128(k.wcet_us) * (k.period_us - k.deadline_us) * S + k.period_us - 1) / k.period_us;
  }
  const u128 lhs = S * r.budget_us, rhs = uh * r.period_us;
  if (lhs <= rhs) return 0;
  const u128 num = w * r.period_us + 2 * S * r.budget_us * (r.period_us - r.budget_us);
  const u128 t = num / (lhs - rhs) + 1;
  return t > u128(UINT64_MAX / 4) ? 0 : uint64_t(t);
}

}  // namespace

bool edf_schedulable(const std::vector<GuestTask>& tasks, const Interface& r) {
  if (r.budget_us == 0 || r.budget_us > r.period_us) return false;
  if (tasks.empty()) return true;
  const uint64_t bound = edf_bound(tasks, r);
  if (bound == 0) return false;
  // The absolute deadlines in increasing order, merged from each task's arithmetic sequence.
  using Next = std::pair<uint64_t, size_t>;
  std::priority_queue<Next, std::vector<Next>, std::greater<>> next;
  for (size_t i = 0; i < tasks.size(); ++i) next.push({tasks[i].deadline_us, i});
  uint64_t points = 0, demand = 0;
  while (!next.empty() && next.top().first <= bound) {
    auto [t, i] = next.top();
    next.pop();
    demand += tasks[i].wcet_us;  // dbf is a step function: add the jobs due at t
    next.push({t + tasks[i].period_us, i});
    if (!next.empty() && next.top().first == t) continue;  // more jobs due at the same t
    if (demand > sbf(r, t)) return false;
    if (++points > kMaxTestPoints) return false;
  }
  return true;
}

std::vector<size_t> fp_order(const std::vector<GuestTask>& tasks) {
  std::vector<size_t> order(tasks.size());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](size_t i) {
    const GuestTask& k = tasks[i];
    return std::tuple(k.priority == 0 ? UINT32_MAX : k.priority, k.period_us, k.deadline_us, i);
  };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  return order;
}

bool fp_schedulable(const std::vector<GuestTask>& tasks, const Interface& r) {
  if (r.budget_us == 0 || r.budget_us > r.period_us) return false;
  const std::vector<size_t> order = fp_order(tasks);
  uint64_t points = 0;
  for (size_t n = 0; n < order.size(); ++n) {
    const GuestTask& me = tasks[order[n]];
    std::vector<uint64_t> ts{me.deadline_us};
    for (size_t h = 0; h < n; ++h) {
      const uint64_t p = tasks[order[h]].period_us;
      for (uint64_t t = p; t < me.deadline_us; t += p) {
        ts.push_back(t);
        if (++points > kMaxTestPoints) return false;
      }
    }
    bool ok = false;
    for (uint64_t t : ts) {
      uint64_t rbf = me.wcet_us;
      for (size_t h = 0; h < n; ++h) {
        const GuestTask& o = tasks[order[h]];
        rbf += (t + o.period_us - 1) / o.period_us * o.wcet_us;
      }
      if (rbf <= sbf(r, t)) {
        ok = true;
        break;
      }
    }
    if (!ok) return false;
  }
  return true;
}

bool guest_schedulable(GuestScheduler s, const std::vector<GuestTask>& tasks, const Interface& r) {
  return s == GuestScheduler::Edf ? edf_schedulable(tasks, r) : fp_schedulable(tasks, r);
}

}  // namespace xenplan
