// xl.cfg per domain (reference §2; xl.cfg(5)): only keys xl knows, in xl's units (memory and
// video RAM in MiB, I/O ports and pages in hex), strings through xl_string(), device
// specifications through xl_device_specs, and one section per concern.
#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "base/units.h"
#include "emitters.h"
#include "model/identity.h"
#include "paths.h"
#include "quote.h"
#include "xl_device_specs.h"
#include "xl_syntax.h"

namespace xenplan {
namespace {

void line(std::string& out, std::string_view key, std::string_view value) {
  out += fmt::format("{} = {}\n", key, value);
}
void string_line(std::string& out, std::string_view key, const Located<std::string>& value) {
  if (value.usable()) line(out, key, xl_string(value.value));
}
void bool_line(std::string& out, std::string_view key, const Located<bool>& value) {
  if (value.usable()) line(out, key, xl_bool(value.value));
}

// The kernel command line xl would build: root=, then cmdline, then extra. xl itself ignores root
// and extra when cmdline is set, so xenplan writes the joined line as cmdline alone.
std::string command_line(const Domain& d) {
  std::string out;
  auto join = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  if (d.root.usable()) join("root=" + d.root.value);
  if (d.cmdline.usable()) join(d.cmdline.value);
  if (d.extra.usable()) join(d.extra.value);
  return out;
}

void cpus_section(std::string& out, const BuildInput& in, const Domain& d, DomainIndex index) {
  if (const auto pinning = in.null_pinning(index); !pinning.empty()) {
    // null pool: vCPU i on the CPU the matching gave it, so Xen's greedy placement cannot strand one.
    std::vector<std::string> cpus;
    for (uint32_t c : pinning) cpus.push_back(std::to_string(c));
    line(out, "cpus", xl_list(cpus));
  } else if (!d.vcpu_cpus.empty()) {
    std::vector<std::string> sets;
    for (const auto& set : d.vcpu_cpus) sets.push_back(set.value.to_string());
    line(out, "cpus", xl_list(sets));
  } else if (d.cpus.usable()) {
    line(out, "cpus", xl_string(d.cpus.value.to_string()));
  }
  if (d.cpus_soft.usable()) line(out, "cpus_soft", xl_string(d.cpus_soft.value.to_string()));
}

}  // namespace

std::vector<std::string> vcpu_hard_affinity(const BuildInput& in, DomainIndex index) {
  // The same three cases as cpus_section, in the same order: one fact, read by xenplan-up --check.
  const Domain& d = in.model.domains[index];
  std::vector<std::string> out(d.maxvcpus.value, "all");
  if (const auto pinning = in.null_pinning(index); !pinning.empty()) {
    for (size_t v = 0; v < pinning.size() && v < out.size(); ++v) out[v] = std::to_string(pinning[v]);
  } else if (!d.vcpu_cpus.empty()) {
    // xl pins the vCPUs the list names; the others keep every CPU (xl.cfg(5), cpus).
    for (size_t v = 0; v < d.vcpu_cpus.size() && v < out.size(); ++v) out[v] = d.vcpu_cpus[v].value.to_string();
  } else if (d.cpus.usable()) {
    std::fill(out.begin(), out.end(), d.cpus.value.to_string());
  }
  return out;
}

namespace {

void scheduling_section(std::string& out, const Model& m, const Domain& d) {
  const SchedulerKind sched = m.domain_scheduler(d);
  if (is_credit_family(sched) && d.credit) {
    // Also set by xenplan-up; here too so that a guest started by hand with `xl create` gets them.
    if (d.credit->weight.usable()) line(out, "cpu_weight", std::to_string(d.credit->weight.value));
    if (d.credit->cap.usable()) line(out, "cap", std::to_string(d.credit->cap.value));
  }
  if (sched == SchedulerKind::Rtds && d.rtds) {
    out += "# RTDS budgets and periods have no xl.cfg key: xenplan-up sets them with xl sched-rtds.\n";
  }
}

void boot_section(std::string& out, const Domain& d) {
  string_line(out, "kernel", d.kernel);
  string_line(out, "ramdisk", d.ramdisk);
  if (d.root.usable() || d.extra.usable())
    out +=
        "# cmdline joins the description's root=, cmdline and extra: xl ignores root and extra beside "
        "cmdline.\n";
  if (const std::string cmdline = command_line(d); !cmdline.empty()) line(out, "cmdline", xl_string(cmdline));
  string_line(out, "bootloader", d.bootloader);
  if (!d.bootloader_args.empty()) {
    std::vector<std::string> args;
    for (const auto& a : d.bootloader_args) args.push_back(a.value);
    line(out, "bootloader_args", xl_list(args));
  }
}

void devices_section(std::string& out, const BuildInput& in, const Domain& d) {
  std::vector<std::string> disks, vifs, pci, ioports, iomem;
  std::vector<uint64_t> irqs;
  for (const Disk& disk : d.disks) disks.push_back(disk_spec(in.checked, d, disk));
  for (const Network& n : d.networks) vifs.push_back(vif_spec(in.checked, n));
  for (const PciDevice& dev : d.pci) pci.push_back(pci_spec(dev));
  for (const auto& irq : d.irqs) irqs.push_back(irq.value);
  for (const IoPortRange& r : d.ioports)
    ioports.push_back(r.first == r.last ? fmt::format("{:x}", r.first)
                                        : fmt::format("{:x}-{:x}", r.first, r.last));
  for (const IoMemRange& r : d.iomem) {
    std::string spec = fmt::format("{:x},{:x}", r.start.value, r.pages.value);
    if (r.gfn.usable()) spec += fmt::format("@{:x}", r.gfn.value);
    iomem.push_back(spec);
  }
  if (!disks.empty()) line(out, "disk", xl_list(disks));
  if (!vifs.empty()) line(out, "vif", xl_list(vifs));
  if (!pci.empty()) line(out, "pci", xl_list(pci));
  if (!irqs.empty()) line(out, "irqs", xl_number_list(irqs));
  if (!ioports.empty()) line(out, "ioports", xl_list(ioports));
  if (!iomem.empty()) line(out, "iomem", xl_list(iomem));
}

// The display: an HVM guest's emulated card, or a PV/PVH guest's framebuffer device.
void display_section(std::string& out, const Domain& d) {
  const bool hvm = d.type.value == DomainType::Hvm;
  if (d.vnc && !hvm) line(out, "vfb", xl_list({vfb_spec(*d.vnc)}));
  if (d.vnc && hvm) {
    line(out, "vnc", "1");
    line(out, "vnclisten", xl_string(d.vnc->listen.value));
    if (d.vnc->display_auto)
      line(out, "vncunused", "1");
    else
      line(out, "vncdisplay", std::to_string(d.vnc->display.value));
  }
  if (d.vga.usable()) line(out, "vga", xl_string(vga_name(d.vga.value)));
  if (d.videoram.usable()) line(out, "videoram", std::to_string(d.videoram.value / kMiB));
}

// What QEMU emulates for an HVM guest besides the display.
void emulation_section(std::string& out, const Domain& d) {
  string_line(out, "serial", d.serial);
  if (d.usb) {
    if (d.usb->version.usable()) line(out, "usbversion", std::to_string(d.usb->version.value));
    if (!d.usb->devices.empty()) {
      std::vector<std::string> devices;
      for (const auto& dev : d.usb->devices) devices.push_back(dev.value);
      line(out, "usb", "1");
      line(out, "usbdevice", xl_list(devices));
    }
  }
  if (d.boot.usable()) {
    std::string order;
    for (BootDevice b : d.boot.value) order += boot_letter(b);
    line(out, "boot", xl_string(order));
  }
  if (d.firmware.usable())
    line(out, "bios", xl_string(d.firmware.value == Firmware::Uefi ? "ovmf" : "seabios"));
  if (d.device_model_version.usable())
    line(out, "device_model_version", xl_string(device_model_name(d.device_model_version.value)));
  bool_line(out, "localtime", d.localtime);
  bool_line(out, "acpi", d.acpi);
  bool_line(out, "viridian", d.viridian);
  if (d.tsc_mode.usable()) line(out, "tsc_mode", xl_string(tsc_mode_name(d.tsc_mode.value)));
}

void actions_section(std::string& out, const Domain& d) {
  line(out, "on_poweroff", xl_string(action_name(d.on_poweroff.value)));
  line(out, "on_reboot", xl_string(action_name(d.on_reboot.value)));
  line(out, "on_crash", xl_string(action_name(d.on_crash.value)));
  if (d.on_watchdog.usable()) line(out, "on_watchdog", xl_string(action_name(d.on_watchdog.value)));
}

std::vector<std::string> texts(const XlStrings& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.value);
  return out;
}

// An `xl:` value in the form xl's parser reads: "string", 12, 1/0, ["a", "b"], [["a"], ["b"]].
std::string xl_value(const XlValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return xl_string(*s);
  if (const auto* n = std::get_if<uint64_t>(&value)) return std::to_string(*n);
  if (const auto* b = std::get_if<bool>(&value)) return xl_bool(*b);
  if (const auto* l = std::get_if<XlStrings>(&value)) return xl_list(texts(*l));
  std::string out = "[";
  const auto& lists = std::get<std::vector<XlStrings>>(value);
  for (size_t i = 0; i < lists.size(); ++i) out += (i ? ", " : "") + xl_list(texts(lists[i]));
  return out + "]";
}

// The `xl:` settings after every key xenplan writes, in the author's order.
void xl_settings_section(std::string& out, const Domain& d) {
  if (d.xl.empty()) return;
  out += "# Passed through from the description's xl: settings\n";
  for (const XlSetting& s : d.xl) line(out, s.key.value, xl_value(s.value.value));
}

std::string domain_config(const BuildInput& in, const Domain& d, DomainIndex index) {
  std::string out = fmt::format("# {}\n", kBanner);
  line(out, "name", xl_string(d.name.value));
  // xenplan-up and xenplan-down recognise the domains they own by this UUID, not by name alone.
  line(out, "uuid", xl_string(domain_uuid(in.model, d)));
  line(out, "type", xl_string(domain_type_name(d.type.value)));
  if (const Pool* p = in.checked.pool_of(d)) line(out, "pool", xl_string(p->name.value));
  line(out, "memory", std::to_string(d.memory.value / kMiB));
  line(out, "maxmem", std::to_string(d.maxmem.value / kMiB));
  line(out, "vcpus", std::to_string(d.vcpus.value));
  line(out, "maxvcpus", std::to_string(d.maxvcpus.value));
  cpus_section(out, in, d, index);
  scheduling_section(out, in.model, d);
  boot_section(out, d);
  devices_section(out, in, d);
  display_section(out, d);
  emulation_section(out, d);
  actions_section(out, d);
  xl_settings_section(out, d);  // last: after every key xenplan writes
  return out;
}

}  // namespace

Artifacts emit_xl_domains(const BuildInput& in) {
  Artifacts out;
  for (DomainIndex i = 0; i < in.model.domains.size(); ++i) {
    const Domain& d = in.model.domains[i];
    out.push_back(
        artifact_at(paths::domain_config(d.name.value), ArtifactKind::XlDomain, domain_config(in, d, i)));
  }
  return out;
}

}  // namespace xenplan
