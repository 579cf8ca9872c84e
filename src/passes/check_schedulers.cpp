// Schedulers: each pool's scheduler exists in the target Xen; rtds and credit parameters only
// where their scheduler runs, within Xen's limits; null pools not overcommitted; RTDS pools
// not above their CPUs' capacity (the necessary test; the analysis proves the rest).
#include <fmt/format.h>

#include <algorithm>

#include "base/echo.h"
#include "base/ratio.h"
#include "base/units.h"
#include "passes/checks.h"

namespace xenplan {
namespace {

constexpr uint64_t kRtdsMinUs = 10;
constexpr uint64_t kRtdsDefaultPeriodUs = 10000;
constexpr uint64_t kRtdsDefaultBudgetUs = 4000;

bool available(const XenConfig& xen, SchedulerKind s) {
  for (SchedulerKind k : xen.schedulers) {
    if (k == s) return true;
  }
  return false;
}

void check_available(PassContext& ctx, const Located<SchedulerKind>& s, std::string_view user) {
  const XenConfig& xen = ctx.model.host.xen;
  if (s.value == SchedulerKind::Arinc653) {
    ctx.sink
        .error(Code::SchedulerMissing, ctx.at(s.span),
               fmt::format("{} uses arinc653, which xenplan cannot set up", user))
        .help("no xl command sets an ARINC653 schedule; use rtds or null for real-time pools");
    return;
  }
  if (available(xen, s.value)) return;
  auto b =
      ctx.sink.error(Code::SchedulerMissing, ctx.at(s.span),
                     fmt::format("{} uses {}, which {}Xen {} does not have", user, scheduler_name(s.value),
                                 xen.schedulers_declared ? "the declared build of " : "a stock build of ",
                                 echo(xen.version.value)));
  if (xen.schedulers_declared) {
    b.note(ctx.at(xen.schedulers_span), "the build's schedulers are declared here");
    b.help(fmt::format("add {} to `host.xen.schedulers` if the hypervisor really has it",
                       scheduler_name(s.value)));
  } else {
    b.help(fmt::format(
        "Xen 4.16 and later build rtds and null only with CONFIG_EXPERT and CONFIG_UNSUPPORTED; for such "
        "a custom build declare `schedulers: [credit, credit2, rtds, null]` under `host.xen`"));
  }
}

// The RTDS parameters each vCPU of `d` runs with.
std::vector<std::pair<uint64_t, uint64_t>> rtds_vcpus(const Domain& d) {
  std::vector<std::pair<uint64_t, uint64_t>> out;
  for (uint32_t v = 0; v < d.maxvcpus.value; ++v) {
    if (d.rtds.empty())
      out.emplace_back(kRtdsDefaultBudgetUs, kRtdsDefaultPeriodUs);
    else if (!d.rtds_per_vcpu)
      out.emplace_back(d.rtds[0].budget_us.value, d.rtds[0].period_us.value);
    else if (v < d.rtds.size())
      out.emplace_back(d.rtds[v].budget_us.value, d.rtds[v].period_us.value);
  }
  return out;
}

bool rtds_entry_valid(PassContext& ctx, const RtdsParams& p) {
  if (!known(p.period_us) || !known(p.budget_us)) return false;  // already reported where it was read
  bool ok = true;
  if (p.period_us.value < kRtdsMinUs) {
    ctx.sink.error(Code::RtdsParams, ctx.at(p.period_us.span),
                   fmt::format("period {} is below Xen's minimum of 10us", format_time(p.period_us.value)));
    ok = false;
  }
  if (p.budget_us.value < kRtdsMinUs) {
    ctx.sink.error(Code::RtdsParams, ctx.at(p.budget_us.span),
                   fmt::format("budget {} is below Xen's minimum of 10us", format_time(p.budget_us.value)));
    ok = false;
  } else if (p.budget_us.value > p.period_us.value) {
    ctx.sink
        .error(Code::RtdsParams, ctx.at(p.budget_us.span),
               fmt::format("budget {} is longer than the period {}", format_time(p.budget_us.value),
                           format_time(p.period_us.value)))
        .note(ctx.at(p.period_us.span), "the period is given here")
        .help("a vCPU cannot get more than its whole period; lower the budget or lengthen the period");
    ok = false;
  }
  return ok;
}

bool rtds_params_valid(PassContext& ctx, const Domain& d) {
  bool ok = true;
  for (const RtdsParams& p : d.rtds) ok = rtds_entry_valid(ctx, p) && ok;
  if (d.rtds_per_vcpu && d.rtds.size() != d.maxvcpus.value) {
    ctx.sink
        .error(Code::RtdsVcpuList, ctx.at(d.rtds_span),
               fmt::format("domain {} lists rtds for {} vCPUs but has {}", echo(d.name.value), d.rtds.size(),
                           d.maxvcpus.value))
        .help("give one entry per vCPU (maxvcpus), or a single mapping for all of them");
    ok = false;
  }
  return ok;
}

// "pool `rt`'s scheduler is given here", or why Pool-0 runs what it runs.
std::string scheduler_note(const Model& m, const Domain& d) {
  if (!d.pool && !m.host.xen.scheduler_declared) {
    return "Pool-0 runs Xen's default scheduler, credit2, because `host.xen` sets no `scheduler`";
  }
  return fmt::format("pool {}'s scheduler is given here", echo(m.domain_pool_name(d)));
}

void check_domain_params(PassContext& ctx, const Domain& d, SchedulerKind sched, Span sched_span) {
  const std::string_view pool = ctx.model.domain_pool_name(d);
  if (!d.rtds.empty() && sched != SchedulerKind::Rtds) {
    ctx.sink
        .error(Code::RtdsOutsideRtds, ctx.at(d.rtds_span),
               fmt::format("domain {} sets rtds, but its pool {} runs {}", echo(d.name.value), echo(pool),
                           scheduler_name(sched)))
        .note(ctx.at(sched_span), scheduler_note(ctx.model, d))
        .help("move the domain to an RTDS pool, or remove `rtds`");
  }
  if (d.credit && !is_credit_family(sched)) {
    ctx.sink
        .error(Code::CreditOutsideCredit, ctx.at(d.credit->span),
               fmt::format("domain {} sets credit, but its pool {} runs {}", echo(d.name.value), echo(pool),
                           scheduler_name(sched)))
        .note(ctx.at(sched_span), scheduler_note(ctx.model, d))
        .help("move the domain to a credit or credit2 pool, or remove `credit`");
  }
  if (d.credit && d.credit->cap && d.credit->cap->value > 100 * d.maxvcpus.value) {
    ctx.sink
        .error(Code::OutOfRange, ctx.at(d.credit->cap->span),
               fmt::format("cap {} is above 100 per vCPU ({} for {} vCPU{})", d.credit->cap->value,
                           100 * d.maxvcpus.value, d.maxvcpus.value, d.maxvcpus.value == 1 ? "" : "s"))
        .help("cap is a percentage of one CPU; 0 means no cap");
  }
  if (sched == SchedulerKind::Rtds && d.rtds.empty()) {
    ctx.sink
        .warning(Code::RtdsDefaults, ctx.at(d.name.span),
                 fmt::format("domain {} runs in RTDS pool {} without rtds parameters", echo(d.name.value),
                             echo(pool)))
        .help(
            "its vCPUs get Xen's defaults (period 10ms, budget 4ms, extratime on); set `rtds: {period, "
            "budget}`");
  }
}

// What one pool runs: its scheduler, CPUs, and the vCPUs of the domains (and dom0) inside it.
struct PoolLoad {
  std::string_view name;
  SchedulerKind scheduler;
  Span scheduler_span, cpus_span;
  size_t cpus = 0;
  uint64_t vcpus = 0;
  RatioSum utilization;
  bool usable = true;  // false when the pool or a member has unknown or invalid parameters
};

void check_load(PassContext& ctx, const PoolLoad& load) {
  if (load.usable && load.scheduler == SchedulerKind::Null && load.vcpus > load.cpus) {
    ctx.sink
        .error(Code::NullOvercommit, ctx.at(load.cpus_span),
               fmt::format("null pool {} has {} vCPUs for {} CPUs", echo(load.name), load.vcpus, load.cpus))
        .help(
            "the null scheduler runs one vCPU per CPU and leaves the rest waiting forever; give the pool "
            "more CPUs "
            "or its domains fewer vCPUs (maxvcpus counts)");
  }
  if (load.scheduler == SchedulerKind::Rtds && load.usable &&
      load.utilization.compare(load.cpus) == Compare::Greater) {
    ctx.sink
        .error(Code::RtdsOverload, ctx.at(load.cpus_span),
               fmt::format("RTDS pool {} needs {:.3f} CPUs of budget but has {}", echo(load.name),
                           load.utilization.approx(), load.cpus))
        .help(
            "the sum of budget/period over every vCPU must not exceed the pool's CPUs; shorten budgets, "
            "lengthen "
            "periods, or give the pool more CPUs");
  }
}

}  // namespace

void check_schedulers(PassContext& ctx) {
  const Model& m = ctx.model;
  if (known(m.host.xen.scheduler)) check_available(ctx, m.host.xen.scheduler, "the boot scheduler (Pool-0)");
  std::vector<PoolLoad> loads;
  for (const Pool& p : m.pools) {
    if (known(p.scheduler)) check_available(ctx, p.scheduler, fmt::format("pool {}", echo(p.name.value)));
    const bool usable = known(p.scheduler) && known(p.cpus);
    loads.push_back(
        {p.name.value, p.scheduler.value, p.scheduler.span, p.cpus.span, p.cpus.value.size(), 0, {}, usable});
  }
  const XenConfig& xen = m.host.xen;
  const bool pools_known =
      std::all_of(m.pools.begin(), m.pools.end(), [](const Pool& p) { return known(p.cpus); });
  PoolLoad pool0{"Pool-0",
                 xen.scheduler.value,
                 xen.scheduler.span,
                 m.host.cpus.span,
                 m.pool0_cpus().size(),
                 m.host.dom0.vcpus.value,
                 {},
                 known(xen.scheduler) && known(m.host.cpus) && known(m.host.dom0.vcpus) && pools_known};
  for (uint32_t v = 0; v < m.host.dom0.vcpus.value; ++v)
    pool0.utilization.add(kRtdsDefaultBudgetUs, kRtdsDefaultPeriodUs);
  for (const Domain& d : m.domains) {
    if (!m.domain_pool_known(d) || !known(d.maxvcpus)) continue;
    PoolLoad& load = d.pool ? loads[*d.pool] : pool0;
    check_domain_params(ctx, d, load.scheduler, load.scheduler_span);
    const bool valid = rtds_params_valid(ctx, d);
    load.vcpus += d.maxvcpus.value;
    load.usable = load.usable && valid;
    if (valid) {
      for (const auto& [budget, period] : rtds_vcpus(d)) load.utilization.add(budget, period);
    }
  }
  for (const PoolLoad& load : loads) check_load(ctx, load);
  check_load(ctx, pool0);
}

}  // namespace xenplan
