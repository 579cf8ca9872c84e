// CPUs: pool CPU sets inside the host, disjoint, leaving CPU 0 and dom0's pinned CPUs in Pool-0;
// domain affinity inside the domain's pool; vCPU counts.
#include <fmt/format.h>

#include <algorithm>

#include "base/echo.h"
#include "passes/checks.h"

namespace xenplan {
namespace {

std::string host_cpus_text(const Host& host) {
  return host.cpus.value == 1 ? "CPU 0" : fmt::format("CPUs 0-{}", host.cpus.value - 1);
}

void check_pool_cpus(PassContext& ctx) {
  const Model& m = ctx.model;
  const Host& host = m.host;
  const CpuSet all = CpuSet::range(0, host.cpus.value - 1);
  const CpuSet dom0_pinned = m.dom0_pinned_cpus();
  for (size_t i = 0; i < m.pools.size(); ++i) {
    const Pool& p = m.pools[i];
    if (!p.cpus.usable()) continue;
    const CpuSet& cpus = p.cpus.value;
    if (const CpuSet outside = cpus.minus(all); !outside.empty()) {
      ctx.sink
          .error(Code::CpuOutOfRange, ctx.at(p.cpus.span),
                 fmt::format("pool {} claims {} but host {} has {}", echo(p.name.value), outside.phrase(),
                             echo(host.name.value), host_cpus_text(host)))
          .note(ctx.at(host.cpus.span), "the host's CPU count is given here");
    }
    if (cpus.contains(0)) {
      ctx.sink
          .error(Code::Cpu0InPool, ctx.at(p.cpus.span),
                 fmt::format("pool {} claims CPU 0", echo(p.name.value)))
          .help("CPU 0 can never leave Pool-0; give the pool other CPUs");
    } else if (const CpuSet taken = cpus.intersect(dom0_pinned); !taken.empty()) {
      ctx.sink
          .error(Code::Dom0CpuInPool, ctx.at(p.cpus.span),
                 fmt::format("pool {} claims {}, where pinned dom0 runs", echo(p.name.value), taken.phrase()))
          .note(ctx.at(host.dom0.span), fmt::format("dom0 pins its vCPUs to {}", dom0_pinned.phrase()))
          .help(fmt::format("leave {} in Pool-0, or give dom0 fewer vCPUs", dom0_pinned.phrase()));
    }
    for (size_t j = 0; j < i; ++j) {
      const Pool& q = m.pools[j];
      if (!q.cpus.usable()) continue;
      if (const CpuSet both = cpus.intersect(q.cpus.value); !both.empty()) {
        ctx.sink
            .error(Code::CpuOverlap, ctx.at(p.cpus.span),
                   fmt::format("pool {} claims {}, which pool {} already has", echo(p.name.value),
                               both.phrase(), echo(q.name.value)))
            .note(ctx.at(q.cpus.span),
                  fmt::format("pool {} takes {} here", echo(q.name.value), q.cpus.value.phrase()))
            .help("a physical CPU belongs to one pool only");
      }
    }
  }
}

// More dom0 vCPUs than Pool-0 has CPUs is legal but shares CPUs among them: pinned, Xen wraps the
// pinning around the CPUs; unpinned, they compete for what Pool-0 keeps.
void check_dom0_cpus(PassContext& ctx) {
  const Model& m = ctx.model;
  const Dom0& dom0 = m.host.dom0;
  const bool pools_known =
      std::all_of(m.pools.begin(), m.pools.end(), [](const Pool& p) { return p.cpus.usable(); });
  if (!dom0.vcpus.usable() || !pools_known) return;
  const CpuSet pool0 = m.pool0_cpus();
  const uint32_t vcpus = dom0.vcpus.value;
  if (vcpus <= pool0.size() || pool0.empty()) return;
  if (dom0.pin.value && vcpus > m.host.cpus.value) {
    const uint32_t cpus = m.host.cpus.value;
    ctx.sink
        .warning(
            Code::Dom0Cpus, ctx.at(dom0.vcpus.span),
            fmt::format("dom0 pins {} vCPUs but the host has {} CPU{}: dom0_vcpus_pin wraps around, so up "
                        "to {} dom0 vCPUs share one CPU",
                        vcpus, cpus, cpus == 1 ? "" : "s", (vcpus + cpus - 1) / cpus))
        .help(fmt::format("give dom0 at most {} vCPUs", cpus));
  } else if (!dom0.pin.value) {
    ctx.sink
        .warning(
            Code::Dom0Cpus, ctx.at(dom0.vcpus.span),
            fmt::format("dom0 has {} vCPUs but Pool-0 keeps {} ({}): its vCPUs share them", vcpus,
                        pool0.phrase(), pool0.size() == 1 ? "one CPU" : fmt::format("{} CPUs", pool0.size())))
        .help(fmt::format("give dom0 at most {} vCPUs, or leave more CPUs in Pool-0", pool0.size()));
  }
}

// An affinity must stay inside the domain's pool: Xen cannot run a vCPU elsewhere.
// `pool0` is Pool-0's CPUs, computed once for every domain.
void check_within_pool(PassContext& ctx, const Domain& d, const CpuSet& pool0, const Located<CpuSet>& cpus,
                       std::string_view how) {
  if (!cpus.usable()) return;
  const Pool* pool = ctx.model.pool_of(d);
  const CpuSet& pool_cpus = pool ? pool->cpus.value : pool0;
  const CpuSet outside = cpus.value.minus(pool_cpus);
  if (outside.empty()) return;
  auto b = ctx.sink.error(Code::AffinityOutside, ctx.at(cpus.span),
                          fmt::format("domain {} is {} {}, outside its pool {}", echo(d.name.value), how,
                                      outside.phrase(), echo(ctx.model.domain_pool_name(d))));
  if (pool)
    b.note(ctx.at(pool->cpus.span),
           fmt::format("pool {} has {}", echo(pool->name.value), pool_cpus.phrase()));
  b.help(pool_cpus.empty()
             ? std::string("the pool has no CPUs left")
             : fmt::format("{} it within {}", how == "pinned to" ? "pin" : "keep", pool_cpus.phrase()));
}

void check_domain_cpus(PassContext& ctx, const Domain& d, const CpuSet& pool0) {
  if (d.vcpus.usable() && d.maxvcpus.usable() && d.vcpus.value > d.maxvcpus.value) {
    ctx.sink
        .error(Code::VcpuCount, ctx.at(d.maxvcpus.span),
               fmt::format("domain {} has maxvcpus {} below vcpus {}", echo(d.name.value), d.maxvcpus.value,
                           d.vcpus.value))
        .note(ctx.at(d.vcpus.span), "vcpus is given here")
        .help("xl requires vcpus <= maxvcpus; raise maxvcpus or lower vcpus");
  }
  if (!d.vcpu_cpus.empty() && d.maxvcpus.usable() && d.vcpu_cpus.size() != d.maxvcpus.value) {
    ctx.sink
        .error(Code::VcpuCount, ctx.at(d.cpus.span),
               fmt::format("domain {} lists CPUs for {} vCPUs but has {}", echo(d.name.value),
                           d.vcpu_cpus.size(), d.maxvcpus.value))
        .help("give one CPU set per vCPU (maxvcpus), or one set such as \"2-3\" for all of them");
  }
  if (!ctx.model.domain_pool_known(d)) return;
  check_within_pool(ctx, d, pool0, d.cpus, "pinned to");
  for (const auto& set : d.vcpu_cpus) check_within_pool(ctx, d, pool0, set, "pinned to");
  check_within_pool(ctx, d, pool0, d.cpus_soft, "given a soft affinity for");
}

}  // namespace

void check_cpus(PassContext& ctx) {
  if (!ctx.model.host.cpus.usable()) return;  // every CPU check is relative to the host's CPUs
  check_pool_cpus(ctx);
  check_dom0_cpus(ctx);
  const CpuSet pool0 = ctx.model.pool0_cpus();
  for (const Domain& d : ctx.model.domains) check_domain_cpus(ctx, d, pool0);
}

}  // namespace xenplan
