// The two questions the analysis asks of a pool's affinities, each as a flow from masks (the
// distinct sets of allowed CPUs) to segments (runs of CPUs that lie in the same masks): the
// network's size follows the distinct affinities, never the number of vCPUs or CPUs, and its
// answer is the one a network with a node per vCPU and per CPU gives.
#pragma once

#include <cstdint>
#include <vector>

#include "base/cpuset.h"

namespace xenplan {

// null pools: a CPU of its own for every vCPU within its mask (masks[mask_of[i]] ⊆ cpus), or
// empty when none exists. Deterministic: each segment's CPUs, ascending, go to the masks in
// index order, and each mask's CPUs, ascending, to its vCPUs in order.
std::vector<uint32_t> match_to_cpus(const CpuSet& cpus, const std::vector<CpuSet>& masks,
                                    const std::vector<uint32_t>& mask_of);

// RTDS pools: whether demand[m] (summed over the vCPUs of mask m) can be spread over the CPUs of
// masks[m], each CPU taking at most `unit`.
bool demands_fit(const CpuSet& cpus, const std::vector<CpuSet>& masks, const std::vector<int64_t>& demand,
                 int64_t unit);

}  // namespace xenplan
