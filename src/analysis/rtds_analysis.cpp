// RTDS pools (reference §8): split by affinity into clusters (global is one cluster) or the
// overlapping case; necessary tests reject definitely; DS-safe sufficient tests prove each vCPU;
// GFB only where every vCPU is declared always busy; a simulation looks for a concrete miss.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/affinity_flows.h"
#include "analysis/analysis_limits.h"
#include "analysis/global_tests.h"
#include "analysis/masks.h"
#include "analysis/pool_analyses.h"
#include "analysis/uniprocessor_tests.h"
#include "base/int128.h"
#include "base/units.h"

namespace xenplan {
namespace {

constexpr int64_t kUnit = int64_t{1} << 30;  // one CPU in the affinity max-flow's fixed point

struct Cluster {
  uint32_t mask = 0;            // its CPUs: pool.masks[mask]
  std::vector<size_t> members;  // indices into pool.vcpus
};

std::vector<MarginedTask> margined(const PoolAnalysis& pool, const std::vector<size_t>& members,
                                   Margin margin) {
  std::vector<MarginedTask> out;
  for (size_t i : members)
    out.push_back(with_margin(pool.vcpus[i].budget_us, pool.vcpus[i].period_us, margin));
  return out;
}

// The masks of a pool with disjoint masks, each a cluster, in the order of their CPUs.
std::vector<uint32_t> cluster_order(const PoolAnalysis& pool) {
  std::vector<uint32_t> order(pool.masks.size());
  std::iota(order.begin(), order.end(), uint32_t{0});
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return pool.masks[a].ranges() < pool.masks[b].ranges(); });
  return order;
}

std::vector<Cluster> clusters_of(const PoolAnalysis& pool) {
  std::vector<Cluster> out;
  std::vector<size_t> at(pool.masks.size());
  for (uint32_t m : cluster_order(pool)) {
    at[m] = out.size();
    out.push_back({m, {}});
  }
  for (size_t i = 0; i < pool.vcpus.size(); ++i) out[at[pool.vcpus[i].mask]].members.push_back(i);
  return out;
}

// meets[a][b]: masks a and b share a CPU. Distinct masks are few (kMaxOverlappingVcpus at most).
std::vector<std::vector<bool>> mask_meets(const PoolAnalysis& pool) {
  const size_t k = pool.masks.size();
  std::vector<std::vector<bool>> meets(k, std::vector<bool>(k));
  for (size_t a = 0; a < k; ++a) {
    for (size_t b = a; b < k; ++b) meets[a][b] = meets[b][a] = pool.masks[a].intersects(pool.masks[b]);
  }
  return meets;
}

// Every other vCPU whose CPUs meet those of vCPU k.
std::vector<size_t> interferers_of(const PoolAnalysis& pool, const std::vector<std::vector<bool>>& meets,
                                   size_t k) {
  std::vector<size_t> out;
  const std::vector<bool>& row = meets[pool.vcpus[k].mask];
  for (size_t i = 0; i < pool.vcpus.size(); ++i) {
    if (i != k && row[pool.vcpus[i].mask]) out.push_back(i);
  }
  return out;
}

std::string vcpu_name(const DomainNames& names, const VcpuRow& v) {
  return fmt::format("{} vCPU {}", names.of(v), v.vcpu);
}

void prove(PoolAnalysis& pool, const std::vector<size_t>& members, const std::vector<size_t>& failed,
           TestId test) {
  for (size_t local = 0; local < members.size(); ++local) {
    if (std::find(failed.begin(), failed.end(), local) == failed.end() &&
        !pool.vcpus[members[local]].proven_by) {
      pool.vcpus[members[local]].proven_by = test;
    }
  }
}

