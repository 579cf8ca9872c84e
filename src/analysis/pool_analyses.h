// The analyses analyze() dispatches to, one per kind of pool, and what it hands them.
#pragma once

#include <string>
#include <vector>

#include "analysis/report.h"
#include "analysis/task.h"
#include "base/ratio.h"

namespace xenplan {

// What the necessary tests need of the vCPUs of one mask, summed as analyze() meets them, so
// they run on pools of any size without a row per vCPU.
struct MaskLoad {
  RatioSum utilization;   // Σ budget/period, exact
  int64_t demand = 0;     // Σ ⌊2^30·budget/period⌋: the affinity max-flow's fixed point
  bool overfull = false;  // some vCPU's budget exceeds its period

  void add(uint64_t budget_us, uint64_t period_us);
};

struct RtdsInput {
  std::vector<MaskLoad> loads;  // by mask
  MaskLoad total;               // the whole pool
  bool disjoint = true;         // no two masks share a CPU: each mask is a cluster
  std::string unanalysed;       // why the pool has no rows; empty when it has them
};

// RTDS pools: necessary tests, trivial accepts, DS-safe sufficient tests, the classical tier
// for always_busy pools, the counterexample search, and fixes. Fills verdict and reasons.
void analyze_rtds_pool(PoolAnalysis& pool, const RtdsInput& in, const DomainNames& names, Margin margin);

// null pools: every vCPU matched to a CPU of its own, then pinned there. `unanalysed` says why
// a pool that fits its CPUs has no rows.
void analyze_null_pool(PoolAnalysis& pool, const std::string& unanalysed);

// Suggestions for an RTDS pool that could not be proven: smaller budgets, more CPUs, pinning.
std::vector<std::string> rtds_fixes(const PoolAnalysis& pool, const DomainNames& names, Margin margin);

}  // namespace xenplan
