#include "base/units.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "base/echo.h"

namespace xenplan {
namespace {

struct Unit {
  std::string_view name;
  uint64_t factor;
};

constexpr std::array kMemoryUnits = {Unit{"TiB", kTiB}, Unit{"GiB", kGiB}, Unit{"MiB", kMiB},
                                     Unit{"KiB", kKiB}};
constexpr std::array kTimeUnits = {Unit{"s", 1'000'000}, Unit{"ms", 1'000}, Unit{"us", 1}};

// Spellings people reach for, mapped to the unit xenplan wants.
struct Alias {
  std::string_view written;
  std::string_view meant;
};
constexpr std::array kMemoryAliases = {
    Alias{"k", "KiB"},   Alias{"K", "KiB"},   Alias{"KB", "KiB"},  Alias{"kB", "KiB"}, Alias{"kib", "KiB"},
    Alias{"Ki", "KiB"},  Alias{"m", "MiB"},   Alias{"M", "MiB"},   Alias{"MB", "MiB"}, Alias{"mb", "MiB"},
    Alias{"mib", "MiB"}, Alias{"Mi", "MiB"},  Alias{"g", "GiB"},   Alias{"G", "GiB"},  Alias{"GB", "GiB"},
    Alias{"gb", "GiB"},  Alias{"gib", "GiB"}, Alias{"Gi", "GiB"},  Alias{"t", "TiB"},  Alias{"T", "TiB"},
    Alias{"TB", "TiB"},  Alias{"tb", "TiB"},  Alias{"tib", "TiB"}, Alias{"Ti", "TiB"}};
constexpr std::array kTimeAliases = {Alias{"µs", "us"},   Alias{"usec", "us"},  Alias{"US", "us"},
                                     Alias{"msec", "ms"}, Alias{"MS", "ms"},    Alias{"sec", "s"},
                                     Alias{"S", "s"},     Alias{"seconds", "s"}};

struct Split {
  std::string_view digits;
  std::string_view spaces;
  std::string_view unit;
};

Split split_number(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  size_t j = i;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
  return {text.substr(0, i), text.substr(i, j - i), text.substr(j)};
}

template <size_t N, size_t M>
Parsed<uint64_t> parse_quantity(std::string_view text, std::string_view what, std::string_view example_unit,
                                const std::array<Unit, N>& units, const std::array<Alias, M>& aliases,
                                std::string_view unit_list) {
  const Split s = split_number(text);
  const std::string example = fmt::format("{}{}", s.digits.empty() ? "10" : s.digits, example_unit);
  if (s.digits.empty()) {
    return Parsed<uint64_t>::fail(
        fmt::format("expected a {} such as {}, found {}", what, echo(example), echo(text)),
        fmt::format("write a whole number followed by one of {}", unit_list));
  }
  if (s.unit.empty()) {
    return Parsed<uint64_t>::fail(fmt::format("{} {} has no unit", what, echo(text)),
                                  fmt::format("write {}; units are {}", echo(example), unit_list));
  }
  if (!s.spaces.empty()) {
    return Parsed<uint64_t>::fail(fmt::format("{} {} has a space before its unit", what, echo(text)),
                                  fmt::format("write {}", echo(fmt::format("{}{}", s.digits, s.unit))));
  }
  if (s.unit[0] == '.' || s.unit[0] == ',') {
    return Parsed<uint64_t>::fail(
        fmt::format("{} {} is not a whole number", what, echo(text)),
        fmt::format("use a smaller unit so the number is whole; units are {}", unit_list));
  }
  if (s.digits.size() > 1 && s.digits[0] == '0') {
    const size_t first = std::min(s.digits.find_first_not_of('0'), s.digits.size() - 1);
    return Parsed<uint64_t>::fail(
        fmt::format("{} {} has a leading zero", what, echo(text)),
        fmt::format("write {}", echo(fmt::format("{}{}", s.digits.substr(first), s.unit))));
  }
  for (const Unit& u : units) {
    if (s.unit != u.name) continue;
    uint64_t n = 0;
    for (char c : s.digits) {
      const auto digit = static_cast<uint64_t>(c - '0');
      if (n > (UINT64_MAX - digit) / 10)
        n = UINT64_MAX;
      else
        n = n * 10 + digit;
    }
    if (n > UINT64_MAX / u.factor) {
      return Parsed<uint64_t>::fail(fmt::format("{} {} is too large", what, echo(text)));
    }
    return Parsed<uint64_t>::ok(n * u.factor);
  }
  for (const Alias& a : aliases) {
    if (s.unit == a.written) {
      return Parsed<uint64_t>::fail(
          fmt::format("unknown unit {} in {}", echo(s.unit), echo(text)),
          fmt::format("write {}; units are {}", echo(fmt::format("{}{}", s.digits, a.meant)), unit_list));
    }
  }
  return Parsed<uint64_t>::fail(fmt::format("unknown unit {} in {}", echo(s.unit), echo(text)),
                                fmt::format("write {}; units are {}", echo(example), unit_list));
}

std::string format_exact(uint64_t value, std::span<const Unit> units, std::string_view zero_unit) {
  if (value == 0) return fmt::format("0{}", zero_unit);
  for (const Unit& u : units) {
    if (value % u.factor == 0) return fmt::format("{}{}", value / u.factor, u.name);
  }
  return fmt::format("{}", value);
}

}  // namespace

Parsed<uint64_t> parse_memory_bytes(std::string_view text) {
  return parse_quantity(text, "memory size", "MiB", kMemoryUnits, kMemoryAliases, "KiB, MiB, GiB, TiB");
}

Parsed<uint64_t> parse_time_us(std::string_view text) {
  if (text.size() > 2 && text.substr(text.size() - 2) == "ns") {
    return Parsed<uint64_t>::fail(fmt::format("time {} is in nanoseconds", echo(text)),
                                  "Xen's RTDS takes whole microseconds; write the time in us, ms or s");
  }
  const Split s = split_number(text);
  if (!s.digits.empty() && s.spaces.empty() && s.unit.empty() && s.digits.size() <= 18 &&
      (s.digits.size() == 1 || s.digits[0] != '0')) {
    // A bare number is most often copied from `xl sched-rtds`, which counts microseconds: suggest
    // that reading first (`10000ms` would be 1000 times too long), and ms only for small numbers.
    const uint64_t us = std::stoull(std::string(s.digits));
    const std::string in_us = fmt::format("{}us", s.digits);
    const std::string same = format_time(us) == in_us ? "" : fmt::format(" (= {})", format_time(us));
    const std::string or_ms = us < 1000 ? fmt::format(", or `{}ms` if you meant milliseconds", s.digits) : "";
    return Parsed<uint64_t>::fail(
        fmt::format("time `{}` has no unit", text),
        fmt::format("xl sched-rtds counts microseconds: write `{}`{}{}; units are us, ms, s", in_us, same,
                    or_ms));
  }
  return parse_quantity(text, "time", "ms", kTimeUnits, kTimeAliases, "us, ms, s");
}

std::string format_memory(uint64_t bytes) {
  // Whole KiB are the finest unit a description can hold.
  return format_exact(bytes, kMemoryUnits, "MiB");
}

std::string format_time(uint64_t us) {
  return format_exact(us, kTimeUnits, "us");
}

}  // namespace xenplan