// Tries the sufficient tests on one cluster, strongest claim first.
void prove_cluster(PoolAnalysis& pool, const Cluster& c, Margin margin) {
  const auto tasks = margined(pool, c.members, margin);
  const auto m = static_cast<uint32_t>(pool.masks[c.mask].size());
  std::vector<size_t> none;
  if (c.members.size() <= m && std::all_of(tasks.begin(), tasks.end(),
                                           [](const MarginedTask& t) { return t.victim.c <= t.victim.d; })) {
    prove(pool, c.members, none, TestId::TrivialEnoughCpus);
    return;
  }
  const bool all_busy =
      std::all_of(c.members.begin(), c.members.end(), [&](size_t i) { return pool.vcpus[i].always_busy; });
  if (all_busy && gfb(tasks, m)) {
    prove(pool, c.members, none, TestId::GfbAlwaysBusy);
    return;
  }
  const PerVcpuResult by_bcl = bcl(tasks, m);
  prove(pool, c.members, by_bcl.failed, TestId::Bcl);
  if (by_bcl.passed) return;
  prove(pool, c.members, rta0(tasks, m).failed, TestId::Rta0);
  if (m == 1 && ds_demand_test(tasks, margin).result == DemandResult::Passed) {
    prove(pool, c.members, none, TestId::DsDemand);
  }
}

// Overlapping affinities (reference §2.12 item 4): each vCPU against everyone whose CPUs meet its own.
void prove_overlapping(PoolAnalysis& pool, Margin margin) {
  std::vector<size_t> all(pool.vcpus.size());
  std::iota(all.begin(), all.end(), size_t{0});
  const auto tasks = margined(pool, all, margin);
  const auto meets = mask_meets(pool);
  for (size_t k = 0; k < pool.vcpus.size(); ++k) {
    const std::vector<size_t> interferers = interferers_of(pool, meets, k);
    if (interferers.empty() && tasks[k].victim.c <= tasks[k].victim.d) {
      pool.vcpus[k].proven_by = TestId::TrivialAlone;
    } else if (bcl_victim(tasks, k, static_cast<uint32_t>(pool.cpus_of(pool.vcpus[k]).size()), interferers)) {
      pool.vcpus[k].proven_by = TestId::BclAffinity;
    }
  }
}

// Necessary with affinities (reference §2.12 item 5): a fractional assignment of every u_i to
// allowed CPUs with each CPU at most 1, as a max-flow. In fixed point, no LCM of periods: each
// demand is rounded down and each CPU holds exactly one unit, so when even the rounded-down
// demands cannot be placed the real ones cannot either, and a failure stays definite.
// The vCPUs of one mask are one source of their summed (rounded-down) demands: the same
// maximum flow as one node per vCPU (affinity_flows.h).
bool affinity_flow_fits(const PoolAnalysis& pool, const std::vector<MaskLoad>& loads) {
  std::vector<int64_t> demand;
  for (const MaskLoad& load : loads) demand.push_back(load.demand);
  return demands_fit(pool.cpus, pool.masks, demand, kUnit);
}

// A definite rejection when a necessary condition fails. Runs on the loads, so on pools of any
// size; the affinity max-flow only within kMaxFlowEdges (beyond, it rejects nothing).
// Σ budget/period with the fewest digits (at least 3) that show it exceeds `cpus`.
std::string demand_text(const RatioSum& u, size_t cpus) {
  const double value = u.approx();
  for (int digits = 3; digits <= 9; ++digits) {
    const double scale = std::pow(10.0, digits);
    const double shown = std::floor(value * scale) / scale;  // never more than the sum
    if (shown > static_cast<double>(cpus)) return fmt::format("{:.{}f}", shown, digits);
  }
  return fmt::format("more than {}", cpus);
}

