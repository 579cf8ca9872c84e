#include "model/devices.h"

#include <fmt/format.h>

namespace xenplan {

std::string Bdf::text() const {
  return fmt::format("{:04x}:{:02x}:{:02x}.{}", domain, bus, device, function);
}

std::string_view vga_name(VgaKind v) {
  switch (v) {
    case VgaKind::Cirrus:
      return "cirrus";
    case VgaKind::Stdvga:
      return "stdvga";
    case VgaKind::None:
      return "none";
  }
  return "cirrus";
}

std::string_view device_model_name(DeviceModel m) {
  return m == DeviceModel::QemuXenTraditional ? "qemu-xen-traditional" : "qemu-xen";
}

std::string_view tsc_mode_name(TscMode m) {
  switch (m) {
    case TscMode::Default:
      return "default";
    case TscMode::AlwaysEmulate:
      return "always_emulate";
    case TscMode::Native:
      return "native";
  }
  return "default";
}

std::string_view rdm_policy_name(RdmPolicy p) {
  return p == RdmPolicy::Strict ? "strict" : "relaxed";
}

char boot_letter(BootDevice b) {
  switch (b) {
    case BootDevice::Disk:
      return 'c';
    case BootDevice::Cdrom:
      return 'd';
    case BootDevice::Network:
      return 'n';
  }
  return 'c';
}

}  // namespace xenplan
