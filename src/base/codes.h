// Stable diagnostic codes, generated from the one table in codes.def.
#pragma once

#include <span>
#include <string_view>

namespace xenplan {

enum class Code {
#define XP_CODE(name, id, summary, why) name,
#include "base/codes.def"
#undef XP_CODE
};

struct CodeInfo {
  Code code;
  std::string_view id;       // "XP0101"
  std::string_view summary;  // one line
  std::string_view why;      // why it matters on a Xen host
};

const CodeInfo& code_info(Code code);
std::span<const CodeInfo> all_codes();

}  // namespace xenplan
