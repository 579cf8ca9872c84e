#include "base/codes.h"

#include <array>

namespace xenplan {
namespace {

constexpr std::array kCodes = {
#define XP_CODE(name, id, summary, why, fix) CodeInfo{Code::name, id, summary, why, fix},
#include "base/codes.def"
#undef XP_CODE
};

}  // namespace

const CodeInfo& code_info(Code code) {
  return kCodes[static_cast<size_t>(code)];
}

std::span<const CodeInfo> all_codes() {
  return kCodes;
}

const CodeInfo* find_code(std::string_view id) {
  for (const CodeInfo& c : kCodes) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace xenplan
