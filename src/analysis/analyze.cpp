#include "analysis/analyze.h"

#include "analysis/pool_analyses.h"

namespace xenplan {
namespace {

constexpr uint64_t kRtdsDefaultPeriodUs = 10000;  // Xen's defaults for a vCPU without parameters
constexpr uint64_t kRtdsDefaultBudgetUs = 4000;

CpuSet allowed_cpus(const std::optional<Located<CpuSet>>& affinity, const CpuSet& pool_cpus) {
  return affinity ? affinity->value.intersect(pool_cpus) : pool_cpus;
}

void add_domain_vcpus(PoolAnalysis& pool, const Domain& d) {
  for (uint32_t v = 0; v < d.maxvcpus.value; ++v) {
    VcpuRow row{d.name.value,  v, kRtdsDefaultBudgetUs, kRtdsDefaultPeriodUs, allowed_cpus(d.cpus, pool.cpus),
                d.always_busy, {}};
    if (!d.rtds.empty()) {
      const RtdsParams& p = d.rtds_per_vcpu && v < d.rtds.size() ? d.rtds[v] : d.rtds[0];
      row.budget_us = p.budget_us.value;
      row.period_us = p.period_us.value;
    }
    pool.vcpus.push_back(std::move(row));
  }
}

void add_dom0_vcpus(PoolAnalysis& pool, const Dom0& dom0) {
  for (uint32_t v = 0; v < dom0.vcpus.value; ++v) {
    VcpuRow row{"Domain-0", v, kRtdsDefaultBudgetUs, kRtdsDefaultPeriodUs, pool.cpus, false, {}};
    if (dom0.pin && pool.cpus.contains(v)) row.cpus = CpuSet::range(v, v);
    if (dom0.rtds) {
      row.budget_us = dom0.rtds->budget_us.value;
      row.period_us = dom0.rtds->period_us.value;
    }
    pool.vcpus.push_back(std::move(row));
  }
}

void decide(PoolAnalysis& pool, Margin margin) {
  if (pool.scheduler != SchedulerKind::Rtds) {
    for (VcpuRow& v : pool.vcpus) v.budget_us = v.period_us = 0;  // budgets mean nothing here
  }
  switch (pool.scheduler) {
    case SchedulerKind::Rtds:
      analyze_rtds_pool(pool, margin);
      break;
    case SchedulerKind::Null:
      analyze_null_pool(pool);
      break;
    default:
      pool.verdict = Verdict::NotRealTime;
      pool.decided_by = "scheduler";
      pool.explanation =
          std::string(scheduler_name(pool.scheduler)) +
          " shares CPUs by weight and gives no deadline guarantee, so the pool is not analysed";
  }
}

}  // namespace

AnalysisReport analyze(const Model& model) {
  AnalysisReport report;
  report.overhead_us = model.host.xen.rtds_overhead_us.value;
  const Margin margin{report.overhead_us};

  PoolAnalysis pool0;
  pool0.name = "Pool-0";
  pool0.scheduler = model.host.xen.scheduler.value;
  pool0.cpus = model.pool0_cpus();
  pool0.span = model.host.xen.scheduler.span;
  add_dom0_vcpus(pool0, model.host.dom0);
  for (const Domain& d : model.domains) {
    if (!d.pool) add_domain_vcpus(pool0, d);
  }
  decide(pool0, margin);
  report.pools.push_back(std::move(pool0));

  for (PoolIndex i = 0; i < model.pools.size(); ++i) {
    const Pool& p = model.pools[i];
    PoolAnalysis pool;
    pool.name = p.name.value;
    pool.scheduler = p.scheduler.value;
    pool.cpus = p.cpus.value;
    pool.span = p.cpus.span;
    for (const Domain& d : model.domains) {
      if (d.pool == i) add_domain_vcpus(pool, d);
    }
    decide(pool, margin);
    report.pools.push_back(std::move(pool));
  }
  return report;
}

}  // namespace xenplan
