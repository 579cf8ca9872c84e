// Schedulability tests for global EDF on m identical CPUs (reference §2, §3.4).
// BCL and RTA0 are sound for RTDS's deferrable servers; GFB is sound only for vCPUs that never
// idle. Every test works in exact integer arithmetic.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/task.h"

namespace xenplan {

// The result of a per-vCPU test: which vCPUs it could not prove, with the figures.
struct PerVcpuResult {
  bool passed = false;
  std::vector<size_t> failed;  // indices of vCPUs the test could not prove
  // For each failed victim k: the interferer contributing most, and how much (µs in k's window).
  std::vector<std::pair<size_t, uint64_t>> dominant;
};

// Work a deferrable server (C, T) can execute in a window of length L ending at a deadline:
// C⌊L/T⌋ + min(C, L mod T) (reference §3.2).
uint64_t ds_workload(const Task& interferer, uint64_t length);

// BCL (Bertogna, Cirinei, Lipari 2005) with the victims' and interferers' margined tasks.
// victims[k] and interferers[k] describe the same vCPU. `members` restricts interference for
// each victim (APA reduction); empty means every other vCPU interferes.
PerVcpuResult bcl(const std::vector<MarginedTask>& tasks, uint32_t m,
                  const std::vector<std::vector<size_t>>& interferers_of = {});

// BCL's figures for one victim k, scaled by its deadline D_k (all in µs):
// passes ⇔ Σ min(W_i, slack) < m·slack, or = with some 0 < W_i ≤ slack.
struct BclTerms {
  uint64_t slack = 0;          // D_k − C_k
  uint64_t interference = 0;   // Σ min(W_i, slack), saturating
  uint64_t capacity = 0;       // m · slack
  size_t dominant = 0;         // the interferer with the largest W_i
  uint64_t dominant_work = 0;  // its W_i: work it can execute within the victim's window
  bool passes = false;
};
BclTerms bcl_terms(const std::vector<MarginedTask>& tasks, size_t k, uint32_t m,
                   const std::vector<size_t>& interferers);

// BCL's condition for one victim k on m CPUs against the given interferers.
bool bcl_victim(const std::vector<MarginedTask>& tasks, size_t k, uint32_t m,
                const std::vector<size_t>& interferers, std::pair<size_t, uint64_t>* dominant = nullptr);

// Bertogna-Cirinei response-time analysis with every slack fixed to 0 ("RTA0").
PerVcpuResult rta0(const std::vector<MarginedTask>& tasks, uint32_t m);

// GFB density test Σδ ≤ m − (m−1)δmax, δ = C/D (Goossens, Funk, Baruah 2003). Only for vCPUs
// that never idle: it is not sound for deferrable servers.
bool gfb(const std::vector<MarginedTask>& tasks, uint32_t m);

// Necessary conditions (reference §2.1), on the raw parameters: every u_i ≤ 1 and U ≤ m.
bool utilization_fits(const std::vector<std::pair<uint64_t, uint64_t>>& budget_period, uint32_t m);

}  // namespace xenplan
