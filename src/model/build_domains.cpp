// Reads one entry of `domains:` — a guest and everything xl.cfg says about it.
#include <fmt/format.h>

#include <tuple>

#include "base/echo.h"
#include "model/builders.h"
#include "model/value_readers.h"

namespace xenplan {
namespace {

constexpr uint32_t kMaxVcpus = 128;  // libxl's limit for every guest type (HVM_MAX_VCPUS)
// xl's weight limit.
constexpr uint32_t kMaxWeight = 65535;

constexpr WordOf<Action> kActions[] = {{"destroy", Action::Destroy},
                                       {"restart", Action::Restart},
                                       {"rename-restart", Action::RenameRestart},
                                       {"preserve", Action::Preserve},
                                       {"coredump-destroy", Action::CoredumpDestroy},
                                       {"coredump-restart", Action::CoredumpRestart},
                                       {"soft-reset", Action::SoftReset}};

void read_credit(Context& ctx, const Node& node, Domain& d) {
  MapReader m(ctx, node, "`credit`");
  CreditParams c;
  c.span = node.span;
  m.read("weight", c.weight, uint32_in(1, kMaxWeight));
  m.read("cap", c.cap, uint32_in(0, 100 * kMaxVcpus));
  m.finish();
  d.credit = c;
}

void read_volume(Context& ctx, const Node& node, Disk& disk) {
  MapReader m(ctx, node, "`volume`");
  m.require("group", "vg0", disk.group.name, read_string);
  m.require("size", "8GiB", disk.size, read_memory);
  m.finish();
}

Disk read_disk(Context& ctx, const Node& node) {
  static constexpr WordOf<DiskFormat> kFormats[] = {{"raw", DiskFormat::Raw},
                                                    {"qcow", DiskFormat::Qcow},
                                                    {"qcow2", DiskFormat::Qcow2},
                                                    {"vhd", DiskFormat::Vhd},
                                                    {"qed", DiskFormat::Qed}};
  static constexpr WordOf<DiskAccess> kAccess[] = {{"rw", DiskAccess::ReadWrite},
                                                   {"ro", DiskAccess::ReadOnly}};
  MapReader m(ctx, node, "a disk");
  Disk disk;
  disk.span = node.span;
  m.require("vdev", "xvda", disk.vdev, read_string);
  disk.cdrom = defaulted(false, node.span);
  m.read("cdrom", disk.cdrom, read_bool);
  const bool cdrom = disk.cdrom.value;
  const Node* volume = m.optional("volume");
  const Node* file = m.optional("file");
  const Node* device = m.optional("device");
  const int sources = (volume ? 1 : 0) + (file ? 1 : 0) + (device ? 1 : 0);
  if (sources == 0 && m.is_mapping() && !cdrom) {
    ctx.sink.error(Code::MissingField, ctx.at(node.span), "a disk needs one of `volume`, `file` or `device`")
        .help("add `volume: {group: vg0, size: 8GiB}`, `file: /srv/images/disk.img` or `device: /dev/sdc`");
  } else if (sources > 1) {
    ctx.sink.error(Code::Conflict, ctx.at(node.span),
                   "a disk takes only one of `volume`, `file` or `device`");
  }
  if (volume) {
    disk.source = DiskSource::Volume;
    read_volume(ctx, *volume, disk);
  } else if (file) {
    disk.source = DiskSource::File;
    m.read("file", disk.path, read_string);
  } else if (device) {
    disk.source = DiskSource::Device;
    m.read("device", disk.path, read_string);
  } else {
    disk.source = DiskSource::Empty;  // a CD-ROM drive with no medium
  }
  if (const Node* v = m.optional("format")) {
    if (auto f = read_word<DiskFormat>(ctx, *v, "`format`", kFormats)) {
      disk.format = f->value;
      if (f->value != DiskFormat::Raw && disk.source != DiskSource::File) {
        ctx.sink
            .error(Code::Conflict, ctx.at(v->span),
                   fmt::format("format {} applies only to `file` disks", echo(disk_format_name(f->value))))
            .help("volumes and devices are raw block devices; remove `format`");
      }
    }
  }
  // A CD-ROM is read-only; xl makes it so whatever access says.
  disk.access = defaulted(cdrom ? DiskAccess::ReadOnly : DiskAccess::ReadWrite, node.span);
  m.read("access", disk.access, word_of(kAccess));
  m.read("script", disk.script, read_string);
  m.read("discard", disk.discard, read_bool);
  m.read("backend", disk.backend, read_string);
  m.finish();
  return disk;
}

Network read_network(Context& ctx, const Node& node) {
  static constexpr WordOf<VifType> kTypes[] = {{"vif", VifType::Vif}, {"ioemu", VifType::Ioemu}};
  MapReader m(ctx, node, "a network");
  Network n;
  n.span = node.span;
  m.require("bridge", "xenbr0", n.bridge.name, read_string);
  m.read("mac", n.mac, read_mac);
  for (auto [key, field] :
       {std::pair{"ip", &n.ip}, std::pair{"model", &n.model}, std::pair{"rate", &n.rate},
        std::pair{"vifname", &n.vifname}, std::pair{"script", &n.script}, std::pair{"backend", &n.backend}}) {
    m.read(key, *field, read_string);
  }
  m.read("type", n.type, word_of(kTypes));
  m.finish();
  return n;
}

// `cpus`: one set for every vCPU ("2-5" or [2, 3, 4]), or a list of sets, one per vCPU, written
// as strings as xl.cfg(5) writes them (["2", "3-4"]).
void read_affinity(Context& ctx, const Node& node, Domain& d) {
  const bool per_vcpu = node.kind == NodeKind::Sequence && !node.items.empty() &&
                        ctx.node(node.items[0]).kind == NodeKind::Scalar && ctx.node(node.items[0]).quoted;
  if (!per_vcpu) {
    MapReader::store_value(read_cpuset(ctx, node, "`cpus`"), node, d.cpus);
    return;
  }
  d.cpus = {{}, node.span, FieldState::Invalid};  // per vCPU: the sets are in vcpu_cpus
  for (NodeId id : node.items) {
    const Node& item = ctx.node(id);
    if (item.kind != NodeKind::Scalar || !item.quoted) {
      ctx.sink
          .error(Code::WrongType, ctx.at(item.span),
                 "a per-vCPU `cpus` list holds one quoted CPU set per vCPU, such as [\"2\", \"3-4\"]")
          .help("quote every entry; a list of unquoted numbers such as [2, 3] is one set for all vCPUs");
      d.vcpu_cpus.push_back({{}, item.span, FieldState::Invalid});
      continue;
    }
    Located<CpuSet> set;
    MapReader::store_value(read_cpuset(ctx, item, "a vCPU's `cpus`"), item, set);
    d.vcpu_cpus.push_back(std::move(set));
  }
}

void read_boot(Context& ctx, MapReader& m, Domain& d) {
  for (auto [key, field] :
       {std::pair{"kernel", &d.kernel}, std::pair{"ramdisk", &d.ramdisk}, std::pair{"cmdline", &d.cmdline},
        std::pair{"root", &d.root}, std::pair{"extra", &d.extra}, std::pair{"bootloader", &d.bootloader}}) {
    m.read(key, *field, read_string);
  }
  if (const Node* v = m.optional("bootloader_args"))
    d.bootloader_args = read_string_list(ctx, *v, "`bootloader_args`");
}

void read_actions(MapReader& m, Domain& d) {
  for (auto [key, field, fallback] : {std::tuple{"on_poweroff", &d.on_poweroff, Action::Destroy},
                                      std::tuple{"on_reboot", &d.on_reboot, Action::Restart},
                                      std::tuple{"on_crash", &d.on_crash, Action::Destroy}}) {
    *field = defaulted(fallback, d.span);
    m.read(key, *field, word_of(kActions));
  }
  m.read("on_watchdog", d.on_watchdog, word_of(kActions));
}

}  // namespace

void read_domain(Context& ctx, const Node& node, Domain& d) {
  static constexpr WordOf<DomainType> kTypes[] = {
      {"pv", DomainType::Pv}, {"pvh", DomainType::Pvh}, {"hvm", DomainType::Hvm}};
  MapReader m(ctx, node, "a domain");
  d.span = node.span;
  m.require("name", "guest-1", d.name, read_string);
  if (d.name.usable()) m.rename(fmt::format("domain {}", echo(d.name.value)));
  // Defaults point at the domain's name, or at the domain when its name is missing.
  const Span here = d.name.given() ? d.name.span : d.span;
  d.type = defaulted(DomainType::Pv, here);  // xl's default
  m.read("type", d.type, word_of(kTypes));
  m.read("pool", d.pool.name, read_string);
  m.require("memory", "512MiB", d.memory, read_memory);
  d.maxmem = {d.memory.value, d.memory.span, d.memory.usable() ? FieldState::Defaulted : d.memory.state};
  m.read("maxmem", d.maxmem, read_memory);
  d.vcpus = defaulted(uint32_t{1}, here);  // xl's default
  m.read("vcpus", d.vcpus, uint32_in(1, kMaxVcpus));
  d.maxvcpus = {d.vcpus.value, d.vcpus.span, d.vcpus.usable() ? FieldState::Defaulted : d.vcpus.state};
  m.read("maxvcpus", d.maxvcpus, uint32_in(1, kMaxVcpus));
  if (const Node* v = m.optional("cpus")) read_affinity(ctx, *v, d);
  m.read("cpus_soft", d.cpus_soft, read_cpuset);
  if (const Node* v = m.optional("rtds")) d.rtds = read_rtds(ctx, *v);
  if (const Node* v = m.optional("credit")) read_credit(ctx, *v, d);
  read_boot(ctx, m, d);
  m.read("uuid", d.uuid, read_string);
  d.autostart = defaulted(true, here);
  m.read("autostart", d.autostart, read_bool);
  if (const Node* v = m.optional("disks")) {
    for (NodeId id : read_list(ctx, *v, "`disks`")) d.disks.push_back(read_disk(ctx, ctx.node(id)));
  }
  if (const Node* v = m.optional("networks")) {
    for (NodeId id : read_list(ctx, *v, "`networks`")) d.networks.push_back(read_network(ctx, ctx.node(id)));
  }
  read_devices(ctx, m, d);
  read_actions(m, d);
  d.always_busy = defaulted(false, here);
  m.read("always_busy", d.always_busy, read_bool);
  if (const Node* v = m.optional("xl")) read_xl_settings(ctx, *v, m.what(), d.xl);
  m.finish();
}

}  // namespace xenplan
