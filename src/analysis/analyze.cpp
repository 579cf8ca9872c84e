// analyze(): gathers each pool's vCPUs as members (runs of one owner's vCPUs that share a mask),
// counts them, builds a row per vCPU only where the limits allow (analysis_limits.h), and
// hands the pool to the analysis of its scheduler.
#include "analysis/analyze.h"

#include <fmt/format.h>

#include "analysis/analysis_limits.h"
#include "analysis/masks.h"
#include "analysis/pool_analyses.h"

namespace xenplan {
namespace {

struct Member {
  std::optional<DomainIndex> domain;  // empty: dom0
  uint32_t first_vcpu = 0;
  uint32_t vcpus = 0;
  uint32_t mask = 0;
};

struct PoolPlan {
  PoolAnalysis pool;
  std::vector<Member> members;  // in row order: dom0 first, then the domains in declaration order
};

CpuSet allowed_cpus(const Located<CpuSet>& affinity, const CpuSet& pool_cpus) {
  return affinity.usable() ? affinity.value.intersect(pool_cpus) : pool_cpus;
}

// Appends vCPU v of `owner` with `mask`, extending the last run when it continues it.
void add_vcpu(PoolPlan& plan, std::optional<DomainIndex> owner, uint32_t v, uint32_t mask) {
  if (!plan.members.empty()) {
    Member& last = plan.members.back();
    if (last.domain == owner && last.mask == mask && last.first_vcpu + last.vcpus == v) {
      ++last.vcpus;
      return;
    }
  }
  plan.members.push_back({owner, v, 1, mask});
}

// dom0 in Pool-0: a pinned vCPU runs alone on the CPU Xen places it on, the others anywhere.
void add_dom0(PoolPlan& plan, const Model& model, MaskTable& masks) {
  const Dom0& dom0 = model.host.dom0;
  for (uint32_t v = 0; v < dom0.vcpus.value; ++v) {
    const uint32_t cpu = model.dom0_pinned_cpu(v);
    const bool pinned = dom0.pin.value && plan.pool.cpus.contains(cpu);
    add_vcpu(plan, std::nullopt, v, masks.intern(pinned ? CpuSet::range(cpu, cpu) : plan.pool.cpus));
  }
}

// A domain's vCPUs: one run when they share an affinity, else one per change of affinity.
void add_domain(PoolPlan& plan, const Domain& d, DomainIndex i, MaskTable& masks) {
  if (d.vcpu_cpus.empty()) {
    plan.members.push_back({i, 0, d.maxvcpus.value, masks.intern(allowed_cpus(d.cpus, plan.pool.cpus))});
    return;
  }
  for (uint32_t v = 0; v < d.maxvcpus.value; ++v) {
    const Located<CpuSet>& affinity = v < d.vcpu_cpus.size() ? d.vcpu_cpus[v] : d.cpus;
    add_vcpu(plan, i, v, masks.intern(allowed_cpus(affinity, plan.pool.cpus)));
  }
}

PoolAnalysis pool_head(std::string name, SchedulerKind scheduler, CpuSet cpus, Span span) {
  PoolAnalysis p;
  p.name = std::move(name);
  p.scheduler = scheduler;
  p.cpus = std::move(cpus);
  p.span = span;
  return p;
}

// Every pool with its members and masks, and no rows yet; fills report.pool_of_domain.
std::vector<PoolPlan> plan_pools(const Model& model, AnalysisReport& report) {
  std::vector<PoolPlan> plans;
  plans.push_back({pool_head(std::string(kPool0Name), model.host.xen.scheduler.value, model.pool0_cpus(),
                             model.host.xen.scheduler.span),
                   {}});
  for (const Pool& p : model.pools) {
    plans.push_back({pool_head(p.name.value, p.scheduler.value, p.cpus.value, p.cpus.span), {}});
  }
  std::vector<std::vector<DomainIndex>> domains(plans.size());
  report.pool_of_domain.assign(model.domains.size(), std::nullopt);
  for (DomainIndex i = 0; i < model.domains.size(); ++i) {
    const Domain& d = model.domains[i];
    const std::optional<uint32_t> pool = d.pool.index();
    if (model.in_pool0(d)) {
      report.pool_of_domain[i] = 0;
    } else if (pool && *pool < model.pools.size()) {
      report.pool_of_domain[i] = *pool + 1;
    }
    if (report.pool_of_domain[i]) domains[*report.pool_of_domain[i]].push_back(i);
  }
  for (size_t p = 0; p < plans.size(); ++p) {
    MaskTable masks;
    PoolPlan& plan = plans[p];
    if (p == 0) add_dom0(plan, model, masks);
    for (DomainIndex i : domains[p]) add_domain(plan, model.domains[i], i, masks);
    plan.pool.masks = masks.take();
    for (const Member& m : plan.members) plan.pool.vcpu_count += m.vcpus;
  }
  return plans;
}

std::vector<VcpuRtds> rtds_of(const Model& model, const Member& m) {
  return m.domain ? model.rtds_parameters(model.domains[*m.domain]) : model.dom0_rtds_parameters();
}

// One row per vCPU; budgets and periods only in RTDS pools, where they mean something.
void build_rows(PoolPlan& plan, const Model& model) {
  const bool rtds = plan.pool.scheduler == SchedulerKind::Rtds;
  plan.pool.vcpus.reserve(plan.pool.vcpu_count);
  for (const Member& m : plan.members) {
    const std::vector<VcpuRtds> params = rtds ? rtds_of(model, m) : std::vector<VcpuRtds>{};
    const bool busy = m.domain && model.domains[*m.domain].always_busy.value;
    for (uint32_t v = m.first_vcpu; v < m.first_vcpu + m.vcpus; ++v) {
      plan.pool.vcpus.push_back({m.domain, v, rtds ? params[v].budget_us : 0, rtds ? params[v].period_us : 0,
                                 m.mask, busy, std::nullopt});
    }
  }
}

// The necessary tests' sums per mask, and the utilization the report shows (in row order).
std::vector<MaskLoad> rtds_loads(PoolPlan& plan, const Model& model, MaskLoad& total) {
  std::vector<MaskLoad> loads(plan.pool.masks.size());
  double utilization = 0;
  for (const Member& m : plan.members) {
    const std::vector<VcpuRtds> params = rtds_of(model, m);
    for (uint32_t v = m.first_vcpu; v < m.first_vcpu + m.vcpus; ++v) {
      loads[m.mask].add(params[v].budget_us, params[v].period_us);
      total.add(params[v].budget_us, params[v].period_us);
      utilization += static_cast<double>(params[v].budget_us) / static_cast<double>(params[v].period_us);
    }
  }
  plan.pool.utilization = utilization;
  return loads;
}

std::string over_budget() {
  return fmt::format(
      "the description has more than {} vCPUs in real-time pools; xenplan analyses at most that many in "
      "one description",
      kMaxListedVcpus);
}

// Why an RTDS pool gets no rows, or "" when it gets them.
std::string rtds_limit(const PoolAnalysis& pool, bool disjoint, size_t budget) {
  const size_t limit = disjoint ? kMaxAnalysedVcpus : kMaxOverlappingVcpus;
  if (pool.vcpu_count > limit) {
    return fmt::format("the pool has {} vCPUs; xenplan analyses at most {} in one pool{}", pool.vcpu_count,
                       limit, disjoint ? "" : " when affinities overlap");
  }
  size_t ranges = 0;
  for (const CpuSet& m : pool.masks) ranges += m.ranges().size();
  if (!disjoint && ranges > kMaxOverlappingRanges) {
    return fmt::format(
        "the affinities of the pool's vCPUs hold {} CPU ranges; xenplan analyses at most {} in one pool when "
        "affinities overlap",
        ranges, kMaxOverlappingRanges);
  }
  return pool.vcpu_count > budget ? over_budget() : std::string();
}

void decide_rtds(PoolPlan& plan, const Model& model, const DomainNames& names, Margin margin,
                 size_t& budget) {
  RtdsInput in;
  in.loads = rtds_loads(plan, model, in.total);
  in.disjoint = masks_disjoint(plan.pool.masks);
  in.unanalysed = rtds_limit(plan.pool, in.disjoint, budget);
  if (in.unanalysed.empty()) {
    build_rows(plan, model);
    budget -= plan.pool.vcpu_count;
  }
  analyze_rtds_pool(plan.pool, in, names, margin);
}

void decide_null(PoolPlan& plan, const Model& model, size_t& budget) {
  std::string unanalysed;
  if (plan.pool.vcpu_count <= plan.pool.cpus.size()) {  // else no matching exists: no rows needed
    if (plan.pool.vcpu_count <= budget) {
      build_rows(plan, model);
      budget -= plan.pool.vcpu_count;
    } else {
      unanalysed = over_budget();
    }
  }
  analyze_null_pool(plan.pool, unanalysed);
}

void decide_not_real_time(PoolPlan& plan, const Model& model, size_t& budget) {
  PoolAnalysis& pool = plan.pool;
  pool.verdict = Verdict::NotRealTime;
  pool.decided_by = {TestId::Scheduler};
  pool.explanation = std::string(scheduler_name(pool.scheduler)) +
                     " shares CPUs by weight and gives no deadline guarantee, so the pool is not analysed";
  if (pool.vcpu_count <= budget) {
    build_rows(plan, model);
    budget -= pool.vcpu_count;
  } else {
    pool.explanation += fmt::format("; its {} vCPUs are not listed, since a report lists at most {}",
                                    pool.vcpu_count, kMaxListedVcpus);
  }
}

}  // namespace

AnalysisReport analyze(const Model& model) {
  AnalysisReport report;
  report.overhead_us = model.host.xen.rtds_overhead_us.value;
  const Margin margin{report.overhead_us};
  for (const Domain& d : model.domains) report.names.names.push_back(d.name.value);
  std::vector<PoolPlan> plans = plan_pools(model, report);
  // The rows of the whole report are bounded: null pools take theirs first (the pinning needs
  // them), then RTDS pools (their proofs do), then the others, whose rows are only listed.
  size_t budget = kMaxListedVcpus;
  for (PoolPlan& plan : plans) {
    if (plan.pool.scheduler == SchedulerKind::Null) decide_null(plan, model, budget);
  }
  for (PoolPlan& plan : plans) {
    if (plan.pool.scheduler == SchedulerKind::Rtds) decide_rtds(plan, model, report.names, margin, budget);
  }
  for (PoolPlan& plan : plans) {
    if (plan.pool.scheduler != SchedulerKind::Null && plan.pool.scheduler != SchedulerKind::Rtds)
      decide_not_real_time(plan, model, budget);
  }
  for (PoolPlan& plan : plans) report.pools.push_back(std::move(plan.pool));
  return report;
}

}  // namespace xenplan
