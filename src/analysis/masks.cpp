#include "analysis/masks.h"

#include <algorithm>

namespace xenplan {

uint32_t MaskTable::intern(CpuSet set) {
  masks_.push_back(std::move(set));
  const auto candidate = static_cast<uint32_t>(masks_.size() - 1);
  const auto [it, inserted] = index_.insert(candidate);
  if (!inserted) masks_.pop_back();
  return *it;
}

bool masks_disjoint(const std::vector<CpuSet>& masks) {
  std::vector<CpuRange> all;
  for (const CpuSet& m : masks) all.insert(all.end(), m.ranges().begin(), m.ranges().end());
  std::sort(all.begin(), all.end());
  // A mask's own ranges never overlap, so any overlap is between two masks.
  for (size_t i = 1; i < all.size(); ++i) {
    if (all[i].first <= all[i - 1].last) return false;
  }
  return true;
}

namespace {

// The first CPU of every segment: where a range of `cpus` or of a mask begins, or one past
// where one ends.
std::vector<uint32_t> cut_points(const CpuSet& cpus, const std::vector<CpuSet>& masks) {
  std::vector<uint32_t> cuts;
  auto add = [&](const CpuSet& s) {
    for (const CpuRange& r : s.ranges()) {
      cuts.push_back(r.first);
      cuts.push_back(r.last + 1);
    }
  };
  add(cpus);
  for (const CpuSet& m : masks) add(m);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

std::vector<CpuRange> segments_between(const CpuSet& cpus, const std::vector<uint32_t>& cuts) {
  std::vector<CpuRange> out;
  for (const CpuRange& r : cpus.ranges()) {
    auto it = std::lower_bound(cuts.begin(), cuts.end(), r.first);
    for (uint32_t first = r.first; first <= r.last;) {
      while (it != cuts.end() && *it <= first) ++it;
      const uint32_t last = it == cuts.end() ? r.last : std::min(r.last, *it - 1);
      out.push_back({first, last});
      first = last + 1;
    }
  }
  return out;
}

// The segments inside range r: [begin, end) indices, the segments being sorted and disjoint
// and r a union of whole segments.
std::pair<size_t, size_t> segments_in(const std::vector<CpuRange>& segments, CpuRange r) {
  const auto begin = std::lower_bound(segments.begin(), segments.end(), r.first,
                                      [](const CpuRange& s, uint32_t c) { return s.first < c; });
  const auto end = std::upper_bound(begin, segments.end(), r.last,
                                    [](uint32_t c, const CpuRange& s) { return c < s.first; });
  return {static_cast<size_t>(begin - segments.begin()), static_cast<size_t>(end - segments.begin())};
}

}  // namespace

Segments segments_of(const CpuSet& cpus, const std::vector<CpuSet>& masks) {
  Segments out;
  out.segments = segments_between(cpus, cut_points(cpus, masks));
  for (const CpuSet& m : masks) {
    std::vector<uint32_t>& inside = out.of_mask.emplace_back();
    for (const CpuRange& r : m.ranges()) {
      const auto [begin, end] = segments_in(out.segments, r);
      for (size_t s = begin; s < end; ++s) inside.push_back(static_cast<uint32_t>(s));
    }
  }
  return out;
}

uint64_t segment_edges(const CpuSet& cpus, const std::vector<CpuSet>& masks) {
  const std::vector<CpuRange> segments = segments_between(cpus, cut_points(cpus, masks));
  uint64_t edges = 0;
  for (const CpuSet& m : masks) {
    for (const CpuRange& r : m.ranges()) {
      const auto [begin, end] = segments_in(segments, r);
      edges += end - begin;
    }
  }
  return edges;
}

}  // namespace xenplan
