// The analyses analyze() dispatches to, one per kind of pool.
#pragma once

#include "analysis/report.h"
#include "analysis/task.h"

namespace xenplan {

// RTDS pools: necessary tests, trivial accepts, DS-safe sufficient tests, the classical tier
// for always_busy pools, the counterexample search, and fixes. Fills verdict and reasons.
void analyze_rtds_pool(PoolAnalysis& pool, const DomainNames& names, Margin margin);

// null pools: every vCPU matched to a CPU of its own, then pinned there.
void analyze_null_pool(PoolAnalysis& pool);

// Suggestions for an RTDS pool that could not be proven: smaller budgets, more CPUs, pinning.
std::vector<std::string> rtds_fixes(const PoolAnalysis& pool, const DomainNames& names, Margin margin);

}  // namespace xenplan
