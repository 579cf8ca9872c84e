// What to change when an RTDS pool cannot be proven: the largest budget that would pass for the
// vCPU that fails, how many CPUs the pool would need, and pinning the heaviest vCPUs alone.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "analysis/global_tests.h"
#include "analysis/pool_analyses.h"
#include "base/units.h"

namespace xenplan {
namespace {

constexpr uint64_t kMinBudgetUs = 10;
constexpr uint32_t kMaxExtraCpus = 64;

// Whether BCL or RTA0 proves every vCPU of a global pool of `m` CPUs.
bool provable(const std::vector<MarginedTask>& tasks, uint32_t m) {
  const PerVcpuResult b = bcl(tasks, m);
  if (b.passed) return true;
  const PerVcpuResult r = rta0(tasks, m);
  for (size_t k : b.failed) {
    if (std::find(r.failed.begin(), r.failed.end(), k) != r.failed.end()) return false;
  }
  return true;
}

std::vector<MarginedTask> pool_tasks(const PoolAnalysis& pool, Margin margin) {
  std::vector<MarginedTask> tasks;
  for (const auto& v : pool.vcpus) tasks.push_back(with_margin(v.budget_us, v.period_us, margin));
  return tasks;
}

// The vCPU to shrink: the unproven one with the largest utilization.
size_t heaviest_unproven(const PoolAnalysis& pool) {
  size_t best = pool.vcpus.size();
  for (size_t i = 0; i < pool.vcpus.size(); ++i) {
    const VcpuRow& v = pool.vcpus[i];
    if (v.proven_by) continue;
    if (best == pool.vcpus.size() ||
        v.budget_us * pool.vcpus[best].period_us > pool.vcpus[best].budget_us * v.period_us) {
      best = i;
    }
  }
  return best;
}

}  // namespace

std::vector<std::string> rtds_fixes(const PoolAnalysis& pool, const DomainNames& names, Margin margin) {
  std::vector<std::string> fixes;
  const bool global = std::all_of(pool.masks.begin(), pool.masks.end(),
                                  [&](const CpuSet& mask) { return mask == pool.cpus; });
  std::vector<MarginedTask> tasks = pool_tasks(pool, margin);
  const auto m = static_cast<uint32_t>(pool.cpus.size());

  if (const size_t k = heaviest_unproven(pool); k < pool.vcpus.size()) {
    // Binary search the largest budget for vCPU k with which the whole pool is provable.
    const VcpuRow& v = pool.vcpus[k];
    uint64_t lo = kMinBudgetUs, hi = v.budget_us;  // provable(lo)? unknown; provable(hi) false
    auto with_budget = [&](uint64_t b) {
      std::vector<MarginedTask> t = tasks;
      t[k] = with_margin(b, v.period_us, margin);
      return provable(t, m);
    };
    if (v.budget_us > kMinBudgetUs && with_budget(lo)) {
      while (hi - lo > 1) {
        const uint64_t mid = lo + (hi - lo) / 2;
        (with_budget(mid) ? lo : hi) = mid;
      }
      fixes.push_back(fmt::format("lower the budget of {} vCPU {} from {} to at most {} (period {})",
                                  names.of(v), v.vcpu, format_time(v.budget_us), format_time(lo),
                                  format_time(v.period_us)));
    }
  }
  for (uint32_t extra = 1; extra <= kMaxExtraCpus; ++extra) {
    if (provable(tasks, m + extra)) {
      fixes.push_back(
          fmt::format("give the pool {} more CPU{} ({} in all)", extra, extra == 1 ? "" : "s", m + extra));
      break;
    }
  }
  std::string heavy;
  for (const auto& v : pool.vcpus) {
    if (2 * v.budget_us > v.period_us)
      heavy += fmt::format("{}{} vCPU {}", heavy.empty() ? "" : ", ", names.of(v), v.vcpu);
  }
  if (!heavy.empty()) {
    fixes.push_back(
        fmt::format("pin the heavy vCPUs ({}) to CPUs no other vCPU uses, or move them to a null "
                    "pool; global EDF handles vCPUs above 50% utilization badly (Dhall's effect)",
                    heavy));
  }
  if (!global)
    fixes.push_back("the fixes above assume one global pool; with affinities, check each group of CPUs");
  fixes.push_back(
      "move a domain to a pool with spare capacity, or keep periods within a narrow or harmonic "
      "range: a long-period vCPU with a large budget can burst into a short period");
  return fixes;
}

}  // namespace xenplan
