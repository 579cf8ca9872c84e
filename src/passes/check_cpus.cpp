// CPUs: pool CPU sets inside the host, disjoint, leaving CPU 0 and dom0's pinned CPUs in Pool-0;
// domain affinity inside the domain's pool; vCPU counts.
#include <fmt/format.h>

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
  const CpuSet dom0_pinned =
      host.dom0.pin && host.dom0.vcpus.value > 0 ? CpuSet::range(0, host.dom0.vcpus.value - 1) : CpuSet();
  for (size_t i = 0; i < m.pools.size(); ++i) {
    const Pool& p = m.pools[i];
    if (!known(p.cpus)) continue;
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
      if (!known(q.cpus)) continue;
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

void check_dom0_cpus(PassContext& ctx) {
  const Host& host = ctx.model.host;
  if (known(host.dom0.vcpus) && host.dom0.pin && host.dom0.vcpus.value > host.cpus.value) {
    ctx.sink
        .error(Code::Dom0Cpus, ctx.at(host.dom0.vcpus.span),
               fmt::format("dom0 pins {} vCPUs but the host has only {} CPUs", host.dom0.vcpus.value,
                           host.cpus.value))
        .help("give dom0 at most as many vCPUs as the host has CPUs");
  }
}

void check_domain_cpus(PassContext& ctx, const Domain& d) {
  if (known(d.vcpus) && known(d.maxvcpus) && d.vcpus.value > d.maxvcpus.value) {
    ctx.sink
        .error(Code::VcpuCount, ctx.at(d.maxvcpus.span),
               fmt::format("domain {} has maxvcpus {} below vcpus {}", echo(d.name.value), d.maxvcpus.value,
                           d.vcpus.value))
        .note(ctx.at(d.vcpus.span), "vcpus is given here")
        .help("xl requires vcpus <= maxvcpus; raise maxvcpus or lower vcpus");
  }
  if (!d.cpus || !ctx.model.domain_pool_known(d)) return;
  const CpuSet pool_cpus = ctx.model.domain_pool_cpus(d);
  if (const CpuSet outside = d.cpus->value.minus(pool_cpus); !outside.empty()) {
    auto b = ctx.sink.error(Code::AffinityOutside, ctx.at(d.cpus->span),
                            fmt::format("domain {} is pinned to {}, outside its pool {}", echo(d.name.value),
                                        outside.phrase(), echo(ctx.model.domain_pool_name(d))));
    if (d.pool)
      b.note(ctx.at(ctx.model.pools[*d.pool].cpus.span),
             fmt::format("pool {} has {}", echo(ctx.model.domain_pool_name(d)), pool_cpus.phrase()));
    b.help(pool_cpus.empty() ? std::string("the pool has no CPUs left")
                             : fmt::format("pin it within {}", pool_cpus.phrase()));
  }
}

}  // namespace

void check_cpus(PassContext& ctx) {
  if (!known(ctx.model.host.cpus)) return;  // every CPU check is relative to the host's CPUs
  check_pool_cpus(ctx);
  check_dom0_cpus(ctx);
  for (const Domain& d : ctx.model.domains) check_domain_cpus(ctx, d);
}

}  // namespace xenplan
