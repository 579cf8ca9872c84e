// Random RTDS hosts like issue 15's: one pool of 1–8 CPUs, 2–24 vCPUs, periods 1–100 ms,
// U/m 0.2–1.0, global, pinned, clustered or overlapping affinities, some all always_busy.
// Fixed seeds make the same hosts on every machine.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>

#include "model/model.h"

namespace xenplan::testing {

enum class Placement { Global, Pinned, Clustered, Overlapping };

inline Model random_rtds_host(std::mt19937_64& rng) {
  Model m;
  const Span at{0, 1};
  const auto cpus = static_cast<uint32_t>(1 + rng() % 8);
  const auto vcpus = static_cast<uint32_t>(2 + rng() % 23);
  const auto placement = static_cast<Placement>(rng() % 4);
  const bool all_busy = rng() % 5 == 0;
  const double target = (20 + static_cast<double>(rng() % 81)) / 100.0 * cpus;  // U/m in [0.2, 1.0]
  m.host.cpus = written(cpus + 1, at);
  m.host.xen.scheduler = written(SchedulerKind::Credit2, at);
  m.host.dom0.vcpus = written(uint32_t{1}, at);
  Pool p;
  p.name = written(std::string("rt"), at);
  p.scheduler = written(SchedulerKind::Rtds, at);
  p.cpus = written(CpuSet::range(1, cpus), at);
  m.pools.push_back(p);
  // Random shares of the target utilization, each vCPU below one CPU.
  std::vector<double> share(vcpus);
  double total = 0;
  for (double& s : share) total += (s = 1.0 + static_cast<double>(rng() % 100));
  for (uint32_t i = 0; i < vcpus; ++i) {
    Domain d;
    d.name = written("d" + std::to_string(i), at);
    d.pool.name = written(std::string("rt"), at);
    d.pool.resolve(0);
    d.vcpus = d.maxvcpus = written(uint32_t{1}, at);
    const uint64_t period = 1000 * (1 + rng() % 100);
    const double u = std::min(0.95, target * share[i] / total);
    const uint64_t budget = std::max<uint64_t>(10, static_cast<uint64_t>(u * static_cast<double>(period)));
    d.rtds = RtdsSpec{{{written(period, at), written(budget, at), written(false, at), at}}, false, at};
    if (all_busy) d.always_busy = written(true, at);
    switch (placement) {
      case Placement::Global: break;
      case Placement::Pinned: d.cpus = written(CpuSet::range(1 + i % cpus, 1 + i % cpus), at); break;
      case Placement::Clustered: {
        const uint32_t first = 1 + (i % ((cpus + 1) / 2)) * 2;
        d.cpus = written(CpuSet::range(first, std::min(first + 1, cpus)), at);
        break;
      }
      case Placement::Overlapping: {
        const auto first = static_cast<uint32_t>(1 + rng() % cpus);
        const auto last = static_cast<uint32_t>(first + rng() % (cpus - first + 1));
        d.cpus = written(CpuSet::range(first, last), at);
        break;
      }
    }
    m.domains.push_back(d);
  }
  return m;
}

}  // namespace xenplan::testing
