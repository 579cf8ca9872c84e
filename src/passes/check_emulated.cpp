// What only an emulator gives a guest: serial ports, VGA, USB, firmware, the boot order and
// CD-ROMs are QEMU's, for HVM guests; xl ignores them for PV and PVH, so they are errors there.
// Also the limits xl and libxl put on them (a read-only emulated disk, USB's two forms, PCI on PVH).
#include <fmt/format.h>

#include "base/echo.h"
#include "base/units.h"
#include "passes/checks.h"

namespace xenplan {
namespace {

// The `key` of a non-HVM domain, when given, is an error at its value.
void hvm_only(PassContext& ctx, const Domain& d, std::string_view key, bool given, Span span) {
  if (!given) return;
  ctx.sink
      .error(Code::HvmOnly, ctx.at(span),
             fmt::format("{} applies to HVM guests, and domain {} is {}", echo(key), echo(d.name.value),
                         domain_type_name(d.type.value)))
      .note(ctx.at(d.type.span), d.type.written() ? "the type is given here" : "xl's default type is pv")
      .help(fmt::format("remove {}, or make the domain `type: hvm`", echo(key)));
}

void check_non_hvm(PassContext& ctx, const Domain& d) {
  hvm_only(ctx, d, "serial", d.serial.given(), d.serial.span);
  hvm_only(ctx, d, "vga", d.vga.given(), d.vga.span);
  hvm_only(ctx, d, "videoram", d.videoram.given(), d.videoram.span);
  hvm_only(ctx, d, "usb", d.usb.has_value(), d.usb ? d.usb->span : Span{});
  hvm_only(ctx, d, "boot", d.boot.given(), d.boot.span);
  hvm_only(ctx, d, "firmware", d.firmware.given(), d.firmware.span);
  hvm_only(ctx, d, "device_model_version", d.device_model_version.given(), d.device_model_version.span);
  hvm_only(ctx, d, "localtime", d.localtime.given(), d.localtime.span);
  hvm_only(ctx, d, "acpi", d.acpi.given(), d.acpi.span);
  hvm_only(ctx, d, "viridian", d.viridian.given(), d.viridian.span);
  for (const Disk& disk : d.disks)
    hvm_only(ctx, d, "cdrom", disk.cdrom.written() && disk.cdrom.value, disk.cdrom.span);
  for (const Network& n : d.networks) {
    hvm_only(ctx, d, "model", n.model.given(), n.model.span);
    hvm_only(ctx, d, "type", n.type.given(), n.type.span);
  }
}

// The index of an emulated disk (xvda and hda are 0), or -1 when it is not one of the first four,
// which qemu-xen emulates as IDE (libxl_dm.c).
int ide_index(std::string_view vdev) {
  std::string_view letters;
  if (vdev.starts_with("xvd"))
    letters = vdev.substr(3);
  else if (vdev.starts_with("hd"))
    letters = vdev.substr(2);
  else
    return -1;
  if (letters.empty() || letters[0] < 'a' || letters[0] > 'd') return -1;
  if (letters.size() > 1 && letters[1] >= 'a' && letters[1] <= 'z') return -1;  // xvdaa and beyond
  return letters[0] - 'a';
}

void check_hvm(PassContext& ctx, const Domain& d) {
  for (const Disk& disk : d.disks) {
    if (disk.cdrom.value || !disk.access.written() || disk.access.value != DiskAccess::ReadOnly) continue;
    if (!disk.vdev.usable() || ide_index(disk.vdev.value) < 0) continue;
    ctx.sink
        .error(Code::ReadOnlyEmulatedDisk, ctx.at(disk.access.span),
               fmt::format("domain {}'s read-only disk {} would be an emulated IDE disk, which qemu-xen "
                           "cannot make read-only",
                           echo(d.name.value), echo(disk.vdev.value)))
        .help("libxl refuses it at xl create; attach an ISO image as a CD-ROM with `cdrom: true` instead");
  }
  if (d.usb && d.usb->version.usable() && !d.usb->devices.empty()) {
    ctx.sink
        .error(
            Code::Conflict, ctx.at(d.usb->version.span),
            "`usb` takes a controller `version` or `devices`, not both: xl ignores the version when devices "
            "are given")
        .help("keep `devices` (xl's usb=1 and usbdevice), or `version` alone for a USB 2 or 3 controller");
  }
  if (d.firmware.usable() && d.firmware.value == Firmware::Uefi && d.device_model_version.usable() &&
      d.device_model_version.value == DeviceModel::QemuXenTraditional) {
    ctx.sink
        .error(Code::Conflict, ctx.at(d.firmware.span),
               "UEFI firmware (OVMF) needs the qemu-xen device model")
        .note(ctx.at(d.device_model_version.span), "qemu-xen-traditional is chosen here")
        .help("remove `device_model_version`, or boot with `firmware: bios`");
  }
  if (d.videoram.usable() && d.videoram.value % kMiB != 0) {
    ctx.sink
        .error(Code::MemoryGranularity, ctx.at(d.videoram.span),
               fmt::format("videoram {} is not a whole number of MiB", format_memory(d.videoram.value)))
        .help("xl takes video RAM in MiB");
  }
}

}  // namespace

void check_emulated(PassContext& ctx) {
  for (const Domain& d : ctx.model.domains) {
    if (!d.type.usable()) continue;
    if (d.type.value == DomainType::Hvm)
      check_hvm(ctx, d);
    else
      check_non_hvm(ctx, d);
    if (d.type.value == DomainType::Pvh && !d.pci.empty()) {
      ctx.sink
          .error(Code::Conflict, ctx.at(d.pci.front().span),
                 fmt::format("PVH domain {} cannot have PCI devices: Xen 4.17 has no passthrough for x86 PVH "
                             "guests",
                             echo(d.name.value)))
          .help("make the domain `type: pv` or `type: hvm` to pass devices through");
    }
  }
}

}  // namespace xenplan
