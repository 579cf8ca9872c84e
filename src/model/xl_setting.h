// One `xl:` setting of a domain: a key of xl.cfg(5) that xenplan has no field for, passed through
// to the domain's xl.cfg with a value of the form xl reads for it (model/xl_keys.def).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/field.h"

namespace xenplan {

using XlStrings = std::vector<Located<std::string>>;  // each item keeps its span

// String, Number (0 to 2^63-1: a C long), Bool, List of strings, List of lists of strings.
using XlValue = std::variant<std::string, uint64_t, bool, XlStrings, std::vector<XlStrings>>;

struct XlSetting {
  Located<std::string> key;  // the span of the key
  Located<XlValue> value;    // the span of the value
};

// The number `settings` give `key`, or nullopt when they do not set it.
inline std::optional<uint64_t> xl_number(const std::vector<XlSetting>& settings, std::string_view key) {
  for (const XlSetting& s : settings) {
    if (s.key.value != key) continue;
    if (const auto* n = std::get_if<uint64_t>(&s.value.value)) return *n;
  }
  return std::nullopt;
}

}  // namespace xenplan
