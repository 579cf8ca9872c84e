#include "analysis/global_tests.h"

#include <algorithm>

#include "base/int128.h"
#include "base/ratio.h"

namespace xenplan {

uint64_t ds_workload(const Task& i, uint64_t length) {
  if (i.t == 0) return 0;
  return i.c * (length / i.t) + std::min(i.c, length % i.t);
}

BclTerms bcl_terms(const std::vector<MarginedTask>& tasks, size_t k, uint32_t m,
                   const std::vector<size_t>& interferers) {
  BclTerms r;
  r.dominant = k;
  const Task& victim = tasks[k].victim;
  if (victim.d < victim.c || victim.d == 0) return r;  // no room even alone
  // Scaled by D_k: β_i·D_k = W_i(D_k) and (1 − λ_k)·D_k = D_k − C_k.
  r.slack = victim.d - victim.c;
  u128 sum = 0;
  bool some_within = false;
  for (size_t i : interferers) {
    if (i == k) continue;
    const uint64_t w = ds_workload(tasks[i].interferer, victim.d);
    if (w > r.dominant_work) {
      r.dominant = i;
      r.dominant_work = w;
    }
    sum += std::min(w, r.slack);
    some_within = some_within || (w > 0 && w <= r.slack);
  }
  const u128 capacity = u128{m} * r.slack;
  r.passes = sum < capacity || (sum == capacity && some_within);
  r.interference = static_cast<uint64_t>(std::min<u128>(sum, UINT64_MAX));
  r.capacity = static_cast<uint64_t>(std::min<u128>(capacity, UINT64_MAX));
  return r;
}

bool bcl_victim(const std::vector<MarginedTask>& tasks, size_t k, uint32_t m,
                const std::vector<size_t>& interferers, std::pair<size_t, uint64_t>* dominant) {
  const BclTerms t = bcl_terms(tasks, k, m, interferers);
  if (dominant) *dominant = {t.dominant, t.dominant_work};
  return t.passes;
}

namespace {

std::vector<size_t> everyone(size_t n) {
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  return all;
}

}  // namespace

PerVcpuResult bcl(const std::vector<MarginedTask>& tasks, uint32_t m,
                  const std::vector<std::vector<size_t>>& interferers_of) {
  PerVcpuResult r;
  const std::vector<size_t> all = everyone(tasks.size());
  for (size_t k = 0; k < tasks.size(); ++k) {
    std::pair<size_t, uint64_t> dominant;
    if (!bcl_victim(tasks, k, m, interferers_of.empty() ? all : interferers_of[k], &dominant)) {
      r.failed.push_back(k);
      r.dominant.push_back(dominant);
    }
  }
  r.passed = r.failed.empty();
  return r;
}

PerVcpuResult rta0(const std::vector<MarginedTask>& tasks, uint32_t m) {
  PerVcpuResult r;
  for (size_t k = 0; k < tasks.size(); ++k) {
    const Task& victim = tasks[k].victim;
    uint64_t response = victim.c;
    bool ok = victim.c <= victim.d;
    while (ok) {
      u128 interference = 0;
      for (size_t i = 0; i < tasks.size(); ++i) {
        if (i == k) continue;
        const Task& it = tasks[i].interferer;
        // W_i(L): densest back-to-back pattern, x = L + D_i − C_i with zero slack (D_i = T_i).
        const uint64_t x = response + it.t - std::min(it.c, it.t);
        const uint64_t n = x / it.t;
        const uint64_t w = n * it.c + std::min(it.c, x - n * it.t);
        const uint64_t e = ds_workload(it, victim.d);  // E_i(D_k), EDF-specific bound
        interference += std::min({w, e, response - victim.c + 1});
      }
      const u128 next = u128{victim.c} + interference / m;
      if (next > victim.d) {
        ok = false;
      } else if (next == response) {
        break;
      } else {
        response = static_cast<uint64_t>(next);
      }
    }
    if (!ok) {
      r.failed.push_back(k);
      r.dominant.emplace_back(k, 0);
    }
  }
  r.passed = r.failed.empty();
  return r;
}

bool gfb(const std::vector<MarginedTask>& tasks, uint32_t m) {
  // Σ δ_i + (m − 1)·δ_max ≤ m, with δ_i = C_i / D_i, compared exactly.
  RatioSum sum;
  size_t densest = 0;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const Task& t = tasks[i].victim;
    const uint64_t c = tasks[i].interferer.c;
    if (t.d == 0 || c > t.d) return false;
    sum.add(c, t.d);
    const Task& best = tasks[densest].victim;
    if (u128{c} * best.d > u128{tasks[densest].interferer.c} * t.d) densest = i;
  }
  if (tasks.empty()) return true;
  sum.add(tasks[densest].interferer.c * (m - 1), tasks[densest].victim.d);
  const Compare result = sum.compare(m);
  return result == Compare::Less || result == Compare::Equal;
}

bool utilization_fits(const std::vector<std::pair<uint64_t, uint64_t>>& budget_period, uint32_t m) {
  RatioSum sum;
  for (const auto& [budget, period] : budget_period) {
    if (budget > period) return false;
    sum.add(budget, period);
  }
  // Only a sum definitely above m fails a necessary test; "unknown" is not a rejection.
  return sum.compare(m) != Compare::Greater;
}

}  // namespace xenplan
