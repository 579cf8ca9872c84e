// Quantities with mandatory units: memory sizes (KiB, MiB, GiB, TiB) and times (us, ms, s).
// Results are exact integers: bytes for memory, microseconds for time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xenplan {

// Either a value or an error message and a hint on what to write instead.
template <class T>
struct Parsed {
  std::optional<T> value;
  std::string error;
  std::string help;

  static Parsed ok(T v) { return {v, {}, {}}; }
  static Parsed fail(std::string e, std::string h = {}) { return {std::nullopt, std::move(e), std::move(h)}; }
};

Parsed<uint64_t> parse_memory_bytes(std::string_view text);
Parsed<uint64_t> parse_time_us(std::string_view text);

// Canonical spelling in the largest unit that divides the value exactly: 1073741824 → "1GiB".
std::string format_memory(uint64_t bytes);
std::string format_time(uint64_t us);

constexpr uint64_t kKiB = 1024;
constexpr uint64_t kMiB = 1024 * kKiB;
constexpr uint64_t kGiB = 1024 * kMiB;
constexpr uint64_t kTiB = 1024 * kGiB;

}  // namespace xenplan
