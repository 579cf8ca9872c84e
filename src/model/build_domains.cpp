// Reads one entry of `domains:` — a guest and everything xl.cfg says about it.
#include <fmt/format.h>

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

void read_rtds(Context& ctx, const Node& node, Domain& d) {
  d.rtds_span = node.span;
  if (node.kind == NodeKind::Sequence) {
    d.rtds_per_vcpu = true;
    for (NodeId id : node.items) d.rtds.push_back(read_rtds_params(ctx, ctx.node(id)));
    return;
  }
  d.rtds.push_back(read_rtds_params(ctx, node));
}

void read_credit(Context& ctx, const Node& node, Domain& d) {
  MapReader m(ctx, node, "`credit`");
  CreditParams c;
  c.span = node.span;
  if (const Node* v = m.optional("weight")) {
    if (auto w = read_uint32(ctx, *v, "`weight`", 1, kMaxWeight)) c.weight = *w;
  }
  if (const Node* v = m.optional("cap")) {
    if (auto w = read_uint32(ctx, *v, "`cap`", 0, 100 * kMaxVcpus)) c.cap = *w;
  }
  m.finish();
  d.credit = c;
}

void read_volume(Context& ctx, const Node& node, Disk& disk) {
  MapReader m(ctx, node, "`volume`");
  if (const Node* v = m.required("group", "group: vg0")) assign(read_string(ctx, *v, "`group`"), disk.group);
  if (const Node* v = m.required("size", "size: 8GiB")) assign(read_memory(ctx, *v, "`size`"), disk.size);
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
  if (const Node* v = m.required("vdev", "vdev: xvda")) assign(read_string(ctx, *v, "`vdev`"), disk.vdev);
  const Node* volume = m.optional("volume");
  const Node* file = m.optional("file");
  const Node* device = m.optional("device");
  const int sources = (volume ? 1 : 0) + (file ? 1 : 0) + (device ? 1 : 0);
  if (sources == 0 && m.is_mapping()) {
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
    assign(read_string(ctx, *file, "`file`"), disk.path);
  } else if (device) {
    disk.source = DiskSource::Device;
    assign(read_string(ctx, *device, "`device`"), disk.path);
  }
  if (const Node* v = m.optional("format")) {
    if (auto f = read_word<DiskFormat>(ctx, *v, "`format`", kFormats)) {
      disk.format = f->value;
      if (f->value != DiskFormat::Raw && disk.source != DiskSource::File) {
        ctx.sink
            .error(Code::Conflict, ctx.at(v->span),
                   fmt::format("format `{}` applies only to `file` disks", disk_format_name(f->value)))
            .help("volumes and devices are raw block devices; remove `format`");
      }
    }
  }
  if (const Node* v = m.optional("access")) {
    if (auto a = read_word<DiskAccess>(ctx, *v, "`access`", kAccess)) disk.access = a->value;
  }
  m.finish();
  return disk;
}

Network read_network(Context& ctx, const Node& node) {
  MapReader m(ctx, node, "a network");
  Network n;
  n.span = node.span;
  if (const Node* v = m.required("bridge", "bridge: xenbr0"))
    assign(read_string(ctx, *v, "`bridge`"), n.bridge);
  if (const Node* v = m.optional("mac")) {
    if (auto mac = read_mac(ctx, *v, "`mac`")) n.mac = *mac;
  }
  m.finish();
  return n;
}

void read_boot(Context& ctx, MapReader& m, Domain& d) {
  for (auto [key, field] : {std::pair{"kernel", &d.kernel}, std::pair{"ramdisk", &d.ramdisk},
                            std::pair{"cmdline", &d.cmdline}, std::pair{"bootloader", &d.bootloader}}) {
    if (const Node* v = m.optional(key)) {
      if (auto s = read_string(ctx, *v, fmt::format("`{}`", key))) *field = *s;
    }
  }
}

void read_actions(Context& ctx, MapReader& m, Domain& d) {
  for (auto [key, field] : {std::pair{"on_poweroff", &d.on_poweroff}, std::pair{"on_reboot", &d.on_reboot},
                            std::pair{"on_crash", &d.on_crash}}) {
    if (const Node* v = m.optional(key)) {
      assign(read_word<Action>(ctx, *v, fmt::format("`{}`", key), kActions), *field);
    }
  }
}

}  // namespace

void read_domain(Context& ctx, const Node& node, Domain& d) {
  static constexpr WordOf<DomainType> kTypes[] = {
      {"pv", DomainType::Pv}, {"pvh", DomainType::Pvh}, {"hvm", DomainType::Hvm}};
  MapReader m(ctx, node, "a domain");
  d.span = node.span;
  if (const Node* v = m.required("name", "name: guest-1")) assign(read_string(ctx, *v, "`name`"), d.name);
  if (known(d.name)) m.rename(fmt::format("domain {}", echo(d.name.value)));
  if (const Node* v = m.optional("type"))
    assign(read_word<DomainType>(ctx, *v, "`type`", kTypes), d.type);
  else
    d.type.span = d.name.span;
  if (const Node* v = m.optional("pool")) {
    if (auto s = read_string(ctx, *v, "`pool`")) d.pool_name = *s;
  }
  if (const Node* v = m.required("memory", "memory: 512MiB"))
    assign(read_memory(ctx, *v, "`memory`"), d.memory);
  d.maxmem = d.memory;
  if (const Node* v = m.optional("maxmem")) assign(read_memory(ctx, *v, "`maxmem`"), d.maxmem);
  d.vcpus = {1, d.name.span};
  if (const Node* v = m.optional("vcpus")) assign(read_uint32(ctx, *v, "`vcpus`", 1, kMaxVcpus), d.vcpus);
  d.maxvcpus = d.vcpus;
  if (const Node* v = m.optional("maxvcpus")) {
    assign(read_uint32(ctx, *v, "`maxvcpus`", 1, kMaxVcpus), d.maxvcpus);
  }
  if (const Node* v = m.optional("cpus")) {
    if (auto c = read_cpuset(ctx, *v, "`cpus`")) d.cpus = *c;
  }
  if (const Node* v = m.optional("rtds")) read_rtds(ctx, *v, d);
  if (const Node* v = m.optional("credit")) read_credit(ctx, *v, d);
  read_boot(ctx, m, d);
  if (const Node* v = m.optional("disks")) {
    for (NodeId id : read_list(ctx, *v, "`disks`")) d.disks.push_back(read_disk(ctx, ctx.node(id)));
  }
  if (const Node* v = m.optional("networks")) {
    for (NodeId id : read_list(ctx, *v, "`networks`")) d.networks.push_back(read_network(ctx, ctx.node(id)));
  }
  read_actions(ctx, m, d);
  if (const Node* v = m.optional("always_busy")) {
    if (auto b = read_bool(ctx, *v, "`always_busy`")) d.always_busy = b->value;
  }
  m.finish();
}

}  // namespace xenplan
