// Stable diagnostic codes, generated from the one table in codes.def.
#pragma once

#include <span>
#include <string_view>

namespace xenplan {

enum class Code {
#define XP_CODE(name, id, summary, why, fix) name,
#include "base/codes.def"
#undef XP_CODE
};

struct CodeInfo {
  Code code;
  std::string_view id;       // "XP0101"
  std::string_view summary;  // one line
  std::string_view why;      // why it matters on a Xen host
  std::string_view fix;      // an example fix
};

const CodeInfo& code_info(Code code);
// The entry for "XP0101", or null.
const CodeInfo* find_code(std::string_view id);
std::span<const CodeInfo> all_codes();

}  // namespace xenplan
