#include "analysis/analyze.h"

#include "analysis/pool_analyses.h"

namespace xenplan {
namespace {

CpuSet allowed_cpus(const Located<CpuSet>& affinity, const CpuSet& pool_cpus) {
  return affinity.usable() ? affinity.value.intersect(pool_cpus) : pool_cpus;
}

void add_domain_vcpus(PoolAnalysis& pool, const Model& model, DomainIndex i) {
  const Domain& d = model.domains[i];
  const std::vector<VcpuRtds> params = model.rtds_parameters(d);
  for (uint32_t v = 0; v < d.maxvcpus.value; ++v) {
    const Located<CpuSet>& affinity = v < d.vcpu_cpus.size() ? d.vcpu_cpus[v] : d.cpus;
    pool.vcpus.push_back({i, v, params[v].budget_us, params[v].period_us, allowed_cpus(affinity, pool.cpus),
                          d.always_busy.value, {}});
  }
}

void add_dom0_vcpus(PoolAnalysis& pool, const Model& model) {
  const Dom0& dom0 = model.host.dom0;
  const std::vector<VcpuRtds> params = model.dom0_rtds_parameters();
  for (uint32_t v = 0; v < dom0.vcpus.value; ++v) {
    VcpuRow row{std::nullopt, v, params[v].budget_us, params[v].period_us, pool.cpus, false, {}};
    if (const uint32_t cpu = model.dom0_pinned_cpu(v); dom0.pin.value && pool.cpus.contains(cpu))
      row.cpus = CpuSet::range(cpu, cpu);
    pool.vcpus.push_back(std::move(row));
  }
}

void decide(PoolAnalysis& pool, const DomainNames& names, Margin margin) {
  if (pool.scheduler != SchedulerKind::Rtds) {
    for (VcpuRow& v : pool.vcpus) v.budget_us = v.period_us = 0;  // budgets mean nothing here
  }
  switch (pool.scheduler) {
    case SchedulerKind::Rtds:
      analyze_rtds_pool(pool, names, margin);
      break;
    case SchedulerKind::Null:
      analyze_null_pool(pool);
      break;
    default:
      pool.verdict = Verdict::NotRealTime;
      pool.decided_by = {TestId::Scheduler};
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
  for (const Domain& d : model.domains) report.names.names.push_back(d.name.value);
  report.pool_of_domain.assign(model.domains.size(), std::nullopt);

  PoolAnalysis pool0;
  pool0.name = "Pool-0";
  pool0.scheduler = model.host.xen.scheduler.value;
  pool0.cpus = model.pool0_cpus();
  pool0.span = model.host.xen.scheduler.span;
  add_dom0_vcpus(pool0, model);
  for (DomainIndex d = 0; d < model.domains.size(); ++d) {
    if (!model.in_pool0(model.domains[d])) continue;
    add_domain_vcpus(pool0, model, d);
    report.pool_of_domain[d] = 0;
  }
  decide(pool0, report.names, margin);
  report.pools.push_back(std::move(pool0));

  for (PoolIndex i = 0; i < model.pools.size(); ++i) {
    const Pool& p = model.pools[i];
    PoolAnalysis pool;
    pool.name = p.name.value;
    pool.scheduler = p.scheduler.value;
    pool.cpus = p.cpus.value;
    pool.span = p.cpus.span;
    for (DomainIndex d = 0; d < model.domains.size(); ++d) {
      if (model.in_pool0(model.domains[d]) || model.domains[d].pool.index() != i) continue;
      add_domain_vcpus(pool, model, d);
      report.pool_of_domain[d] = static_cast<uint32_t>(report.pools.size());
    }
    decide(pool, report.names, margin);
    report.pools.push_back(std::move(pool));
  }
  return report;
}

}  // namespace xenplan
