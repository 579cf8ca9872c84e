// Benchmarks of the schedulability analysis (not part of the test run: scripts/bench).
#include <benchmark/benchmark.h>

#include <random>

#include "analysis/analyze.h"
#include "analysis/global_tests.h"
#include "synthesis/synthesize.h"

using namespace xenplan;

namespace {

// A host with one global RTDS pool of `vcpus` vCPUs on `cpus` CPUs, periods 10-20ms, schedulable.
Model rtds_host(uint32_t vcpus, uint32_t cpus) {
  Model m;
  const Span at{0, 1};
  m.host.cpus = written(cpus + 1, at);
  m.host.xen.scheduler = written(SchedulerKind::Credit2, at);
  m.host.dom0.vcpus = written(uint32_t{1}, at);
  Pool p;
  p.name = written(std::string("rt"), at);
  p.scheduler = written(SchedulerKind::Rtds, at);
  p.cpus = written(CpuSet::range(1, cpus), at);
  m.pools.push_back(p);
  std::mt19937_64 rng(7);
  for (uint32_t i = 0; i < vcpus; ++i) {
    Domain d;
    d.name = written("d" + std::to_string(i), at);
    d.pool.name = written(std::string("rt"), at);
    d.pool.resolve(0);
    d.vcpus = d.maxvcpus = written(uint32_t{1}, at);
    const uint64_t period = 10000 + rng() % 10000;
    // Utilization about 0.3 · cpus / vcpus per vCPU: provable by BCL despite every carry-in burst.
    const uint64_t budget = std::max<uint64_t>(10, period * 3 * cpus / (10 * vcpus));
    d.rtds = RtdsSpec{{{written(period, at), written(budget, at), written(false, at), at}}, false, at};
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

// Interface synthesis for one domain: 50 tasks (periods 5-100ms in whole ms, utilization about
// 0.5 per vCPU) on 4 vCPUs by worst-fit decreasing, period auto over 1ms..the smallest period at 100us.
void BM_Synthesize50Tasks4Vcpus(benchmark::State& state) {
  std::mt19937_64 rng(16);
  std::vector<GuestTask> tasks;
  for (int i = 0; i < 50; ++i) {
    const uint64_t t = (5 + rng() % 96) * 1000;
    tasks.push_back({"t" + std::to_string(i), t, std::max<uint64_t>(10, t * (10 + rng() % 70) / 2500), t, 0});
  }
  const auto sched = static_cast<GuestScheduler>(state.range(0));
  for (auto _ : state) {
    const std::vector<uint32_t> on = assign_worst_fit(tasks, std::vector<int64_t>(tasks.size(), -1), 4);
    for (uint32_t v = 0; v < 4; ++v) {
      std::vector<GuestTask> mine;
      for (size_t i = 0; i < tasks.size(); ++i) {
        if (on[i] == v) mine.push_back(tasks[i]);
      }
      benchmark::DoNotOptimize(best_interface(sched, mine, {1000, 0, 100}, 50));
    }
  }
}
BENCHMARK(BM_Synthesize50Tasks4Vcpus)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
