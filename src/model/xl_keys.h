// The keys xl.cfg(5) documents (Xen 4.17), with the value forms xl's parser reads for each, and
// the description field for those xenplan writes itself. The facts live in xl_keys.def.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace xenplan {

// The forms of value a key takes, as a set: xl tries one form, then the other (`cpuid`).
enum class XlForm : uint8_t {
  String = 1,  // "text"
  Number = 2,  // a decimal integer
  Bool = 4,    // true/false, written 1/0 (xl reads booleans as numbers)
  List = 8,    // [ "a", "b" ]
  Lists = 16,  // [ [ "a", "b" ], [ "c" ] ]
};
constexpr XlForm operator|(XlForm a, XlForm b) {
  return static_cast<XlForm>(static_cast<uint8_t>(a) | static_cast<uint8_t>(b));
}
constexpr bool has(XlForm set, XlForm form) {
  return (static_cast<uint8_t>(set) & static_cast<uint8_t>(form)) != 0;
}

// The guest types whose part of xl.cfg(5) documents a key, as a set.
enum class XlGuests : uint8_t { Pv = 1, Pvh = 2, Hvm = 4, All = 7 };
constexpr XlGuests operator|(XlGuests a, XlGuests b) {
  return static_cast<XlGuests>(static_cast<uint8_t>(a) | static_cast<uint8_t>(b));
}

struct XlKey {
  std::string_view name;
  XlForm forms;
  XlGuests guests;
  uint32_t since_minor;           // the first Xen 4.x whose xl.cfg(5) documents it
  std::string_view written_from;  // the description field xenplan writes it from; empty: `xl:` may set it
};

// Every key, in the order of xl_keys.def.
std::span<const XlKey> xl_keys();
// The key named `name`, or null.
const XlKey* find_xl_key(std::string_view name);
// The forms in words, for messages: "a whole number", "a string or a list of strings".
std::string describe_forms(XlForm forms);

}  // namespace xenplan
