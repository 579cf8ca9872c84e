// Grouping must not change a verdict: the matching, the affinity max-flow and the cluster split
// work on masks and segments of CPUs, and on random small pools (fixed seed) they must answer as
// the networks with a node per vCPU and per CPU, and the pairwise checks, they replaced.
#include <doctest/doctest.h>

#include <random>
#include <set>

#include "analysis/affinity_flows.h"
#include "analysis/flow.h"
#include "analysis/masks.h"

using namespace xenplan;

namespace {

struct RandomPool {
  CpuSet cpus;
  std::vector<CpuSet> masks;      // distinct, each within cpus
  std::vector<uint32_t> mask_of;  // per vCPU
};

// One or two ranges of CPUs 0-11, or the CPUs of `within` that survive a coin toss each.
CpuSet random_set(std::mt19937_64& rng, const CpuSet* within) {
  CpuSet s;
  if (within && rng() % 2) {
    for (uint32_t c : within->ids()) {
      if (rng() % 2) s.insert(c);
    }
  } else {
    for (int r = 0; r < 1 + static_cast<int>(rng() % 2); ++r) {
      const auto first = static_cast<uint32_t>(rng() % 12);
      s.insert({first, first + static_cast<uint32_t>(rng() % 5)});
    }
    if (within) s = s.intersect(*within);
  }
  return s.empty() && within ? CpuSet::range(within->ranges().front().first, within->ranges().front().first)
                             : s;
}

RandomPool random_pool(std::mt19937_64& rng) {
  RandomPool p;
  p.cpus = random_set(rng, nullptr);
  MaskTable table;
  std::vector<uint32_t> masks;
  for (size_t k = 1 + rng() % 4; k > 0; --k) masks.push_back(table.intern(random_set(rng, &p.cpus)));
  p.masks = table.take();
  for (size_t n = 1 + rng() % 9; n > 0; --n) p.mask_of.push_back(masks[rng() % masks.size()]);
  return p;
}

// As analyze() did before grouping: a node per vCPU, an edge per allowed CPU.
bool ungrouped_fits(const RandomPool& p, const std::vector<int64_t>& demand, int64_t unit) {
  const std::vector<uint32_t> cpus = p.cpus.ids();
  const size_t n = p.mask_of.size(), source = n + cpus.size(), sink = source + 1;
  FlowNetwork net(sink + 1);
  int64_t total = 0;
  for (size_t i = 0; i < n; ++i) {
    total += demand[i];
    net.add_edge(source, i, demand[i]);
    for (size_t c = 0; c < cpus.size(); ++c) {
      if (p.masks[p.mask_of[i]].contains(cpus[c])) net.add_edge(i, n + c, demand[i]);
    }
  }
  for (size_t c = 0; c < cpus.size(); ++c) net.add_edge(n + c, sink, unit);
  return net.max_flow(source, sink) == total;
}

bool pairwise_disjoint(const std::vector<CpuSet>& masks) {
  for (size_t a = 0; a < masks.size(); ++a) {
    for (size_t b = a + 1; b < masks.size(); ++b) {
      if (!masks[a].intersect(masks[b]).empty()) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("randomized: grouped matching, affinity flow and clusters decide as one node per vCPU and CPU") {
  std::mt19937_64 rng(20261203);  // fixed seed: the same pools on every machine
  int matched = 0, unmatched = 0, fit = 0, unfit = 0, disjoint = 0;
  for (int round = 0; round < 3000; ++round) {
    const RandomPool p = random_pool(rng);
    INFO("round ", round, ": CPUs ", p.cpus.to_string());
    // null pools: one unit per vCPU and per CPU.
    const std::vector<uint32_t> cpu_of = match_to_cpus(p.cpus, p.masks, p.mask_of);
    const bool can_match = ungrouped_fits(p, std::vector<int64_t>(p.mask_of.size(), 1), 1);
    CHECK(!cpu_of.empty() == can_match);
    if (!cpu_of.empty()) {
      ++matched;
      CHECK(std::set<uint32_t>(cpu_of.begin(), cpu_of.end()).size() == cpu_of.size());
      for (size_t i = 0; i < cpu_of.size(); ++i) CHECK(p.masks[p.mask_of[i]].contains(cpu_of[i]));
      CHECK(match_to_cpus(p.cpus, p.masks, p.mask_of) == cpu_of);  // deterministic
    } else {
      ++unmatched;
    }
    // RTDS pools: rounded-down demands of up to 1.5 CPUs each, summed per mask.
    constexpr int64_t kUnit = 1000;
    std::vector<int64_t> demand, per_mask(p.masks.size());
    for (uint32_t m : p.mask_of) {
      demand.push_back(static_cast<int64_t>(rng() % (kUnit * 3 / 2)));
      per_mask[m] += demand.back();
    }
    const bool fits = demands_fit(p.cpus, p.masks, per_mask, kUnit);
    CHECK(fits == ungrouped_fits(p, demand, kUnit));
    (fits ? fit : unfit)++;
    // Clusters: the sort-based check against every pair.
    CHECK(masks_disjoint(p.masks) == pairwise_disjoint(p.masks));
    disjoint += masks_disjoint(p.masks) ? 1 : 0;
  }
  // Every outcome was exercised on a real number of pools.
  CHECK(matched > 300);
  CHECK(unmatched > 300);
  CHECK(fit > 300);
  CHECK(unfit > 300);
  CHECK(disjoint > 300);
  CHECK(disjoint < 2700);
}

TEST_CASE("segments: CPUs cut where a mask begins or ends, each mask a run of them") {
  const std::vector<CpuSet> masks = {CpuSet::range(0, 4), CpuSet::range(3, 9)};
  const Segments s = segments_of(CpuSet::range(0, 9), masks);
  CHECK(s.segments == std::vector<CpuRange>{{0, 2}, {3, 4}, {5, 9}});
  CHECK(s.of_mask == std::vector<std::vector<uint32_t>>{{0, 1}, {1, 2}});
  CHECK(segment_edges(CpuSet::range(0, 9), masks) == 4);
  // Three vCPUs of the first mask and two of the second, in row order; each mask's CPUs ascending.
  CHECK(match_to_cpus(CpuSet::range(0, 9), masks, {0, 1, 0, 1, 0}) == std::vector<uint32_t>{0, 3, 1, 4, 2});
}
