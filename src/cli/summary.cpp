#include "cli/summary.h"

#include <fmt/format.h>

#include "base/units.h"

namespace xenplan {
namespace {

std::string members(const Model& m, std::optional<PoolIndex> pool) {
  std::string out = pool ? "" : "dom0";
  for (const Domain& d : m.domains) {
    if ((m.in_pool0(d) ? std::nullopt : d.pool.index()) != pool) continue;
    out += fmt::format("{}{}", out.empty() ? "" : ", ", d.name.value);
  }
  return out.empty() ? "-" : out;
}

}  // namespace

std::string host_summary(const Model& m) {
  const Host& h = m.host;
  std::string out = fmt::format("host {}: {} CPUs, {}, Xen {}; dom0 {} with {} vCPU{}{}\n", h.name.value,
                                h.cpus.value, format_memory(h.memory.value), h.xen.version.value,
                                format_memory(h.dom0.memory.value), h.dom0.vcpus.value,
                                h.dom0.vcpus.value == 1 ? "" : "s", h.dom0.pin.value ? " (pinned)" : "");
  out += fmt::format("  {:<12} {:<9} {:<10} {}\n", "pool", "scheduler", "cpus", "domains");
  out += fmt::format("  {:<12} {:<9} {:<10} {}\n", kPool0Name, scheduler_name(h.xen.scheduler.value),
                     m.pool0_cpus().to_string(), members(m, std::nullopt));
  for (PoolIndex i = 0; i < m.pools.size(); ++i) {
    const Pool& p = m.pools[i];
    out += fmt::format("  {:<12} {:<9} {:<10} {}\n", p.name.value, scheduler_name(p.scheduler.value),
                       p.cpus.value.to_string(), members(m, i));
  }
  return out;
}

}  // namespace xenplan
