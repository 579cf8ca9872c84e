#include "syntax/sugar.h"

#include <array>

namespace xenplan {
namespace {

constexpr std::array kSugar = {
    Sugar{BlockContext::Top, "host", "host", false, "name", BlockContext::Host},
    Sugar{BlockContext::Top, "pool", "pools", true, "name", BlockContext::Pool},
    Sugar{BlockContext::Top, "domain", "domains", true, "name", BlockContext::Domain},
    Sugar{BlockContext::Host, "bridge", "bridges", true, "name", BlockContext::Other},
    Sugar{BlockContext::Host, "volume_group", "volume_groups", true, "name", BlockContext::Other},
    Sugar{BlockContext::Domain, "disk", "disks", true, "vdev", BlockContext::Other},
    Sugar{BlockContext::Domain, "network", "networks", true, "", BlockContext::Other},
};

}  // namespace

const Sugar* sugar_for_keyword(BlockContext context, std::string_view keyword) {
  for (const Sugar& s : kSugar) {
    if (s.context == context && s.keyword == keyword) return &s;
  }
  return nullptr;
}

const Sugar* sugar_for_key(BlockContext context, std::string_view key) {
  for (const Sugar& s : kSugar) {
    if (s.context == context && s.key == key) return &s;
  }
  return nullptr;
}

BlockContext context_inside(BlockContext context, std::string_view key) {
  if (const auto s = sugar_for_key(context, key)) return s->inner;
  return BlockContext::Other;
}

}  // namespace xenplan
