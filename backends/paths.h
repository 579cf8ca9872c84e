// Where each artifact is installed on the host, and the host's own files the scripts read or
// change. Domain configs live outside /etc/xen/auto so the xendomains service never starts a
// guest before its pool exists (reference §9 item 26).
#pragma once

#include <string>
#include <string_view>

namespace xenplan::paths {

inline std::string domain_config(std::string_view domain) {
  return "/etc/xen/xenplan/domains/" + std::string(domain) + ".cfg";
}
inline std::string pool_config(std::string_view pool) {
  return "/etc/xen/xenplan/pools/" + std::string(pool) + ".cfg";
}

// ifupdown: the main file, its drop-in directory (Debian's main file sources it), and xenplan's
// stanzas there, one per bridge: `xenplan-<bridge>`.
constexpr const char* kNetworkInterfaces = "/etc/network/interfaces";
constexpr const char* kNetworkInterfacesDir = "/etc/network/interfaces.d";
constexpr const char* kNetworkStanzaPrefix = "xenplan-";
inline std::string network_stanza(std::string_view bridge) {
  return std::string(kNetworkInterfacesDir) + "/" + kNetworkStanzaPrefix + std::string(bridge);
}
// Where provision keeps the original of a host file it changes, at the file's own path below.
constexpr const char* kBackupDir = "/var/backups/xenplan";

// The build configuration Xen's install puts next to a hypervisor image:
// /boot/xen-4.17-amd64.gz (or .efi) -> /boot/xen-4.17-amd64.config.
inline std::string hypervisor_config(std::string_view image) {
  std::string base(image);
  for (std::string_view ext : {".gz", ".efi"}) {
    if (base.size() > ext.size() && base.compare(base.size() - ext.size(), ext.size(), ext) == 0) {
      base.resize(base.size() - ext.size());
      break;
    }
  }
  return base + ".config";
}

constexpr const char* kXlConfSettings = "/etc/xen/xenplan/xl.conf.settings";
constexpr const char* kXlConf = "/etc/xen/xl.conf";
constexpr const char* kGrubDefaults = "/etc/default/grub.d/zz-xenplan.cfg";  // sorts after Debian's xen.cfg
constexpr const char* kGrubMenu = "/etc/grub.d/42_xenplan";
constexpr const char* kProvision = "/usr/local/sbin/xenplan-provision";
constexpr const char* kUp = "/usr/local/sbin/xenplan-up";
constexpr const char* kDown = "/usr/local/sbin/xenplan-down";
constexpr const char* kUnit = "/etc/systemd/system/xenplan.service";
constexpr const char* kUnitName = "xenplan.service";
constexpr const char* kReportText = "/var/lib/xenplan/report.txt";
constexpr const char* kReportJson = "/var/lib/xenplan/report.json";

}  // namespace xenplan::paths
