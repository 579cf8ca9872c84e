// Interface synthesis: the cheapest RTDS (budget, period) per vCPU that keeps a guest's tasks
// schedulable on the periodic resource model (synthesis/guest.h).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "synthesis/guest.h"

namespace xenplan {

// Xen's smallest budget (rt.c RTDS_MIN_BUDGET).
inline constexpr uint64_t kMinRtdsBudgetUs = 10;

// The smallest budget B in [10, P] that makes the tasks schedulable on (B, P); none when even
// B = P does not. Binary search: schedulability is monotone in B because sbf is.
std::optional<uint64_t> minimal_budget(GuestScheduler s, const std::vector<GuestTask>& tasks,
                                       uint64_t period_us);

struct PeriodRange {
  uint64_t min_us = 1000;
  uint64_t max_us = 0;  // 0: the smallest task period
  uint64_t granularity_us = 100;
};

// The period in the range (min, min + g, ..., <= max) whose minimal budget minimizes
// (B + overhead) / P, compared exactly; ties go to the longest period.
std::optional<Interface> best_interface(GuestScheduler s, const std::vector<GuestTask>& tasks,
                                        const PeriodRange& range, uint64_t overhead_us);

// Worst-fit decreasing: tasks not fixed to a vCPU (vcpu < 0), by decreasing utilization (ties:
// description order), each go to the vCPU with the least utilization so far (ties: lowest
// index). Returns the vCPU of every task.
std::vector<uint32_t> assign_worst_fit(const std::vector<GuestTask>& tasks, const std::vector<int64_t>& fixed,
                                       uint32_t vcpus);

}  // namespace xenplan
