// Reads `host:` — the machine, its hypervisor, dom0, bridges and volume groups.
#include <fmt/format.h>

#include <charconv>

#include "base/echo.h"
#include "model/builders.h"
#include "model/value_readers.h"

namespace xenplan {
namespace {

constexpr uint32_t kMaxDom0Vcpus = 128;

// Schedulers a stock build of a Xen version has: up to 4.15 Kconfig builds RTDS and null by
// default, ARINC653 only in debug builds; from 4.16 RTDS and null need CONFIG_UNSUPPORTED too.
// Debian's own packages agree (their /boot/xen-*.config): Debian 11's xen-hypervisor-4.14-amd64
// 4.14.6-1 has credit, credit2, rtds and null; Debian 12's 4.17.7+13-g2445b30a44-0+deb12u1 only
// credit and credit2.
std::vector<SchedulerKind> default_schedulers(uint32_t minor) {
  if (minor <= 15)
    return {SchedulerKind::Credit, SchedulerKind::Credit2, SchedulerKind::Rtds, SchedulerKind::Null};
  return {SchedulerKind::Credit, SchedulerKind::Credit2};
}

void read_version(Context& ctx, const Node& node, XenConfig& xen) {
  xen.version = {node.text, node.span, FieldState::Invalid};  // until proven a supported version
  const auto text = read_string(ctx, node, "`version`");
  if (!text) return;
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
    ctx.sink.error(Code::WrongType, ctx.at(node.span), fmt::format("`version` {} must be a quoted string", v))
        .help(fmt::format("write \"{}\"; unquoted, YAML reads it as a number and 4.10 becomes 4.1", v));
    return;
  }
  if (major != 4 || minor < 14) {
    ctx.sink.error(Code::OutOfRange, ctx.at(node.span), fmt::format("Xen {} is not supported", v))
        .help("xenplan targets Xen 4.14 and later 4.x releases");
    return;
  }
  xen.version = *text;
  xen.major = major;
  xen.minor = minor;
}

void read_xen(Context& ctx, const Node& node, XenConfig& xen) {
  MapReader m(ctx, node, "`host.xen`");
  xen.span = node.span;
  if (const Node* v = m.required("version", "\"4.17\"")) read_version(ctx, *v, xen);
  xen.schedulers = defaulted(default_schedulers(xen.minor), node.span);
  // Without a version there is no stock build to compare with: no scheduler is reported missing.
  if (!xen.version.usable()) xen.schedulers.state = FieldState::Invalid;
  if (const Node* v = m.optional("schedulers")) {
    xen.schedulers = written(std::vector<SchedulerKind>{}, v->span);
    for (NodeId id : read_list(ctx, *v, "`schedulers`")) {
      if (auto s = read_scheduler(ctx, ctx.node(id), "an entry of `schedulers`"))
        xen.schedulers.value.push_back(s->value);
    }
  }
  xen.scheduler = defaulted(SchedulerKind::Credit2, node.span);  // Xen's default boot scheduler
  m.read("scheduler", xen.scheduler, read_scheduler);
  if (const Node* v = m.optional("options")) xen.options = read_string_list(ctx, *v, "`options`");
  xen.rtds_overhead_us = defaulted(uint64_t{50}, node.span);  // Xen's timer_slop
  m.read("rtds_overhead", xen.rtds_overhead_us, read_time);
  static constexpr WordOf<IommuMode> kIommu[] = {
      {"off", IommuMode::Off}, {"on", IommuMode::On}, {"required", IommuMode::Required}};
  xen.iommu = defaulted(IommuMode::Default, node.span);  // build_model turns it on for PCI devices
  m.read("iommu", xen.iommu, word_of(kIommu));
  m.finish();
}

void read_dom0(Context& ctx, const Node& node, Dom0& dom0) {
  MapReader m(ctx, node, "`host.dom0`");
  dom0.span = node.span;
  m.require("memory", "2GiB", dom0.memory, read_memory);
  m.require("vcpus", "2", dom0.vcpus, uint32_in(1, kMaxDom0Vcpus));
  dom0.pin = defaulted(false, node.span);
  m.read("pin", dom0.pin, read_bool);
  if (const Node* v = m.optional("rtds")) dom0.rtds = read_rtds(ctx, *v);
  if (const Node* v = m.optional("pciback_hide"))
    dom0.pciback_hide = read_bdf_list(ctx, *v, "`pciback_hide`");
  m.finish();
}

void read_address(Context& ctx, const Node& node, Bridge& bridge) {
  if (node.kind == NodeKind::Mapping) {
    MapReader m(ctx, node, "a static `address`");
    bridge.address = AddressMode::Static;
    m.require("cidr", "192.0.2.10/24", bridge.cidr, read_string);
    m.read("gateway", bridge.gateway, read_string);
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
  m.require("name", "xenbr0", bridge.name, read_string);
  if (bridge.name.usable()) m.rename(fmt::format("bridge {}", echo(bridge.name.value)));
  if (const Node* v = m.optional("ports")) bridge.ports = read_string_list(ctx, *v, "`ports`");
  if (const Node* v = m.optional("address")) read_address(ctx, *v, bridge);
  m.finish();
}

void read_volume_group(Context& ctx, const Node& node, VolumeGroup& vg) {
  MapReader m(ctx, node, "a volume group");
  vg.span = node.span;
  m.require("name", "vg0", vg.name, read_string);
  if (vg.name.usable()) m.rename(fmt::format("volume group {}", echo(vg.name.value)));
  if (const Node* v = m.required("devices", "[/dev/sdb]"))
    vg.devices = read_string_list(ctx, *v, "`devices`");
  m.read("size", vg.size, read_memory);
  m.finish();
}

void read_boot(Context& ctx, const Node& node, std::optional<Boot>& out) {
  MapReader m(ctx, node, "`host.boot`");
  Boot boot;
  boot.span = node.span;
  m.require("xen", "/boot/xen-4.17-amd64.gz", boot.xen, read_string);
  m.require("kernel", "/boot/vmlinuz-6.1.0-18-amd64", boot.kernel, read_string);
  m.read("initrd", boot.initrd, read_string);
  m.read("cmdline", boot.cmdline, read_string);
  m.finish();
  out = std::move(boot);
}

}  // namespace

void read_host(Context& ctx, const Node& node, Host& host) {
  MapReader m(ctx, node, "the host");
  host.span = node.span;
  m.require("name", "my-host", host.name, read_string);
  m.require("cpus", "8", host.cpus, uint32_in(1, kMaxCpuId + 1));
  m.require("memory", "32GiB", host.memory, read_memory);
  if (const Node* v = m.required("xen", "{version: \"4.17\"}")) read_xen(ctx, *v, host.xen);
  if (const Node* v = m.required("dom0", "{memory: 2GiB, vcpus: 2, pin: true}"))
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
