#include "model/device_values.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace xenplan {
namespace {

// A run of 1..max_digits hex digits at the front of `text`, consumed.
std::optional<uint32_t> take_hex(std::string_view& text, size_t max_digits) {
  size_t n = 0;
  uint32_t value = 0;
  while (n < text.size() && n < max_digits && std::isxdigit(static_cast<unsigned char>(text[n]))) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[n])));
    value = value * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    ++n;
  }
  if (n == 0) return std::nullopt;
  text.remove_prefix(n);
  return value;
}

bool take(std::string_view& text, char c) {
  if (text.empty() || text[0] != c) return false;
  text.remove_prefix(1);
  return true;
}

}  // namespace

std::optional<uint64_t> parse_hex(std::string_view text, uint64_t max) {
  if (text.starts_with("0x") || text.starts_with("0X")) text.remove_prefix(2);
  if (text.empty() || text.size() > 16) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    value = value * 16 + static_cast<uint64_t>(l <= '9' ? l - '0' : l - 'a' + 10);
  }
  if (value > max) return std::nullopt;
  return value;
}

BdfParse parse_bdf(std::string_view text) {
  constexpr const char* kShape = "write [domain:]bus:device.function in hex, such as 0000:03:00.0";
  BdfParse out;
  std::string_view rest = text;
  Bdf bdf;
  // Either DDDD:BB:DD.F or BB:DD.F: count the colons before the dot.
  const size_t dot = rest.find('.');
  const size_t colons =
      dot == std::string_view::npos
          ? 0
          : static_cast<size_t>(std::count(rest.begin(), rest.begin() + static_cast<long>(dot), ':'));
  if (colons == 2) {
    const auto domain = take_hex(rest, 4);
    if (!domain || !take(rest, ':')) return {{}, {}, kShape};
    bdf.domain = *domain;
  } else if (colons != 1) {
    return {{}, {}, kShape};
  }
  const auto bus = take_hex(rest, 2);
  if (!bus || !take(rest, ':')) return {{}, {}, kShape};
  const auto device = take_hex(rest, 2);
  if (!device || !take(rest, '.')) return {{}, {}, kShape};
  if (*device > 0x1f)
    return {{}, {}, fmt::format("device {:02x} is above 1f, the last device on a bus", *device)};
  if (rest.empty() || !std::isdigit(static_cast<unsigned char>(rest[0]))) return {{}, {}, kShape};
  const uint32_t function = static_cast<uint32_t>(rest[0] - '0');
  rest.remove_prefix(1);
  if (function > 7)
    return {{}, {}, fmt::format("function {} is above 7, the last function of a device", function)};
  bdf.bus = *bus;
  bdf.device = *device;
  bdf.function = function;
  if (take(rest, '@')) {
    const auto vslot = take_hex(rest, 2);
    if (!vslot || *vslot > 0x1f) return {{}, {}, "a virtual slot (@VSLOT) is a hex number from 0 to 1f"};
    out.vslot = *vslot;
  }
  if (!rest.empty()) return {{}, {}, kShape};
  out.bdf = bdf;
  return out;
}

IoPortParse parse_ioports(std::string_view text) {
  constexpr const char* kShape = "write a hex port or range, such as \"0x3f8-0x3ff\" or \"0x2f8\"";
  const size_t dash = text.find('-');
  const auto first = parse_hex(text.substr(0, dash), 0xffff);
  const auto last = dash == std::string_view::npos ? first : parse_hex(text.substr(dash + 1), 0xffff);
  if (!first || !last) return {{}, kShape};
  if (*last < *first) return {{}, "the range runs backwards: write the lower port first"};
  return {IoPortRange{static_cast<uint32_t>(*first), static_cast<uint32_t>(*last), {}}, {}};
}

}  // namespace xenplan
