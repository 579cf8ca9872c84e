// `disk`: every specification as xl reads it (import/disk_spec.h), old positional form and new
// key=value form alike, to the description's disks. A /dev/VG/LV target is recognised as a
// `volume` when the `lvs` output names it and it is the <domain>-<vdev> xenplan would create;
// otherwise a block device or an image file. The inverse of xl_device_specs.cpp's disk_spec.
#include <fmt/format.h>

#include <algorithm>

#include "base/units.h"
#include "import/disk_spec.h"
#include "import/domain_map.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

// The logical volume /dev/VG/LV names, when the lvs output has it.
const LogicalVolume* logical_volume(const DomainMap& m, std::string_view path) {
  if (!path.starts_with("/dev/")) return nullptr;
  const std::string_view rest = path.substr(5);
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos || rest.find('/', slash + 1) != std::string_view::npos) return nullptr;
  for (const LogicalVolume& lv : m.sources.volumes) {
    if (lv.group == rest.substr(0, slash) && lv.name == rest.substr(slash + 1)) return &lv;
  }
  return nullptr;
}

// The disk's source: `volume`, `device` or `file`. False when the target cannot be one.
bool map_source(DomainMap& m, const DiskSpec& d, Draft& disk, const XlCfgValue& item,
                const std::string& subject) {
  const std::string& target = *d.target;
  if (const auto problem = absolute_path_problem(target)) {
    m.note(FindingKind::Dropped, m.at(item.span), subject,
           fmt::format(
               "the target `{}` is not a path ({}): the description's disks are volumes, devices or files",
               target, *problem));
    return false;
  }
  const LogicalVolume* lv = logical_volume(m, target);
  const bool raw = d.format == "raw";
  if (lv && raw && lv->name == m.name + "-" + d.vdev && lv->bytes % kKiB == 0 && lv->bytes > 0) {
    Draft volume = Draft::map();
    volume.set("group", Draft::text(lv->group));
    volume.set("size", Draft::word(format_memory(lv->bytes)));
    disk.set("volume", std::move(volume));
    m.needs.volumes.push_back(lv);
    return true;
  }
  // xenplan's formats other than raw are for image files; xl itself tells files and devices apart.
  const bool device = raw && (target.starts_with("/dev/") || d.prefix == "phy");
  disk.set(device ? "device" : "file", Draft::text(target));
  if (!raw) disk.set("format", Draft::word(d.format));
  return true;
}

void map_disk(DomainMap& m, const XlCfgValue& item, size_t index, Draft& disks) {
  const DiskSpec d = parse_disk_spec(item.text);
  if (!d.error.empty()) {
    m.reject(m.at(item.span), fmt::format("xl cannot read the disk `{}`: {}", item.text, d.error));
    return;
  }
  const std::string subject = fmt::format("disk[{}]", index);
  Draft disk = Draft::map();
  disk.set("vdev", Draft::text(d.vdev));
  std::vector<std::pair<std::string, std::string>> dropped;  // (subject, why), noted once the disk is placed
  if (d.target && !d.target->empty()) {
    if (!map_source(m, d, disk, item, subject)) return;
  } else if (d.target) {
    dropped.emplace_back(subject + ".target", "");  // an empty target: the same empty drive
  }
  if (d.cdrom && m.type == DomainType::Hvm) {
    disk.set("cdrom", Draft::word("true"));
  } else if (d.cdrom) {
    dropped.emplace_back(subject + ".devtype",
                         "the description has CD-ROM drives for HVM guests only: a read-only disk");
    disk.set("access", Draft::word("ro"));
  }
  if (!d.readwrite && !d.cdrom) disk.set("access", Draft::word("ro"));
  if (d.script) disk.set("script", Draft::text(*d.script));
  if (d.discard) disk.set("discard", Draft::word(*d.discard ? "true" : "false"));
  if (d.backend) disk.set("backend", Draft::text(*d.backend));
  for (const std::string& other : d.others) {
    const std::string key = other.substr(0, other.find('='));
    dropped.emplace_back(fmt::format("{}.{}", subject, key),
                         fmt::format("the description's disks have no field for `{}`", other));
  }
  Draft& placed = disks.push(std::move(disk));
  for (const auto& [what, why] : dropped) {
    if (why.empty()) {
      m.note(FindingKind::Rewritten, m.at(item.span), what,
             "an empty target is no target: the description's empty CD-ROM drive has none", &placed);
    } else {
      m.note(FindingKind::Dropped, m.at(item.span), what, why, &placed);
    }
  }
}

}  // namespace

void map_disks(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("disk");
  if (!s) return;
  if (!s->value.is_list()) {
    m.note(FindingKind::Ignored, m.at(s->value.span), "disk",
           "xl reads a list of disks here and ignores a string");
    return;
  }
  Draft disks = Draft::list();
  const auto items = xl_strings(s->value);
  for (size_t i = 0; i < items.size(); ++i) map_disk(m, *items[i], i, disks);
  if (items.size() < s->value.items.size()) {
    m.note(FindingKind::Ignored, m.at(s->value.items[items.size()].span), "disk",
           "xl stops reading the disks at the first item that is a list");
  }
  if (disks.size() > 0) m.out.set("disks", std::move(disks));
}

}  // namespace xenplan
