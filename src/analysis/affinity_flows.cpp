#include "analysis/affinity_flows.h"

#include "analysis/flow.h"
#include "analysis/masks.h"

namespace xenplan {
namespace {

int64_t length(const CpuRange& s) {
  return int64_t{s.last - s.first} + 1;
}

}  // namespace

std::vector<uint32_t> match_to_cpus(const CpuSet& cpus, const std::vector<CpuSet>& masks,
                                    const std::vector<uint32_t>& mask_of) {
  Segments seg = segments_of(cpus, masks);
  Transport t;
  t.supply.assign(masks.size(), 0);
  for (uint32_t m : mask_of) ++t.supply[m];
  for (const CpuRange& s : seg.segments) t.capacity.push_back(length(s));
  t.reach = seg.of_mask;
  const auto sent = route(t);
  if (!sent) return {};
  // Ascending per mask: its segments are, and each segment's CPUs are handed out in order.
  std::vector<std::vector<uint32_t>> cpus_of_mask(masks.size());
  std::vector<uint32_t> next(seg.segments.size());  // per segment: the next CPU to hand out
  for (size_t s = 0; s < seg.segments.size(); ++s) next[s] = seg.segments[s].first;
  for (size_t m = 0; m < masks.size(); ++m) {
    for (size_t i = 0; i < seg.of_mask[m].size(); ++i) {
      for (int64_t n = 0; n < (*sent)[m][i]; ++n) cpus_of_mask[m].push_back(next[seg.of_mask[m][i]]++);
    }
  }
  std::vector<size_t> taken(masks.size());
  std::vector<uint32_t> cpu_of;
  cpu_of.reserve(mask_of.size());
  for (uint32_t m : mask_of) cpu_of.push_back(cpus_of_mask[m][taken[m]++]);
  return cpu_of;
}

bool demands_fit(const CpuSet& cpus, const std::vector<CpuSet>& masks, const std::vector<int64_t>& demand,
                 int64_t unit) {
  Segments seg = segments_of(cpus, masks);
  Transport t;
  t.supply = demand;
  for (const CpuRange& s : seg.segments) t.capacity.push_back(unit * length(s));
  t.reach = std::move(seg.of_mask);
  return route(t).has_value();
}

}  // namespace xenplan
