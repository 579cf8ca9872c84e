// A discrete-event simulation of Xen RTDS (reference §1.2–1.4, §3.3) to find counterexamples:
// global EDF over deferrable servers with windows aligned to multiples of their periods, budget
// burned only while running, kept while blocked, dropped at the window's end.
// A vCPU that is runnable for a whole window and receives less than its budget is a miss: a
// concrete, legal behaviour of RTDS, so a definite rejection. Bounded by an event count, so the
// result is deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace xenplan {

struct SimVcpu {
  uint64_t budget_us = 0;
  uint64_t period_us = 0;
};

struct SimSegment {
  uint64_t from_us, to_us;
  uint32_t cpu;
  size_t vcpu;
};

struct SimMiss {
  size_t victim = 0;             // index into the simulated vCPUs
  uint64_t window_start_us = 0;  // the victim's window [start, end)
  uint64_t window_end_us = 0;
  uint64_t received_us = 0;          // what it got in that window, < its budget
  std::string scenario;              // how the others behaved
  std::vector<SimSegment> schedule;  // everything that ran during the victim's window
};

struct SimOutcome {
  std::optional<SimMiss> miss;  // a miss seen under both tie-break orders
  bool exhausted = false;       // the event budget ran out before every scenario was explored
};

// Searches scenarios on `cpus` identical CPUs: everyone always busy, and for each victim the
// others sleeping until their window's end minus their budget (the deferrable-server burst).
SimOutcome find_counterexample(const std::vector<SimVcpu>& vcpus, uint32_t cpus,
                               uint64_t max_events = 4'000'000);

}  // namespace xenplan