bool reject_if_infeasible(PoolAnalysis& pool, const RtdsInput& in) {
  // The whole pool first: its vCPUs' budgets above its CPUs, whatever their affinities.
  if (in.total.overfull || in.total.utilization.compare(pool.cpus.size()) == Compare::Greater) {
    pool.verdict = Verdict::Unschedulable;
    pool.decided_by = {TestId::NecessaryUtilization};
    pool.over_capacity = true;
    pool.demand = demand_text(in.total.utilization, pool.cpus.size());
    pool.explanation = fmt::format(
        "its vCPUs need {} CPUs of budget and it has {}; with every vCPU busy, some vCPU must lose budget",
        pool.demand, pool.cpus.size());
    return true;
  }
  if (in.disjoint) {
    for (uint32_t m : cluster_order(pool)) {
      const MaskLoad& load = in.loads[m];
      const CpuSet& cpus = pool.masks[m];
      if (!load.overfull && load.utilization.compare(cpus.size()) != Compare::Greater) continue;
      pool.verdict = Verdict::Unschedulable;
      pool.decided_by = {TestId::NecessaryUtilization};
      pool.explanation = fmt::format(
          "the vCPUs on {} need more than {} CPU{} of budget; with every vCPU busy, "
          "some vCPU must lose budget",
          cpus.phrase(), cpus.size(), cpus.size() == 1 ? "" : "s");
      return true;
    }
    return false;
  }
  if (segment_edges(pool.cpus, pool.masks) > kMaxFlowEdges || affinity_flow_fits(pool, in.loads))
    return false;
  pool.verdict = Verdict::Unschedulable;
  pool.decided_by = {TestId::NecessaryAffinityFlow};
  pool.explanation =
      "no division of the vCPUs' budgets over the CPUs their affinities allow keeps every CPU "
      "at or below 100%; with every vCPU busy, some vCPU must lose budget";
  return true;
}

// BCL's figures for every vCPU no test proved, naming the interferer that dominates.
std::vector<std::string> failure_figures(const PoolAnalysis& pool, const DomainNames& names, Margin margin) {
  std::vector<size_t> all(pool.vcpus.size());
  std::iota(all.begin(), all.end(), size_t{0});
  const auto tasks = margined(pool, all, margin);
  const auto meets = mask_meets(pool);
  std::vector<std::string> out;
  for (size_t k = 0; k < pool.vcpus.size(); ++k) {
    if (pool.vcpus[k].proven_by) continue;
    const auto m = static_cast<uint32_t>(pool.cpus_of(pool.vcpus[k]).size());
    const BclTerms t = bcl_terms(tasks, k, m, interferers_of(pool, meets, k));
    std::string line =
        fmt::format("BCL for {}: interference {} is not below {} x {} of slack in its {} window (budget {})",
                    vcpu_name(names, pool.vcpus[k]), format_time(t.interference), m, format_time(t.slack),
                    format_time(tasks[k].victim.d), format_time(tasks[k].victim.c));
    if (t.dominant != k) {
      line += fmt::format("; most from {}, which can run {} in that window",
                          vcpu_name(names, pool.vcpus[t.dominant]), format_time(t.dominant_work));
    }
    out.push_back(std::move(line));
  }
  return out;
}

// The tests that proved the pool's vCPUs, in the order they first appear.
std::vector<TestId> tests_used(const PoolAnalysis& pool) {
  std::vector<TestId> used;
  for (const auto& v : pool.vcpus) {
    if (v.proven_by && std::find(used.begin(), used.end(), *v.proven_by) == used.end())
      used.push_back(*v.proven_by);
  }
  return used;
}

