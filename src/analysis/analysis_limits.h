// The bounds that keep the analysis of a hostile description within seconds and a few hundred
// MiB (README, "Hostile input"). Past one, a pool is `unknown` with the reason, decided before
// anything of that size is allocated.
#pragma once

#include <cstddef>
#include <cstdint>

namespace xenplan {

// RTDS pools, per pool: the global tests are O(n²) in vCPUs, the reduction for overlapping
// affinities O(n²) too with a larger constant, and the fixes repeat the tests in a search.
constexpr size_t kMaxAnalysedVcpus = 8192;
constexpr size_t kMaxOverlappingVcpus = 2048;
constexpr size_t kMaxOverlappingRanges = 65'536;  // CPU ranges over a pool's distinct affinities
constexpr size_t kMaxVcpusForFixes = 1024;
constexpr size_t kMaxSimulatedVcpus = 12;  // "small pools": the search is exponential-free but long

// Rows (one per vCPU) in one report, over every pool: null pools take theirs first, then RTDS
// pools, then credit pools, whose rows are only listed. Bounds the report's own size too.
constexpr size_t kMaxListedVcpus = 262'144;

// Edges of a grouped flow network (distinct affinities × segments of CPUs): the null matching
// and the RTDS affinity max-flow.
constexpr uint64_t kMaxFlowEdges = uint64_t{1} << 20;

}  // namespace xenplan
