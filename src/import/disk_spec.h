// A disk specification as xl reads it (xl-disk-configuration(5); Xen 4.17's flex scanner
// tools/libs/util/libxlu_disk_l.l and libxlu_disk.c): `key=value` parameters, the positional
// form `target,format,vdev,access` (its `phy:`-style prefixes drop the format), the longest
// match winning at every step, as flex does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xenplan {

struct DiskSpec {
  std::optional<std::string> target;  // may be "" (an empty CD-ROM drive)
  std::string vdev;
  std::string format = "raw";  // raw, qcow, qcow2, vhd, qed, or empty
  bool readwrite = true;
  bool cdrom = false;
  std::optional<bool> discard;
  std::optional<std::string> backend;  // the backend domain
  std::optional<std::string> script;   // script= or the block-<name> of an iscsi:/nbd:/drbd: prefix
  std::optional<std::string> prefix;   // a deprecated prefix seen: phy, file, tap, aio, ...
  std::vector<std::string> others;     // parameters xl reads that have no field: backendtype=..., colo, ...
  std::string error;                   // non-empty: xl rejects the specification, and why
};

DiskSpec parse_disk_spec(std::string_view spec);

}  // namespace xenplan
