#include "xl_device_specs.h"

#include <fmt/format.h>

#include "quote.h"
#include "xl_syntax.h"

namespace xenplan {
namespace {

void add(std::string& spec, std::string_view key, const Located<std::string>& value) {
  if (value.usable()) spec += fmt::format(",{}={}", key, xl_spec_value(value.value));
}

}  // namespace

std::string disk_spec(const CheckedModel& m, const Domain& d, const Disk& disk) {
  std::string spec = fmt::format("format={}, vdev={}, access={}", disk_format_name(disk.format),
                                 xl_spec_value(disk.vdev.value), disk_access_name(disk.access.value));
  if (disk.cdrom.value) spec += ", devtype=cdrom";
  if (disk.discard.usable()) spec += disk.discard.value ? ", discard" : ", no-discard";
  if (disk.backend.usable()) spec += fmt::format(", backend={}", xl_spec_value(disk.backend.value));
  if (disk.script.usable()) spec += fmt::format(", script={}", xl_spec_value(disk.script.value));
  switch (disk.source) {
    case DiskSource::Volume:
      return spec + fmt::format(", target=/dev/{}/{}", m.group_of(disk).name.value, volume_name(d, disk));
    case DiskSource::File:
    case DiskSource::Device:
      return spec + fmt::format(", target={}", disk.path.value);  // target= takes the rest: last
    case DiskSource::Empty:
      return spec;  // an empty CD-ROM drive
  }
  return spec;
}

std::string vif_spec(const CheckedModel& m, const Network& n) {
  std::string spec = fmt::format("bridge={}", xl_spec_value(m.bridge_of(n).name.value));
  if (n.mac.usable()) spec += fmt::format(",mac={}", n.mac.value.text());
  if (n.type.usable()) spec += n.type.value == VifType::Vif ? ",type=vif" : ",type=ioemu";
  add(spec, "model", n.model);
  add(spec, "ip", n.ip);
  add(spec, "rate", n.rate);
  add(spec, "vifname", n.vifname);
  add(spec, "script", n.script);
  add(spec, "backend", n.backend);
  return spec;
}

std::string pci_spec(const PciDevice& dev) {
  std::string spec = dev.bdf.value.text();
  if (dev.vslot.usable()) spec += fmt::format("@{:02x}", dev.vslot.value);
  for (auto [key, field] :
       {std::pair{"permissive", &dev.permissive}, std::pair{"seize", &dev.seize},
        std::pair{"msitranslate", &dev.msitranslate}, std::pair{"power_mgmt", &dev.power_mgmt}}) {
    if (field->usable()) spec += fmt::format(",{}={}", key, xl_bool(field->value));
  }
  if (dev.rdm_policy.usable()) spec += fmt::format(",rdm_policy={}", rdm_policy_name(dev.rdm_policy.value));
  return spec;
}

std::string vfb_spec(const Vnc& vnc) {
  std::string spec = fmt::format("vnc=1,vnclisten={}", xl_spec_value(vnc.listen.value));
  spec += vnc.display_auto ? ",vncunused=1" : fmt::format(",vncdisplay={}", vnc.display.value);
  return spec;
}

}  // namespace xenplan
