// The distinct sets of allowed CPUs ("masks") of a pool's vCPUs. vCPUs with one mask are
// interchangeable for the matching and the affinity flow, and CPUs that lie in the same masks
// are too, so both work on masks and segments, whose number the description's text bounds.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "base/cpuset.h"

namespace xenplan {

// Interns masks: equal sets get one index, in order of first appearance.
class MaskTable {
 public:
  MaskTable() : index_(Less{&masks_}) {}
  MaskTable(const MaskTable&) = delete;
  MaskTable& operator=(const MaskTable&) = delete;

  uint32_t intern(CpuSet set);
  std::vector<CpuSet> take() { return std::move(masks_); }

 private:
  struct Less {
    const std::vector<CpuSet>* masks;
    bool operator()(uint32_t a, uint32_t b) const { return (*masks)[a].ranges() < (*masks)[b].ranges(); }
  };
  std::vector<CpuSet> masks_;
  std::set<uint32_t, Less> index_;
};

// Whether no two masks share a CPU: O(R log R) in their R ranges, not O(masks²).
bool masks_disjoint(const std::vector<CpuSet>& masks);

// `cpus` cut wherever a mask's range begins or ends: every CPU of a segment lies in the same
// masks. `of_mask[m]` lists the segments inside mask m (each mask must lie within `cpus`).
struct Segments {
  std::vector<CpuRange> segments;
  std::vector<std::vector<uint32_t>> of_mask;
};
Segments segments_of(const CpuSet& cpus, const std::vector<CpuSet>& masks);
// Σ over masks of the segments inside each, what segments_of() would build: the grouped
// network's edges, counted in O(R log R) without building them.
uint64_t segment_edges(const CpuSet& cpus, const std::vector<CpuSet>& masks);

}  // namespace xenplan
