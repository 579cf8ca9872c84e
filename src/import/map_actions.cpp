// What Xen does when the guest powers off, reboots, crashes or its watchdog fires: xl's action
// names are the description's words. The inverse of xl_domain.cpp's actions_section.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "import/domain_map.h"

namespace xenplan {

void map_actions(DomainMap& m) {
  static constexpr std::array<std::string_view, 7> kActions = {
      "destroy",          "restart",          "rename-restart", "preserve",
      "coredump-destroy", "coredump-restart", "soft-reset"};
  for (const char* key : {"on_poweroff", "on_reboot", "on_crash", "on_watchdog"}) {
    const XlCfgSetting* s = m.keys.take(key);
    const std::string* action = s ? m.text(*s) : nullptr;
    if (!action) continue;
    if (std::find(kActions.begin(), kActions.end(), *action) == kActions.end()) {
      m.reject(m.at(s->value.span), fmt::format("xl knows no {} action \"{}\"", key, *action));
      continue;
    }
    m.out.set(key, Draft::word(*action));
  }
}

}  // namespace xenplan
