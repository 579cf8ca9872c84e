// null pools (reference §1.8): schedulable exactly when every vCPU can have a CPU of its own
// that its affinity allows. Xen places vCPUs greedily and can strand one even when a matching
// exists, so the matching found here becomes explicit pinning in the artifacts.
#include <fmt/format.h>

#include "analysis/flow.h"
#include "analysis/pool_analyses.h"

namespace xenplan {

void analyze_null_pool(PoolAnalysis& pool) {
  const std::vector<uint32_t> cpu_ids = pool.cpus.ids();
  std::vector<std::vector<uint32_t>> allowed(pool.vcpus.size());
  for (size_t i = 0; i < pool.vcpus.size(); ++i) {
    for (uint32_t slot = 0; slot < cpu_ids.size(); ++slot) {
      if (pool.vcpus[i].cpus.contains(cpu_ids[slot])) allowed[i].push_back(slot);
    }
  }
  pool.decided_by = {TestId::Matching};
  const std::vector<uint32_t> slot_of = perfect_assignment(allowed, static_cast<uint32_t>(cpu_ids.size()));
  if (slot_of.empty() && !pool.vcpus.empty()) {
    pool.verdict = Verdict::Unschedulable;
    pool.explanation = fmt::format(
        "the null scheduler runs each vCPU alone on a CPU, and no assignment gives all {} vCPUs a CPU of "
        "their own within their affinity ({} CPUs); a vCPU without a CPU never runs",
        pool.vcpus.size(), pool.cpus.size());
    pool.fixes.push_back("give the pool more CPUs, or widen the affinity of the domains that share CPUs");
    return;
  }
  for (size_t i = 0; i < pool.vcpus.size(); ++i) {
    pool.null_cpu_of.push_back(cpu_ids[slot_of[i]]);
    pool.vcpus[i].proven_by = TestId::Matching;
  }
  pool.verdict = Verdict::Schedulable;
  pool.explanation =
      fmt::format("each of the {} vCPUs has a CPU of its own; each is pinned to it", pool.vcpus.size());
}

}  // namespace xenplan
