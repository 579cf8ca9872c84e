// What the schedulability analysis concludes, per pool: a verdict, the test that decided it,
// the figures behind it, and what to change when it fails. Printed as text or JSON by the CLI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/simulate.h"
#include "analysis/test_ids.h"
#include "base/cpuset.h"
#include "base/source.h"
#include "model/model.h"

namespace xenplan {

enum class Verdict { Schedulable, Unschedulable, Unknown, NotRealTime };
std::string_view verdict_name(Verdict v);  // "schedulable", "unschedulable", "unknown", "not-real-time"

// One vCPU. Rows share their allowed CPUs through PoolAnalysis::masks instead of each holding a
// copy, so a row costs the same whatever its affinity.
struct VcpuRow {
  std::optional<DomainIndex> domain;  // the model's domain; empty for dom0
  uint32_t vcpu = 0;
  uint64_t budget_us = 0;  // RTDS pools only; 0 elsewhere
  uint64_t period_us = 0;
  uint32_t mask = 0;                // where it may run: PoolAnalysis::masks[mask], affinity within the pool
  bool always_busy = false;         // trusted declaration
  std::optional<TestId> proven_by;  // the test that proved this vCPU, empty when none did
};

struct PoolAnalysis {
  std::string name;
  SchedulerKind scheduler = SchedulerKind::Credit2;
  CpuSet cpus;
  Span span;               // where to point diagnostics: the pool's CPUs
  double utilization = 0;  // Σ budget/period (display only; verdicts use exact arithmetic)
  Verdict verdict = Verdict::NotRealTime;
  // The test that decided the verdict; for a schedulable pool, every test that proved a vCPU.
  std::vector<TestId> decided_by;
  std::string explanation;           // why, in a sentence or two
  std::vector<std::string> figures;  // the test figures behind a failure: who dominates, by how much
  std::vector<std::string> fixes;  // the concrete ones first: a budget that fits, the CPUs needed
  // The pool's vCPUs need more than its CPUs: RTDS budgets above them (Σ budget/period > m), or
  // more null vCPUs than CPUs. `demand` says how much, with the digits that show it (RTDS).
  bool over_capacity = false;
  std::string demand;
  uint64_t vcpu_count = 0;    // every vCPU of the pool, whether it has a row or not
  std::vector<CpuSet> masks;  // the distinct sets of allowed CPUs of its vCPUs
  // Ascending by (domain, vcpu), dom0 first. Empty, although vcpu_count is not, for a pool too
  // large to analyse or list (README, "Hostile input"); the explanation says so.
  std::vector<VcpuRow> vcpus;
  std::vector<uint32_t> null_cpu_of;  // null pools: the CPU each vCPU row is pinned to
  std::optional<SimMiss> trace;       // unschedulable by simulation: the concrete miss

  const CpuSet& cpus_of(const VcpuRow& v) const { return masks[v.mask]; }
};

// What rows are called: the model's domain names by DomainIndex, and dom0's.
struct DomainNames {
  std::vector<std::string> names;
  std::string_view of(const VcpuRow& v) const;  // "Domain-0" for dom0
};

struct AnalysisReport {
  uint64_t overhead_us = 0;
  DomainNames names;
  std::vector<PoolAnalysis> pools;  // Pool-0 first, then the pools in declaration order
  // By DomainIndex: the index in `pools` of the pool holding the domain's rows.
  std::vector<std::optional<uint32_t>> pool_of_domain;

  // True when no real-time pool is unschedulable or unknown.
  bool schedulable() const;
};

}  // namespace xenplan
