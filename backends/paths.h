// Where each artifact is installed on the host. Domain configs live outside /etc/xen/auto so
// the xendomains service never starts a guest before its pool exists (reference §9 item 26).
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
inline std::string network_stanza(std::string_view bridge) {
  return "/etc/network/interfaces.d/xenplan-" + std::string(bridge);
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
