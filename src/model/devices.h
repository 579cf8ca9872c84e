// What a guest is given beyond CPUs, memory, disks and networks: passed-through PCI devices,
// IRQs, I/O ports and I/O memory, and the emulated hardware of HVM guests (console, display,
// USB, firmware, boot order). Each maps to one xl.cfg(5) key; units and encodings as xl wants.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/field.h"

namespace xenplan {

// A PCI address: [domain:]bus:device.function, as lspci -D prints it.
struct Bdf {
  uint32_t domain = 0;       // 0..0xffff
  uint32_t bus = 0;          // 0..0xff
  uint32_t device = 0;       // 0..0x1f
  uint32_t function = 0;     // 0..7
  std::string text() const;  // "0000:03:00.0"
  auto operator<=>(const Bdf&) const = default;
};

enum class RdmPolicy { Strict, Relaxed };

// One `pci` entry: the device, its guest slot, and the options xl-pci-configuration(5) names.
struct PciDevice {
  Located<Bdf> bdf;
  Located<uint32_t> vslot;  // @VSLOT: the guest's slot; absent when not given
  Located<bool> permissive, seize, msitranslate, power_mgmt;  // each absent when not given
  Located<RdmPolicy> rdm_policy;                              // absent when not given
  Span span;
};

// `ioports` entry: an inclusive range of x86 I/O ports.
struct IoPortRange {
  uint32_t first = 0, last = 0;  // 0..0xffff
  Span span;
};

// `iomem` entry: machine page frames [start, start + pages), mapped at `gfn` (default: 1:1).
struct IoMemRange {
  Located<uint64_t> start;  // page number
  Located<uint64_t> pages;
  Located<uint64_t> gfn;  // absent: the same as start
  Span span;
};

// The display over VNC: HVM guests get it on their emulated card, PV and PVH a vfb.
struct Vnc {
  Located<std::string> listen;  // an IPv4 address; defaulted: 127.0.0.1
  Located<uint32_t> display;    // 0..; absent with `auto` (the first free one: vncunused)
  bool display_auto = false;
  Located<std::string> password_file;  // read by xenplan-up at create time, never written out
  Span span;
};

enum class VgaKind { Cirrus, Stdvga, None };

// The emulated USB of an HVM guest: a controller version, or devices on xl's usb bus.
struct Usb {
  Located<uint32_t> version;                  // 1, 2 or 3; absent when not given
  std::vector<Located<std::string>> devices;  // "tablet", "host:1234:5678"
  Span span;
};

enum class BootDevice { Disk, Cdrom, Network };  // xl's c, d, n
enum class Firmware { Bios, Uefi };              // xl's bios=seabios, bios=ovmf
enum class DeviceModel { QemuXen, QemuXenTraditional };
enum class TscMode { Default, AlwaysEmulate, Native };

std::string_view vga_name(VgaKind v);  // "cirrus", "stdvga", "none"
std::string_view device_model_name(DeviceModel m);
std::string_view tsc_mode_name(TscMode m);
std::string_view rdm_policy_name(RdmPolicy p);
char boot_letter(BootDevice b);  // 'c', 'd', 'n'

}  // namespace xenplan
