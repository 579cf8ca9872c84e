// Sets of physical CPUs, written as "2-5,7" or as a list of integers. Kept as ranges, so a set
// costs 8 bytes per range however many CPUs it holds: "0-16383" is one range, never 16,384 ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/units.h"

namespace xenplan {

// Xen's NR_CPUS can be configured up to 16383 on x86; anything larger is surely a typo.
constexpr uint32_t kMaxCpuId = 16383;

struct CpuRange {
  uint32_t first = 0;  // inclusive
  uint32_t last = 0;   // inclusive
  bool operator==(const CpuRange&) const = default;
  auto operator<=>(const CpuRange&) const = default;
};

class CpuSet {
 public:
  CpuSet() = default;
  static CpuSet range(uint32_t first, uint32_t last);  // inclusive
  // From CPUs in any order, repeats allowed: sorted once, so a long list costs O(n log n).
  static CpuSet of(std::vector<uint32_t> cpus);

  void insert(uint32_t cpu);
  void insert(CpuRange r);
  bool contains(uint32_t cpu) const;
  bool empty() const { return ranges_.empty(); }
  size_t size() const { return size_; }  // how many CPUs
  // Ascending, disjoint and never adjacent, so two equal sets have equal ranges.
  const std::vector<CpuRange>& ranges() const { return ranges_; }
  // Every CPU, ascending: O(size()), for output that names each CPU.
  std::vector<uint32_t> ids() const;
  // The i-th smallest CPU (i < size()).
  uint32_t nth(size_t i) const;

  CpuSet intersect(const CpuSet& other) const;
  CpuSet minus(const CpuSet& other) const;
  bool intersects(const CpuSet& other) const;  // without building the intersection
  bool is_subset_of(const CpuSet& other) const;

  // Canonical text: ascending ranges, "2-5,7"; "" for the empty set.
  std::string to_string() const;
  // "CPU 3" or "CPUs 2-5,7", for messages.
  std::string phrase() const;

  bool operator==(const CpuSet&) const = default;

 private:
  static CpuSet from_sorted(const std::vector<CpuRange>& sorted);  // merges overlaps and neighbours
  void append(CpuRange r);  // r.first beyond every CPU held, or adjacent to the last range

  std::vector<CpuRange> ranges_;
  size_t size_ = 0;
};

struct CpuSetError {
  size_t offset = 0;  // byte offset of the problem within the text
  std::string message;
  std::string help;
};

// Parses "2-5,7". On failure returns false and fills `error`.
bool parse_cpuset(std::string_view text, CpuSet& out, CpuSetError& error);

}  // namespace xenplan
