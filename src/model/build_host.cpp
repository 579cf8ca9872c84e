// Reads `host:` — the machine, its hypervisor, dom0, bridges and volume groups.
#include <fmt/format.h>

#include <charconv>

#include "base/echo.h"
#include "model/builders.h"
#include "model/value_readers.h"

namespace xenplan {
namespace {

// Schedulers a stock build of a Xen version has (reference §10): up to 4.15 RTDS, null and
// ARINC653 are built by default; from 4.16 they need CONFIG_UNSUPPORTED.
std::vector<SchedulerKind> default_schedulers(uint32_t minor) {
  if (minor <= 15) {
    return {SchedulerKind::Credit, SchedulerKind::Credit2, SchedulerKind::Rtds, SchedulerKind::Null,
            SchedulerKind::Arinc653};
  }
  return {SchedulerKind::Credit, SchedulerKind::Credit2};
}

void read_version(Context& ctx, const Node& node, XenConfig& xen) {
  const auto text = read_string(ctx, node, "`version`");
  if (!text) return;
  xen.version = *text;
  const std::string& v = text->value;
  uint32_t major = 0, minor = 0;
  const auto dot = v.find('.');
  const bool parsed =
      dot != std::string::npos && std::from_chars(v.data(), v.data() + dot, major).ptr == v.data() + dot &&
      std::from_chars(v.data() + dot + 1, v.data() + v.size(), minor).ptr == v.data() + v.size() &&
      dot + 1 < v.size();
  if (!parsed) {
    ctx.sink
        .error(Code::BadValue, ctx.at(node.span), fmt::format("`version` {} is not a Xen version", echo(v)))
        .help("write major.minor in quotes, such as \"4.17\"");
    return;
  }
  if (!node.quoted) {
    ctx.sink
        .error(Code::WrongType, ctx.at(node.span),
               fmt::format("`version` {} must be a quoted string", echo(v)))
        .help(fmt::format("write \"{}\"; unquoted, YAML reads it as a number and 4.10 becomes 4.1", v));
    return;
  }
  if (major != 4 || minor < 14) {
    ctx.sink.error(Code::OutOfRange, ctx.at(node.span), fmt::format("Xen {} is not supported", echo(v)))
        .help("xenplan targets Xen 4.14 and later 4.x releases");
    return;
  }
  xen.major = major;
  xen.minor = minor;
}

void read_xen(Context& ctx, const Node& node, XenConfig& xen) {
  MapReader m(ctx, node, "`host.xen`");
  xen.span = node.span;
  if (const Node* v = m.required("version", "version: \"4.17\"")) read_version(ctx, *v, xen);
  xen.schedulers = default_schedulers(xen.minor);
  if (const Node* v = m.optional("schedulers")) {
    xen.schedulers.clear();
    xen.schedulers_declared = true;
    xen.schedulers_span = v->span;
    for (NodeId id : read_list(ctx, *v, "`schedulers`")) {
      if (auto s = read_scheduler(ctx, ctx.node(id), "an entry of `schedulers`"))
        xen.schedulers.push_back(s->value);
    }
  }
  if (const Node* v = m.optional("scheduler")) {
    assign(read_scheduler(ctx, *v, "`scheduler`"), xen.scheduler);
    xen.scheduler_declared = true;
  } else {
    xen.scheduler.span = node.span;
  }
  if (const Node* v = m.optional("options")) xen.options = read_string_list(ctx, *v, "`options`");
  if (const Node* v = m.optional("rtds_overhead"))
    assign(read_time(ctx, *v, "`rtds_overhead`"), xen.rtds_overhead_us);
  else
    xen.rtds_overhead_us.span = node.span;
  m.finish();
}

void read_dom0(Context& ctx, const Node& node, Dom0& dom0) {
  MapReader m(ctx, node, "`host.dom0`");
  dom0.span = node.span;
  if (const Node* v = m.required("memory", "memory: 2GiB"))
    assign(read_memory(ctx, *v, "`memory`"), dom0.memory);
  if (const Node* v = m.required("vcpus", "vcpus: 2"))
    assign(read_uint32(ctx, *v, "`vcpus`", 1, 128), dom0.vcpus);
  if (const Node* v = m.optional("pin")) {
    if (auto b = read_bool(ctx, *v, "`pin`")) dom0.pin = b->value;
  }
  if (const Node* v = m.optional("rtds")) dom0.rtds = read_rtds_params(ctx, *v);
  m.finish();
}

void read_address(Context& ctx, const Node& node, Bridge& bridge) {
  if (node.kind == NodeKind::Mapping) {
    MapReader m(ctx, node, "a static `address`");
    bridge.address = AddressMode::Static;
    if (const Node* v = m.required("cidr", "cidr: 192.0.2.10/24")) {
      assign(read_string(ctx, *v, "`cidr`"), bridge.cidr);
    }
    if (const Node* v = m.optional("gateway")) assign(read_string(ctx, *v, "`gateway`"), bridge.gateway);
    m.finish();
    return;
  }
  static constexpr WordOf<AddressMode> kWords[] = {{"dhcp", AddressMode::Dhcp},
                                                   {"manual", AddressMode::Manual}};
  if (auto a = read_word<AddressMode>(ctx, node, "`address` (or a mapping with `cidr`)", kWords)) {
    bridge.address = a->value;
  }
}

void read_bridge(Context& ctx, const Node& node, Bridge& bridge) {
  MapReader m(ctx, node, "a bridge");
  bridge.span = node.span;
  if (const Node* v = m.required("name", "name: xenbr0")) assign(read_string(ctx, *v, "`name`"), bridge.name);
  if (known(bridge.name)) m.rename(fmt::format("bridge {}", echo(bridge.name.value)));
  if (const Node* v = m.optional("ports")) bridge.ports = read_string_list(ctx, *v, "`ports`");
  if (const Node* v = m.optional("address")) read_address(ctx, *v, bridge);
  m.finish();
}

void read_volume_group(Context& ctx, const Node& node, VolumeGroup& vg) {
  MapReader m(ctx, node, "a volume group");
  vg.span = node.span;
  if (const Node* v = m.required("name", "name: vg0")) assign(read_string(ctx, *v, "`name`"), vg.name);
  if (known(vg.name)) m.rename(fmt::format("volume group {}", echo(vg.name.value)));
  if (const Node* v = m.required("devices", "devices: [/dev/sdb]"))
    vg.devices = read_string_list(ctx, *v, "`devices`");
  if (const Node* v = m.optional("size")) {
    if (auto s = read_memory(ctx, *v, "`size`")) vg.size = *s;
  }
  m.finish();
}

void read_boot(Context& ctx, const Node& node, std::optional<Boot>& out) {
  MapReader m(ctx, node, "`host.boot`");
  Boot boot;
  boot.span = node.span;
  if (const Node* v = m.required("xen", "xen: /boot/xen-4.17-amd64.gz"))
    assign(read_string(ctx, *v, "`xen`"), boot.xen);
  if (const Node* v = m.required("kernel", "kernel: /boot/vmlinuz-6.1.0-18-amd64")) {
    assign(read_string(ctx, *v, "`kernel`"), boot.kernel);
  }
  if (const Node* v = m.optional("initrd")) {
    if (auto s = read_string(ctx, *v, "`initrd`")) boot.initrd = *s;
  }
  if (const Node* v = m.optional("cmdline")) {
    if (auto s = read_string(ctx, *v, "`cmdline`")) boot.cmdline = *s;
  }
  m.finish();
  out = std::move(boot);
}

}  // namespace

void read_host(Context& ctx, const Node& node, Host& host) {
  MapReader m(ctx, node, "the host");
  host.span = node.span;
  if (const Node* v = m.required("name", "name: my-host")) assign(read_string(ctx, *v, "`name`"), host.name);
  if (const Node* v = m.required("cpus", "cpus: 8"))
    assign(read_uint32(ctx, *v, "`cpus`", 1, kMaxCpuId + 1), host.cpus);
  if (const Node* v = m.required("memory", "memory: 32GiB"))
    assign(read_memory(ctx, *v, "`memory`"), host.memory);
  if (const Node* v = m.required("xen", "xen: {version: \"4.17\"}")) read_xen(ctx, *v, host.xen);
  if (const Node* v = m.required("dom0", "dom0: {memory: 2GiB, vcpus: 2, pin: true}"))
    read_dom0(ctx, *v, host.dom0);
  if (const Node* v = m.optional("bridges")) {
    for (NodeId id : read_list(ctx, *v, "`bridges`"))
      read_bridge(ctx, ctx.node(id), host.bridges.emplace_back());
  }
  if (const Node* v = m.optional("boot")) read_boot(ctx, *v, host.boot);
  if (const Node* v = m.optional("volume_groups")) {
    for (NodeId id : read_list(ctx, *v, "`volume_groups`")) {
      read_volume_group(ctx, ctx.node(id), host.volume_groups.emplace_back());
    }
  }
  m.finish();
}

}  // namespace xenplan
