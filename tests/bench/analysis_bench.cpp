// Benchmarks of the schedulability analysis (not part of the test run: scripts/bench).
#include <benchmark/benchmark.h>

#include <random>

#include "analysis/analyze.h"
#include "analysis/global_tests.h"

using namespace xenplan;

namespace {

// A host with one global RTDS pool of `vcpus` vCPUs on `cpus` CPUs, periods 10-20ms, schedulable.
Model rtds_host(uint32_t vcpus, uint32_t cpus) {
  Model m;
  m.host.cpus = {cpus + 1, {0, 1}};
  m.host.xen.scheduler = {SchedulerKind::Credit2, {0, 1}};
  m.host.dom0.vcpus = {1, {0, 1}};
  Pool p;
  p.name = {"rt", {0, 1}};
  p.scheduler = {SchedulerKind::Rtds, {0, 1}};
  p.cpus = {CpuSet::range(1, cpus), {0, 1}};
  m.pools.push_back(p);
  std::mt19937_64 rng(7);
  for (uint32_t i = 0; i < vcpus; ++i) {
    Domain d;
    d.name = {"d" + std::to_string(i), {0, 1}};
    d.pool = 0;
    d.vcpus = d.maxvcpus = {1, {0, 1}};
    const uint64_t period = 10000 + rng() % 10000;
    // Utilization about 0.3 · cpus / vcpus per vCPU: provable by BCL despite every carry-in burst.
    const uint64_t budget = std::max<uint64_t>(10, period * 3 * cpus / (10 * vcpus));
    d.rtds.push_back({{period, {0, 1}}, {budget, {0, 1}}, false, {}});
    m.domains.push_back(d);
  }
  return m;
}

void BM_AnalyzePool(benchmark::State& state) {
  const Model m = rtds_host(static_cast<uint32_t>(state.range(0)), static_cast<uint32_t>(state.range(1)));
  for (auto _ : state) {
    AnalysisReport r = analyze(m);
    benchmark::DoNotOptimize(r);
    if (r.pools[1].verdict != Verdict::Schedulable) state.SkipWithError("pool not proven");
  }
}
BENCHMARK(BM_AnalyzePool)->Args({16, 2})->Args({128, 16})->Args({1024, 128})->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
