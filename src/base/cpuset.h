// Sets of physical CPUs, written as "2-5,7" or as a list of integers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/units.h"

namespace xenplan {

// Xen's NR_CPUS can be configured up to 16383 on x86; anything larger is surely a typo.
constexpr uint32_t kMaxCpuId = 16383;

class CpuSet {
 public:
  CpuSet() = default;
  static CpuSet range(uint32_t first, uint32_t last);  // inclusive

  void insert(uint32_t cpu);
  bool contains(uint32_t cpu) const;
  bool empty() const { return cpus_.empty(); }
  size_t size() const { return cpus_.size(); }
  const std::vector<uint32_t>& cpus() const { return cpus_; }  // ascending, unique

  CpuSet intersect(const CpuSet& other) const;
  CpuSet minus(const CpuSet& other) const;
  bool is_subset_of(const CpuSet& other) const;

  // Canonical text: ascending ranges, "2-5,7"; "" for the empty set.
  std::string to_string() const;
  // "CPU 3" or "CPUs 2-5,7", for messages.
  std::string phrase() const;

  bool operator==(const CpuSet&) const = default;

 private:
  std::vector<uint32_t> cpus_;
};

struct CpuSetError {
  size_t offset = 0;  // byte offset of the problem within the text
  std::string message;
  std::string help;
};

// Parses "2-5,7". On failure returns false and fills `error`.
bool parse_cpuset(std::string_view text, CpuSet& out, CpuSetError& error);

}  // namespace xenplan
