#include "passes/name_rules.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>

namespace xenplan {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

std::string describe(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u < 0x20 || u == 0x7f) return fmt::format("control character 0x{:02x}", u);
  if (c == ' ') return "a space";
  if (u >= 0x80) return "a non-ASCII character";
  return fmt::format("`{}`", c);
}

// Characters every consumer (xl, LVM, bash, GRUB, log file names) takes as they are.
std::optional<std::string> word_problem(std::string_view text, std::string_view allowed_punct,
                                        size_t max_len) {
  if (text.empty()) return "it is empty";
  if (text.size() > max_len) return fmt::format("it is longer than {} characters", max_len);
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) continue;
    if (allowed_punct.find(c) != std::string_view::npos) continue;
    return fmt::format("it contains {}", describe(c));
  }
  if (text[0] == '-' || text[0] == '.') return fmt::format("it starts with `{}`", text[0]);
  return std::nullopt;
}

std::optional<std::string> control_problem(std::string_view text) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return fmt::format("it contains {}", describe(c));
  }
  return std::nullopt;
}

bool parse_octets(std::string_view text) {
  int parts = 0;
  size_t pos = 0;
  while (true) {
    const size_t dot = text.find('.', pos);
    const std::string_view part =
        text.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    unsigned value = 0;
    if (part.empty() || part.size() > 3 || !all_digits(part) || (part.size() > 1 && part[0] == '0'))
      return false;
    std::from_chars(part.data(), part.data() + part.size(), value);
    if (value > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return parts == 4;
}

}  // namespace

std::optional<std::string> host_name_problem(std::string_view text) {
  // A host name (RFC 1123 label); it also names the output directory in multi-host builds.
  return word_problem(text, "-", 63);
}

std::optional<std::string> domain_name_problem(std::string_view text) {
  if (auto p = word_problem(text, "_.+-", 64)) return p;
  if (all_digits(text)) return "it is all digits, which xl reads as a domain id";
  return std::nullopt;
}

std::optional<std::string> pool_name_problem(std::string_view text) {
  if (auto p = word_problem(text, "_.+-", 64)) return p;
  if (all_digits(text)) return "it is all digits, which xl reads as a pool id";
  return std::nullopt;
}

std::optional<std::string> interface_name_problem(std::string_view text) {
  // Linux interface names: at most 15 bytes (IFNAMSIZ - 1), no `/`, `:` or whitespace.
  return word_problem(text, "_.-", 15);
}

std::optional<std::string> bridge_port_problem(std::string_view text) {
  if (auto p = interface_name_problem(text)) return p;
  // bridge-utils' bridge_parse_ports (/lib/bridge-utils/bridge-utils.sh) and ifupdown.sh read
  // these words as directives: `all` adds every eth*/en* NIC, `regex` matches every interface.
  for (std::string_view keyword : {"all", "none", "regex", "noregex"}) {
    if (text == keyword)
      return fmt::format("bridge-utils reads `{}` in bridge_ports as a keyword, not an interface", keyword);
  }
  return std::nullopt;
}

std::optional<std::string> volume_group_name_problem(std::string_view text) {
  if (auto p = word_problem(text, "+_.-", 127)) return p;
  // lvm(8): a volume group cannot be named like anything in /dev.
  static constexpr std::array kDevNames = {
      "block", "bus", "char", "cpu", "disk", "dri",  "fd",  "hugepages", "input", "mapper", "mqueue",
      "net",   "pts", "shm",  "snd", "usb",  "vfio", "xen", "zero",      "null",  "random", "console"};
  for (const char* name : kDevNames) {
    if (text == name)
      return fmt::format("`/dev/{}` already exists, and LVM cannot name a group after it", name);
  }
  return std::nullopt;
}

std::optional<std::string> logical_volume_name_problem(std::string_view text) {
  if (auto p = word_problem(text, "+_.-", 127)) return p;
  if (text == "snapshot" || text == "pvmove") return fmt::format("`{}` is reserved by LVM", text);
  static constexpr std::array kReserved = {"_cdata", "_cmeta",   "_corig",   "_iorig", "_mimage",
                                           "_mlog",  "_pmspare", "_rimage",  "_rmeta", "_tdata",
                                           "_tmeta", "_vdata",   "_vorigin", "_wcorig"};
  for (const char* part : kReserved) {
    if (text.find(part) != std::string_view::npos)
      return fmt::format("it contains `{}`, which LVM reserves", part);
  }
  return std::nullopt;
}

std::optional<std::string> absolute_path_problem(std::string_view text) {
  if (text.empty()) return "it is empty";
  if (text[0] != '/') return "it is not an absolute path";
  if (text.size() > 4095) return "it is longer than 4095 characters";
  if (auto p = control_problem(text)) return p;
  return std::nullopt;
}

std::optional<std::string> bootloader_problem(std::string_view text) {
  if (!text.empty() && text[0] == '/') return absolute_path_problem(text);
  // A bare name is looked up in Xen's private bin directory (pygrub).
  return word_problem(text, "_.-", 64);
}

std::optional<std::string> free_text_problem(std::string_view text) {
  if (text.size() > 4096) return "it is longer than 4096 characters";
  return control_problem(text);
}

std::optional<std::string> xen_option_problem(std::string_view text) {
  // One word of the Xen boot line; GRUB and the shell see it too.
  return word_problem(text, "_.,:=+/@%-", 256);
}

std::optional<std::string> ipv4_cidr_problem(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return "it has no prefix length (such as /24)";
  const std::string_view prefix = text.substr(slash + 1);
  unsigned bits = 0;
  if (!parse_octets(text.substr(0, slash))) return "it is not an IPv4 address";
  if (!all_digits(prefix) || prefix.size() > 2) return "its prefix length is not a number";
  std::from_chars(prefix.data(), prefix.data() + prefix.size(), bits);
  if (bits > 32) return "its prefix length is above 32";
  return std::nullopt;
}

std::optional<std::string> ipv4_address_problem(std::string_view text) {
  if (!parse_octets(text)) return "it is not an IPv4 address";
  return std::nullopt;
}

std::optional<std::string> spec_value_problem(std::string_view text) {
  // xl splits a device specification at commas and reads key=value; there is no quoting.
  return word_problem(text, "_./:+@%-", 256);
}

std::optional<std::string> vif_rate_problem(std::string_view text) {
  constexpr const char* kShape =
      "it is not RATE/s[@INTERVAL], RATE in B, KB, MB, GB (bytes) or b, Kb, Mb, Gb (bits), INTERVAL in us, "
      "ms or s";
  const size_t at = text.find('@');
  std::string_view rate = text.substr(0, at);
  size_t digits = 0;
  while (digits < rate.size() && std::isdigit(static_cast<unsigned char>(rate[digits]))) ++digits;
  std::string_view unit = rate.substr(digits);
  if (!unit.empty() && (unit[0] == 'G' || unit[0] == 'M' || unit[0] == 'K')) unit.remove_prefix(1);
  if (digits == 0 || (unit != "B/s" && unit != "b/s")) return std::string(kShape);
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view interval = text.substr(at + 1);
  size_t n = 0;
  while (n < interval.size() && std::isdigit(static_cast<unsigned char>(interval[n]))) ++n;
  const std::string_view iunit = interval.substr(n);
  if (n == 0 || (iunit != "us" && iunit != "ms" && iunit != "s")) return std::string(kShape);
  return std::nullopt;
}

std::optional<std::string> serial_problem(std::string_view text) {
  if (text == "pty" || text == "none") return std::nullopt;
  if (!text.starts_with("/dev/")) return "it is neither `pty`, `none` nor a device under /dev";
  return word_problem(text.substr(5), "_./-", 255);
}

std::optional<std::string> uuid_problem(std::string_view text) {
  constexpr std::array<size_t, 5> kGroups = {8, 4, 4, 4, 12};
  size_t pos = 0;
  for (size_t g = 0; g < kGroups.size(); ++g) {
    for (size_t i = 0; i < kGroups[g]; ++i, ++pos) {
      if (pos >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[pos])))
        return "write 32 hex digits as 8-4-4-4-12, such as 6b0f6c1e-6f3c-5a8e-9d41-2f0c9e3b7a55";
    }
    if (g + 1 < kGroups.size() && (pos >= text.size() || text[pos++] != '-'))
      return "write 32 hex digits as 8-4-4-4-12, such as 6b0f6c1e-6f3c-5a8e-9d41-2f0c9e3b7a55";
  }
  if (pos != text.size())
    return "write 32 hex digits as 8-4-4-4-12, such as 6b0f6c1e-6f3c-5a8e-9d41-2f0c9e3b7a55";
  return std::nullopt;
}

}  // namespace xenplan
