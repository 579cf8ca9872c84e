// null pools (reference §1.8): schedulable exactly when every vCPU can have a CPU of its own
// that its affinity allows. Xen places vCPUs greedily and can strand one even when a matching
// exists, so the matching found here becomes explicit pinning in the artifacts. It matches
// masks to segments of CPUs (affinity_flows.h), so its size follows the distinct affinities.
#include <fmt/format.h>

#include "analysis/affinity_flows.h"
#include "analysis/analysis_limits.h"
#include "analysis/masks.h"
#include "analysis/pool_analyses.h"

namespace xenplan {
namespace {

void reject(PoolAnalysis& pool) {
  pool.verdict = Verdict::Unschedulable;
  pool.explanation = fmt::format(
      "the null scheduler runs each vCPU alone on a CPU, and no assignment gives all {} vCPUs a CPU of "
      "their own within their affinity ({} CPUs); a vCPU without a CPU never runs",
      pool.vcpu_count, pool.cpus.size());
  pool.fixes.push_back("give the pool more CPUs, or widen the affinity of the domains that share CPUs");
}

}  // namespace

void analyze_null_pool(PoolAnalysis& pool, const std::string& unanalysed) {
  pool.decided_by = {TestId::Matching};
  if (pool.vcpu_count > pool.cpus.size()) {  // no matching can exist
    pool.verdict = Verdict::Unschedulable;
    pool.over_capacity = true;
    const uint64_t missing = pool.vcpu_count - pool.cpus.size();
    pool.explanation = fmt::format(
        "the null scheduler runs each vCPU alone on a CPU, and the pool has {} vCPUs for {} CPUs; the "
        "vCPUs without a CPU never run",
        pool.vcpu_count, pool.cpus.size());
    pool.fixes.push_back(fmt::format("give the pool {} more CPU{} ({} in all)", missing,
                                     missing == 1 ? "" : "s", pool.vcpu_count));
    pool.fixes.push_back(
        fmt::format("give its domains {} fewer vCPU{} (maxvcpus counts)", missing, missing == 1 ? "" : "s"));
    return;
  }
  if (pool.vcpus.size() != pool.vcpu_count || segment_edges(pool.cpus, pool.masks) > kMaxFlowEdges) {
    pool.verdict = Verdict::Unknown;
    pool.decided_by = {TestId::None};
    pool.explanation =
        !unanalysed.empty()
            ? unanalysed
            : fmt::format(
                  "the {} distinct affinities of its vCPUs make a matching of more than {} edges; "
                  "xenplan matches no larger ones",
                  pool.masks.size(), kMaxFlowEdges);
    return;
  }
  std::vector<uint32_t> mask_of;
  for (const VcpuRow& v : pool.vcpus) mask_of.push_back(v.mask);
  pool.null_cpu_of = match_to_cpus(pool.cpus, pool.masks, mask_of);
  if (pool.null_cpu_of.empty() && !pool.vcpus.empty()) return reject(pool);
  for (VcpuRow& v : pool.vcpus) v.proven_by = TestId::Matching;
  pool.verdict = Verdict::Schedulable;
  pool.explanation =
      fmt::format("each of the {} vCPUs has a CPU of its own; each is pinned to it", pool.vcpus.size());
}

}  // namespace xenplan
