// Memory: whole MiB where xl and the Xen boot line need it, maxmem >= memory, the host's memory
// budget, and logical volumes that fit their volume group.
#include <fmt/format.h>

#include "base/echo.h"
#include "base/units.h"
#include "passes/checks.h"
#include "passes/memory_budget.h"

namespace xenplan {
namespace {

std::string mib(uint64_t bytes) {
  return fmt::format("{}MiB", bytes / kMiB + (bytes % kMiB ? 1 : 0));  // rounded up, without overflow
}

void check_whole_mib(PassContext& ctx, const Located<uint64_t>& size, std::string_view what) {
  if (size.value % kMiB == 0) return;
  ctx.sink
      .error(Code::MemoryGranularity, ctx.at(size.span),
             fmt::format("{} {}, which is not a whole number of MiB", what, format_memory(size.value)))
      .help(fmt::format("xl and the Xen boot line take whole MiB; write {}", echo(mib(size.value))));
}

void check_domain_memory(PassContext& ctx, const Domain& d) {
  if (!d.memory.usable() || !d.maxmem.usable()) return;
  check_whole_mib(ctx, d.memory, fmt::format("domain {} has memory", echo(d.name.value)));
  if (d.maxmem.written()) {
    check_whole_mib(ctx, d.maxmem, fmt::format("domain {} has maxmem", echo(d.name.value)));
  }
  if (d.memory.value == 0) {
    ctx.sink
        .error(Code::OutOfRange, ctx.at(d.memory.span),
               fmt::format("domain {} has no memory", echo(d.name.value)))
        .help("give the domain at least a few MiB, such as `memory: 256MiB`");
  }
  if (d.maxmem.value < d.memory.value) {
    ctx.sink
        .error(Code::MaxmemBelowMemory, ctx.at(d.maxmem.span),
               fmt::format("domain {} has maxmem {} below its memory {}", echo(d.name.value),
                           format_memory(d.maxmem.value), format_memory(d.memory.value)))
        .note(ctx.at(d.memory.span), "memory is given here")
        .help("raise maxmem to at least memory, or remove it (it defaults to memory)");
  } else if (d.maxmem.value > d.memory.value && d.type.usable() && d.type.value == DomainType::Hvm) {
    ctx.sink
        .warning(Code::PreBallooned, ctx.at(d.maxmem.span),
                 fmt::format("HVM domain {} starts with {} of its maxmem {}", echo(d.name.value),
                             format_memory(d.memory.value), format_memory(d.maxmem.value)))
        .help("the guest needs a balloon driver; without one set maxmem equal to memory");
  }
}

void check_host_budget(PassContext& ctx) {
  const Model& m = ctx.model;
  const MemoryBudget b = memory_budget(m);
  if (b.total() <= m.host.memory.value) return;
  ctx.sink
      .error(Code::MemoryOvercommit, ctx.at(m.host.memory.span),
             fmt::format("host {} has {} but needs {}: dom0 {} + domains' maxmem {} + Xen overhead {}",
                         echo(m.host.name.value), mib(m.host.memory.value), mib(b.total()), mib(b.dom0),
                         mib(b.domains), mib(b.xen_overhead)))
      .note(ctx.at(m.host.dom0.memory.span), "dom0's memory is fixed here")
      .help(
          "lower the memory or maxmem of a domain, or dom0's memory; xenplan's Xen overhead is 64MiB + 1/128 "
          "of "
          "host memory + 1MiB per domain + the PVH/HVM paging pool (or a domain's `xl: {shadow_memory}`)");
}

void check_volume_groups(PassContext& ctx) {
  const Model& m = ctx.model;
  constexpr uint64_t kExtent = 4 * kMiB;  // LVM's default extent size: volumes round up to it
  std::vector<uint64_t> used(m.host.volume_groups.size(), 0);
  for (const Domain& d : m.domains) {
    for (const Disk& disk : d.disks) {
      const auto group = disk.group.index();
      if (disk.source != DiskSource::Volume || !group || !disk.size.usable()) continue;
      if (disk.size.value == 0) {
        ctx.sink.error(Code::OutOfRange, ctx.at(disk.size.span), "a logical volume cannot be empty")
            .help("give the volume a size such as `8GiB`");
      }
      const uint64_t rounded =
          disk.size.value / kExtent * kExtent + (disk.size.value % kExtent ? kExtent : 0);
      used[*group] = saturating_add(used[*group], rounded);
    }
  }
  for (size_t i = 0; i < used.size(); ++i) {
    const VolumeGroup& vg = m.host.volume_groups[i];
    if (!vg.size.usable() || used[i] <= vg.size.value) continue;
    ctx.sink
        .error(Code::VolumeOvercommit, ctx.at(vg.size.span),
               fmt::format("volume group {} holds {} but its volumes need {}", echo(vg.name.value),
                           format_memory(vg.size.value), format_memory(used[i])))
        .note(ctx.at(vg.name.span), "each volume is rounded up to LVM's 4MiB extents")
        .help("shrink a volume, or give the group more space");
  }
}

}  // namespace

void check_memory(PassContext& ctx) {
  const Host& host = ctx.model.host;
  bool all_known = host.memory.usable() && host.dom0.memory.usable();
  if (host.dom0.memory.usable()) check_whole_mib(ctx, host.dom0.memory, "dom0 has memory");
  for (const Domain& d : ctx.model.domains) {
    check_domain_memory(ctx, d);
    all_known = all_known && d.memory.usable() && d.maxmem.usable() && d.maxvcpus.usable() && d.type.usable();
  }
  // The host's total means something only when every part of it was read.
  if (all_known) check_host_budget(ctx);
  check_volume_groups(ctx);
}

}  // namespace xenplan
