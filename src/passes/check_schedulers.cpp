// Schedulers: each pool's scheduler exists in the target Xen; rtds and credit parameters only
// where their scheduler runs, within Xen's limits. A pool's load is the analysis's to judge.
#include <fmt/format.h>

#include <algorithm>

#include "base/echo.h"
#include "base/ratio.h"
#include "base/units.h"
#include "passes/checks.h"

namespace xenplan {
namespace {

constexpr uint64_t kRtdsMinUs = 10;

bool available(const XenConfig& xen, SchedulerKind s) {
  for (SchedulerKind k : xen.schedulers.value) {
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
  if (!xen.schedulers.usable() || available(xen, s.value)) return;
  auto b =
      ctx.sink.error(Code::SchedulerMissing, ctx.at(s.span),
                     fmt::format("{} uses {}, which {}Xen {} does not have", user, scheduler_name(s.value),
                                 xen.schedulers.written() ? "the declared build of " : "a stock build of ",
                                 xen.version.value));
  if (xen.schedulers.written()) {
    b.note(ctx.at(xen.schedulers.span), "the build's schedulers are declared here");
    b.help(fmt::format("add {} to `host.xen.schedulers` if the hypervisor really has it",
                       scheduler_name(s.value)));
  } else {
    b.help(fmt::format(
        "Xen 4.16 and later build rtds and null only with CONFIG_EXPERT and CONFIG_UNSUPPORTED; for such "
        "a custom build declare `schedulers: [credit, credit2, rtds, null]` under `host.xen`"));
  }
}

bool rtds_entry_valid(PassContext& ctx, const RtdsParams& p) {
  if (!p.period_us.usable() || !p.budget_us.usable()) return false;  // reported where it was read
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

// Whether every entry of an `rtds` spec is valid and a per-vCPU list has one entry per vCPU.
// `who` names the owner in messages: "domain `plc-1`", "dom0".
bool rtds_spec_valid(PassContext& ctx, const std::optional<RtdsSpec>& spec, uint32_t vcpus,
                     std::string_view who, std::string_view count_help) {
  if (!spec) return true;
  bool ok = true;
  for (const RtdsParams& p : spec->entries) ok = rtds_entry_valid(ctx, p) && ok;
  if (spec->per_vcpu && spec->entries.size() != vcpus) {
    ctx.sink
        .error(Code::RtdsVcpuList, ctx.at(spec->span),
               fmt::format("{} lists rtds for {} vCPUs but has {}", who, spec->entries.size(), vcpus))
        .help(std::string(count_help));
    ok = false;
  }
  return ok;
}

// "pool `rt`'s scheduler is given here", or why Pool-0 runs what it runs.
std::string scheduler_note(const Model& m, const Domain* d) {
  if ((!d || m.in_pool0(*d)) && !m.host.xen.scheduler.written()) {
    return "Pool-0 runs Xen's default scheduler, credit2, because `host.xen` sets no `scheduler`";
  }
  return fmt::format("pool {}'s scheduler is given here", echo(d ? m.domain_pool_name(*d) : kPool0Name));
}

void check_domain_params(PassContext& ctx, const Domain& d, SchedulerKind sched, Span sched_span) {
  const std::string_view pool = ctx.model.domain_pool_name(d);
  if (d.rtds && sched != SchedulerKind::Rtds) {
    ctx.sink
        .error(Code::RtdsOutsideRtds, ctx.at(d.rtds->span),
               fmt::format("domain {} sets rtds, but its pool {} runs {}", echo(d.name.value), echo(pool),
                           scheduler_name(sched)))
        .note(ctx.at(sched_span), scheduler_note(ctx.model, &d))
        .help("move the domain to an RTDS pool, or remove `rtds`");
  }
  if (d.credit && !is_credit_family(sched)) {
    ctx.sink
        .error(Code::CreditOutsideCredit, ctx.at(d.credit->span),
               fmt::format("domain {} sets credit, but its pool {} runs {}", echo(d.name.value), echo(pool),
                           scheduler_name(sched)))
        .note(ctx.at(sched_span), scheduler_note(ctx.model, &d))
        .help("move the domain to a credit or credit2 pool, or remove `credit`");
  }
  if (d.credit && d.credit->cap.usable() && d.credit->cap.value > 100 * d.maxvcpus.value) {
    ctx.sink
        .error(Code::OutOfRange, ctx.at(d.credit->cap.span),
               fmt::format("cap {} is above 100 per vCPU ({} for {} vCPU{})", d.credit->cap.value,
                           100 * d.maxvcpus.value, d.maxvcpus.value, d.maxvcpus.value == 1 ? "" : "s"))
        .help("cap is a percentage of one CPU; 0 means no cap");
  }
  if (sched == SchedulerKind::Rtds && !d.rtds) {
    ctx.sink
        .warning(Code::RtdsDefaults, ctx.at(d.name.span),
                 fmt::format("domain {} runs in RTDS pool {} without rtds parameters", echo(d.name.value),
                             echo(pool)))
        .help(
            "its vCPUs get Xen's defaults (period 10ms, budget 4ms, extratime on); set `rtds: {period, "
            "budget}`");
  }
}

// dom0's `rtds`: valid, and only where Pool-0 runs RTDS.
bool check_dom0_params(PassContext& ctx) {
  const Model& m = ctx.model;
  const Dom0& dom0 = m.host.dom0;
  if (!dom0.rtds) return true;
  if (m.host.xen.scheduler.usable() && m.host.xen.scheduler.value != SchedulerKind::Rtds) {
    ctx.sink
        .error(Code::RtdsOutsideRtds, ctx.at(dom0.rtds->span),
               fmt::format("dom0 sets rtds, but Pool-0 runs {}", scheduler_name(m.host.xen.scheduler.value)))
        .note(ctx.at(m.host.xen.scheduler.span), scheduler_note(m, nullptr))
        .help("set `host.xen.scheduler: rtds` for an RTDS Pool-0, or remove `rtds` from `host.dom0`");
  }
  if (!dom0.vcpus.usable()) return false;
  return rtds_spec_valid(ctx, dom0.rtds, dom0.vcpus.value, "dom0",
                         "give one entry per dom0 vCPU (`host.dom0.vcpus`), or a single mapping for all");
}

}  // namespace

void check_schedulers(PassContext& ctx) {
  // A pool's load against its CPUs (Σ budget/period, null vCPUs) is the analysis's: its
  // necessary tests report it, with the fixes they compute (render_report.cpp).
  const Model& m = ctx.model;
  const XenConfig& xen = m.host.xen;
  if (xen.scheduler.usable()) check_available(ctx, xen.scheduler, "the boot scheduler (Pool-0)");
  for (const Pool& p : m.pools) {
    if (p.scheduler.usable()) check_available(ctx, p.scheduler, fmt::format("pool {}", echo(p.name.value)));
  }
  check_dom0_params(ctx);
  for (const Domain& d : m.domains) {
    if (!m.domain_pool_known(d) || !d.maxvcpus.usable()) continue;
    const Pool* p = m.pool_of(d);
    check_domain_params(ctx, d, m.domain_scheduler(d), p ? p->scheduler.span : xen.scheduler.span);
    rtds_spec_valid(ctx, d.rtds, d.maxvcpus.value, fmt::format("domain {}", echo(d.name.value)),
                    "give one entry per vCPU (maxvcpus), or a single mapping for all of them");
  }
}

}  // namespace xenplan