// Looks for a concrete miss in a small cluster; fills the verdict when it finds one.
bool reject_by_simulation(PoolAnalysis& pool, const std::vector<Cluster>& clusters,
                          const DomainNames& names) {
  for (const Cluster& c : clusters) {
    const bool unproven =
        std::any_of(c.members.begin(), c.members.end(), [&](size_t i) { return !pool.vcpus[i].proven_by; });
    if (!unproven || c.members.size() > kMaxSimulatedVcpus) continue;
    std::vector<SimVcpu> sim;
    for (size_t i : c.members) sim.push_back({pool.vcpus[i].budget_us, pool.vcpus[i].period_us});
    const CpuSet& cpus = pool.masks[c.mask];
    SimOutcome outcome = find_counterexample(sim, static_cast<uint32_t>(cpus.size()));
    if (!outcome.miss) continue;
    SimMiss miss = *outcome.miss;
    miss.victim = c.members[miss.victim];
    for (auto& seg : miss.schedule) {
      seg.vcpu = c.members[seg.vcpu];
      seg.cpu = cpus.nth(seg.cpu);
    }
    const VcpuRow& victim = pool.vcpus[miss.victim];
    pool.verdict = Verdict::Unschedulable;
    pool.decided_by = {TestId::Simulation};
    pool.explanation = fmt::format(
        "a concrete RTDS schedule misses: {} was runnable for its whole window [{}, {}) us but received only "
        "{} of its {} budget, when {}",
        vcpu_name(names, victim), miss.window_start_us, miss.window_end_us, format_time(miss.received_us),
        format_time(victim.budget_us), miss.scenario);
    pool.trace = std::move(miss);
    return true;
  }
  return false;
}

}  // namespace

void MaskLoad::add(uint64_t budget_us, uint64_t period_us) {
  utilization.add(budget_us, period_us);
  demand += static_cast<int64_t>((u128{budget_us} << 30) / period_us);
  overfull = overfull || budget_us > period_us;
}

void analyze_rtds_pool(PoolAnalysis& pool, const RtdsInput& in, const DomainNames& names, Margin margin) {
  if (pool.vcpu_count == 0) {
    pool.verdict = Verdict::Schedulable;
    pool.decided_by = {TestId::TrivialNoVcpus};
    pool.explanation = "the pool has no vCPUs";
    return;
  }
  if (reject_if_infeasible(pool, in)) {
    if (!pool.vcpus.empty() && pool.vcpus.size() <= kMaxVcpusForFixes)
      pool.fixes = rtds_fixes(pool, names, margin);
    return;
  }
  if (pool.vcpus.empty()) {
    pool.verdict = Verdict::Unknown;
    pool.decided_by = {TestId::None};
    pool.explanation = in.unanalysed;
    return;
  }
  const std::vector<Cluster> clusters = in.disjoint ? clusters_of(pool) : std::vector<Cluster>{};
  if (in.disjoint) {
    for (const Cluster& c : clusters) prove_cluster(pool, c, margin);
  } else {
    prove_overlapping(pool, margin);
  }
  const bool all_proven = std::all_of(pool.vcpus.begin(), pool.vcpus.end(),
                                      [](const VcpuRow& v) { return v.proven_by.has_value(); });
  if (all_proven) {
    pool.verdict = Verdict::Schedulable;
    pool.decided_by = tests_used(pool);
    pool.explanation = fmt::format(
        "every vCPU receives its budget in every period it is runnable, with a "
        "{} overhead margin",
        format_time(margin.delta_us));
    return;
  }
  if (pool.vcpus.size() <= kMaxOverlappingVcpus) pool.figures = failure_figures(pool, names, margin);
  if (!(in.disjoint && reject_by_simulation(pool, clusters, names))) {
    pool.verdict = Verdict::Unknown;
    pool.decided_by = {TestId::None};
    std::string unproven;
    for (const auto& v : pool.vcpus) {
      if (!v.proven_by) unproven += (unproven.empty() ? "" : ", ") + vcpu_name(names, v);
    }
    pool.explanation = fmt::format(
        "no sound test proves that {} always receive{} its budget; RTDS lets an idle "
        "vCPU save its budget and spend it in a burst, so utilization alone proves "
        "nothing",
        unproven, unproven.find(',') == std::string::npos ? "s" : "");
  }
  if (pool.vcpus.size() <= kMaxVcpusForFixes) pool.fixes = rtds_fixes(pool, names, margin);
}

}  // namespace xenplan
