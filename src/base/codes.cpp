#include "base/codes.h"

#include <array>

namespace xenplan {
namespace {

constexpr std::array kCodes = {
#define XP_CODE(name, id, summary, why) CodeInfo{Code::name, id, summary, why},
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

}  // namespace xenplan
