// Reads what a domain is given beyond disks and networks: passed-through PCI devices, IRQs, I/O
// ports and memory, and the emulated hardware of HVM guests (model/devices.h).
#include <fmt/format.h>

#include "base/echo.h"
#include "model/builders.h"
#include "model/device_values.h"
#include "model/value_readers.h"

namespace xenplan {
namespace {

constexpr uint32_t kMaxIrq = 0xffff;
constexpr uint64_t kMaxPageFrame = (uint64_t{1} << 52) - 1;  // x86-64: 52-bit physical addresses

std::optional<Located<Bdf>> read_bdf_text(Context& ctx, const Node& node, std::string_view key,
                                          std::optional<uint32_t>* vslot) {
  const auto text = read_string(ctx, node, key);
  if (!text) return std::nullopt;
  const BdfParse p = parse_bdf(text->value);
  if (!p.bdf || (p.vslot && !vslot)) {
    ctx.sink
        .error(Code::BadDeviceAddress, ctx.at(node.span),
               fmt::format("{} {} is not a PCI address", key, echo(text->value)))
        .help(p.bdf ? "a virtual slot (@VSLOT) applies to a domain's `pci` entries only" : p.error);
    return std::nullopt;
  }
  if (vslot) *vslot = p.vslot;
  return written(*p.bdf, node.span);
}

PciDevice read_pci_device(Context& ctx, const Node& node) {
  static constexpr WordOf<RdmPolicy> kPolicies[] = {{"strict", RdmPolicy::Strict},
                                                    {"relaxed", RdmPolicy::Relaxed}};
  PciDevice dev;
  dev.span = node.span;
  std::optional<uint32_t> vslot;
  auto read_address = [&](Context& c, const Node& n, std::string_view key) {
    return read_bdf_text(c, n, key, &vslot);
  };
  if (node.kind != NodeKind::Mapping) {
    MapReader::store_value(read_address(ctx, node, "a `pci` entry"), node, dev.bdf);
  } else {
    MapReader m(ctx, node, "a `pci` entry");
    m.require("bdf", "\"0000:03:00.0\"", dev.bdf, read_address);
    for (auto [key, field] :
         {std::pair{"permissive", &dev.permissive}, std::pair{"seize", &dev.seize},
          std::pair{"msitranslate", &dev.msitranslate}, std::pair{"power_mgmt", &dev.power_mgmt}}) {
      m.read(key, *field, read_bool);
    }
    m.read("rdm_policy", dev.rdm_policy, word_of(kPolicies));
    m.finish();
  }
  if (vslot) dev.vslot = written(*vslot, dev.bdf.span);
  return dev;
}

IoPortRange read_ioport_range(Context& ctx, const Node& node, bool& ok) {
  const auto text = read_string(ctx, node, "an entry of `ioports`");
  ok = false;
  if (!text) return {};
  IoPortParse p = parse_ioports(text->value);
  if (!p.range) {
    ctx.sink
        .error(Code::BadDeviceAddress, ctx.at(node.span),
               fmt::format("{} is not an I/O port or range", echo(text->value)))
        .help(p.error);
    return {};
  }
  ok = true;
  p.range->span = node.span;
  return *p.range;
}

std::optional<Located<uint64_t>> read_page(Context& ctx, const Node& node, std::string_view key) {
  const auto text = read_string(ctx, node, key);
  if (!text) return std::nullopt;
  const auto page = parse_hex(text->value, kMaxPageFrame);
  if (!page || !node.quoted) {
    ctx.sink
        .error(Code::BadDeviceAddress, ctx.at(node.span),
               fmt::format("{} {} is not a page number", key, echo(text->value)))
        .help("write the machine page frame number in hex, quoted, such as \"0xfe000\"");
    return std::nullopt;
  }
  return written(*page, node.span);
}

IoMemRange read_iomem_range(Context& ctx, const Node& node) {
  MapReader m(ctx, node, "an `iomem` entry");
  IoMemRange r;
  r.span = node.span;
  m.require("start", "\"0xfe000\"", r.start, read_page);
  m.require("pages", "4", r.pages, [](Context& c, const Node& n, std::string_view key) {
    return read_uint(c, n, key, 1, kMaxPageFrame);
  });
  m.read("gfn", r.gfn, read_page);
  m.finish();
  return r;
}

void read_vnc(Context& ctx, const Node& node, Domain& d) {
  MapReader m(ctx, node, "`vnc`");
  Vnc vnc;
  vnc.span = node.span;
  vnc.listen = defaulted(std::string("127.0.0.1"), node.span);  // never every address by default
  m.read("listen", vnc.listen, read_string);
  if (const Node* v = m.optional("display")) {
    if (v->kind == NodeKind::Scalar && !v->quoted && v->text == "auto") {
      vnc.display_auto = true;
    } else {
      MapReader::store_value(read_uint32(ctx, *v, "`display`", 0, 65535 - 5900), *v, vnc.display);
    }
  } else {
    vnc.display_auto = true;
  }
  m.read("password_file", vnc.password_file, read_string);
  m.finish();
  d.vnc = std::move(vnc);
}

void read_usb(Context& ctx, const Node& node, Domain& d) {
  MapReader m(ctx, node, "`usb`");
  Usb usb;
  usb.span = node.span;
  m.read("version", usb.version, uint32_in(1, 3));
  if (const Node* v = m.optional("devices")) usb.devices = read_string_list(ctx, *v, "`devices`");
  m.finish();
  d.usb = std::move(usb);
}

std::optional<Located<std::vector<BootDevice>>> read_boot_order(Context& ctx, const Node& node,
                                                                std::string_view key) {
  static constexpr WordOf<BootDevice> kDevices[] = {
      {"disk", BootDevice::Disk}, {"cdrom", BootDevice::Cdrom}, {"network", BootDevice::Network}};
  std::vector<BootDevice> order;
  bool ok = node.kind == NodeKind::Sequence;
  for (NodeId id : read_list(ctx, node, key)) {
    if (auto b = read_word<BootDevice>(ctx, ctx.node(id), "an entry of `boot`", kDevices))
      order.push_back(b->value);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  if (order.empty()) {
    ctx.sink.error(Code::OutOfRange, ctx.at(node.span), "`boot` lists no device")
        .help("list the devices to boot from in order, such as [cdrom, disk]");
    return std::nullopt;
  }
  return written(std::move(order), node.span);
}

}  // namespace

std::vector<Located<Bdf>> read_bdf_list(Context& ctx, const Node& node, std::string_view key) {
  std::vector<Located<Bdf>> out;
  for (NodeId id : read_list(ctx, node, key)) {
    if (auto b = read_bdf_text(ctx, ctx.node(id), fmt::format("an entry of {}", key), nullptr))
      out.push_back(*b);
  }
  return out;
}

void read_devices(Context& ctx, MapReader& m, Domain& d) {
  static constexpr WordOf<VgaKind> kVga[] = {
      {"cirrus", VgaKind::Cirrus}, {"stdvga", VgaKind::Stdvga}, {"none", VgaKind::None}};
  static constexpr WordOf<Firmware> kFirmware[] = {{"bios", Firmware::Bios}, {"uefi", Firmware::Uefi}};
  static constexpr WordOf<DeviceModel> kModels[] = {
      {"qemu-xen", DeviceModel::QemuXen}, {"qemu-xen-traditional", DeviceModel::QemuXenTraditional}};
  static constexpr WordOf<TscMode> kTsc[] = {
      {"default", TscMode::Default}, {"always_emulate", TscMode::AlwaysEmulate}, {"native", TscMode::Native}};
  if (const Node* v = m.optional("pci")) {
    for (NodeId id : read_list(ctx, *v, "`pci`")) d.pci.push_back(read_pci_device(ctx, ctx.node(id)));
  }
  if (const Node* v = m.optional("irqs")) {
    for (NodeId id : read_list(ctx, *v, "`irqs`")) {
      if (auto irq = read_uint32(ctx, ctx.node(id), "an entry of `irqs`", 0, kMaxIrq)) d.irqs.push_back(*irq);
    }
  }
  if (const Node* v = m.optional("ioports")) {
    for (NodeId id : read_list(ctx, *v, "`ioports`")) {
      bool ok = false;
      const IoPortRange r = read_ioport_range(ctx, ctx.node(id), ok);
      if (ok) d.ioports.push_back(r);
    }
  }
  if (const Node* v = m.optional("iomem")) {
    for (NodeId id : read_list(ctx, *v, "`iomem`")) d.iomem.push_back(read_iomem_range(ctx, ctx.node(id)));
  }
  m.read("serial", d.serial, read_string);
  if (const Node* v = m.optional("vnc")) read_vnc(ctx, *v, d);
  m.read("vga", d.vga, word_of(kVga));
  m.read("videoram", d.videoram, read_memory);
  if (const Node* v = m.optional("usb")) read_usb(ctx, *v, d);
  m.read("boot", d.boot, read_boot_order);
  m.read("firmware", d.firmware, word_of(kFirmware));
  m.read("device_model_version", d.device_model_version, word_of(kModels));
  m.read("tsc_mode", d.tsc_mode, word_of(kTsc));
  for (auto [key, field] : {std::pair{"localtime", &d.localtime}, std::pair{"acpi", &d.acpi},
                            std::pair{"viridian", &d.viridian}}) {
    m.read(key, *field, read_bool);
  }
}

}  // namespace xenplan
