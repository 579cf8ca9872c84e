// The analysis's memory bound (README, "Hostile input"): descriptions as large as the input
// limits allow are decided from counts and per-affinity sums, with rows only where the limits
// allow, and the verdicts stay definite where a necessary test fails.
#include "analysis/analysis_limits.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <functional>
#include <set>

#include "analysis/analyze.h"
#include "cli/pipeline.h"
#include "emitters.h"

using namespace xenplan;

namespace {

// The largest host Xen allows, dom0 pinned to CPU 0, then `pools` and `domains` as written.
std::string wide_host(const std::string& pools, const std::string& domains) {
  return "xenplan: 1\nhost:\n  name: wide\n  cpus: 16384\n  memory: 16TiB\n  xen: {version: \"4.17\", "
         "schedulers: [credit, credit2, rtds, null]}\n  dom0: {memory: 2GiB, vcpus: 1, pin: true}\n" +
         pools + "domains:\n" + domains;
}

std::string domains(unsigned n, unsigned vcpus, const std::function<std::string(unsigned)>& extra) {
  std::string out;
  for (unsigned i = 0; i < n; ++i) {
    out += fmt::format("  - {{name: d{}, memory: 64MiB, vcpus: {}, kernel: /boot/vmlinuz{}}}\n", i, vcpus,
                       extra(i));
  }
  return out;
}

struct Compiled {
  DiagnosticSink sink;
  CompiledDescription c;
  explicit Compiled(std::string text)
      : c(compile_text("wide.yaml", std::move(text), Syntax::Yaml, {true}, sink)) {
    REQUIRE(c.analysis.has_value());
  }
  const PoolAnalysis& pool(size_t i) const { return c.analysis->pools.at(i); }
};

const std::string kRtdsPool = "pools:\n  - {name: rt, scheduler: rtds, cpus: \"1-16383\"}\n";

}  // namespace

TEST_CASE("a null pool of 127x128 vCPUs on 16,383 CPUs: one mask, and a CPU of its own for each vCPU") {
  const Compiled d(wide_host("pools:\n  - {name: nl, scheduler: null, cpus: \"1-16383\"}\n",
                             domains(127, 128, [](unsigned) { return ", pool: nl"; })));
  const PoolAnalysis& nl = d.pool(1);
  CHECK(nl.verdict == Verdict::Schedulable);
  CHECK(nl.masks.size() == 1);
  REQUIRE(nl.null_cpu_of.size() == 127 * 128);
  CHECK(std::set<uint32_t>(nl.null_cpu_of.begin(), nl.null_cpu_of.end()).size() == 127 * 128);
  CHECK(nl.null_cpu_of.front() == 1);  // in row order, ascending: d0 vCPU 0 on CPU 1, ...
  CHECK(nl.null_cpu_of.back() == 127 * 128);
  // The backend pins each domain's vCPUs to its own CPUs, found by the domain's index.
  const CheckedModel checked(*d.c.model);
  const BuildInput in{checked, *d.c.model, *d.c.analysis};
  CHECK(in.null_pinning(1) == std::vector<uint32_t>{[] {
          std::vector<uint32_t> cpus;
          for (uint32_t c = 129; c <= 256; ++c) cpus.push_back(c);
          return cpus;
        }()});
}

TEST_CASE("an RTDS pool of 1,000x128 vCPUs is unknown with the reason, and has no rows") {
  const Compiled global(wide_host(kRtdsPool, domains(1000, 128, [](unsigned) {
                                    return ", pool: rt, rtds: {period: 100ms, budget: 1ms}";
                                  })));
  const PoolAnalysis& rt = global.pool(1);
  CHECK(rt.verdict == Verdict::Unknown);
  CHECK(rt.decided_by == std::vector<TestId>{TestId::None});
  CHECK(rt.explanation == "the pool has 128000 vCPUs; xenplan analyses at most 8192 in one pool");
  CHECK(rt.vcpu_count == 128000);
  CHECK(rt.vcpus.empty());
  CHECK(rt.utilization == doctest::Approx(1280));

  const Compiled overlapping(wide_host(kRtdsPool, domains(1000, 128, [](unsigned i) {
                                         const unsigned first = 1 + (i * 16) % (16383 - 127);
                                         return fmt::format(
                                             ", pool: rt, rtds: {{period: 100ms, budget: 1ms}}, "
                                             "cpus: \"{}-{}\"",
                                             first, first + 127);
                                       })));
  const PoolAnalysis& ov = overlapping.pool(1);
  CHECK(ov.verdict == Verdict::Unknown);
  CHECK(ov.explanation ==
        "the pool has 128000 vCPUs; xenplan analyses at most 2048 in one pool when affinities overlap");
  CHECK(ov.masks.size() == 1000);
  CHECK(ov.vcpus.empty());
}

TEST_CASE("a pool too large to analyse is still rejected definitely when a necessary test fails") {
  // 1,000 domains of 128 vCPUs at 80% each, on windows of 16 CPUs that overlap by half: no
  // division of the budgets fits, which the grouped max-flow finds without a row per vCPU.
  const Compiled d(wide_host(kRtdsPool, domains(1000, 128, [](unsigned i) {
                               const unsigned first = 1 + i * 8;
                               return fmt::format(
                                   ", pool: rt, rtds: {{period: 10ms, budget: 800us}}, cpus: \"{}-{}\"",
                                   first, first + 15);
                             })));
  const PoolAnalysis& rt = d.pool(1);
  CHECK(rt.verdict == Verdict::Unschedulable);
  CHECK(rt.decided_by == std::vector<TestId>{TestId::NecessaryAffinityFlow});
  CHECK(rt.vcpus.empty());
  CHECK(d.sink.error_count() == 1);
}

TEST_CASE(
    "rows are bounded over a description: real-time pools take theirs first, credit pools' are only listed") {
  // Pool-0 (credit2) alone would fit in a report (261,121 vCPUs), but not with the RTDS pool's
  // 2,048, which are analysed first: the credit pool's rows are the ones left out.
  std::string all = domains(2040, 128, [](unsigned) { return ""; });
  for (unsigned i = 0; i < 16; ++i) {
    all += fmt::format(
        "  - {{name: r{}, memory: 64MiB, vcpus: 128, kernel: /boot/vmlinuz, pool: rt, rtds: "
        "{{period: 100ms, budget: 1ms}}}}\n",
        i);
  }
  const Compiled d(wide_host(kRtdsPool, all));
  const PoolAnalysis& rt = d.pool(1);
  CHECK(rt.verdict == Verdict::Schedulable);
  REQUIRE(rt.vcpus.size() == 2048);
  CHECK(d.c.analysis->names.of(rt.vcpus.front()) == "r0");
  const PoolAnalysis& pool0 = d.pool(0);
  CHECK(pool0.vcpu_count == 2040 * 128 + 1);
  CHECK(pool0.vcpus.empty());
  CHECK(pool0.explanation ==
        "credit2 shares CPUs by weight and gives no deadline guarantee, so the pool is not analysed; its "
        "261121 "
        "vCPUs are not listed, since a report lists at most 262144");
}

TEST_CASE(
    "65,536 domains with cpus \"0-16383\": each affinity is one range, and their vCPUs share one mask") {
  // Built directly: the YAML of this host is 5.5 MB, and the reader is not what is tested here.
  Model m;
  const Span at{0, 1};
  m.host.cpus = written(uint32_t{16384}, at);
  m.host.xen.scheduler = written(SchedulerKind::Credit2, at);
  m.host.dom0.vcpus = written(uint32_t{1}, at);
  m.host.dom0.pin = written(true, at);
  for (unsigned i = 0; i < 65536; ++i) {
    Domain d;
    d.name = written(fmt::format("d{}", i), at);
    d.vcpus = d.maxvcpus = written(uint32_t{1}, at);
    d.cpus = written(CpuSet::range(0, 16383), at);
    m.domains.push_back(std::move(d));
  }
  const AnalysisReport r = analyze(m);
  const PoolAnalysis& pool0 = r.pools.at(0);
  CHECK(m.domains.back().cpus.value.ranges().size() == 1);
  CHECK(pool0.masks ==
        std::vector<CpuSet>{CpuSet::range(0, 0), CpuSet::range(0, 16383)});  // dom0's CPU 0, and all
  CHECK(pool0.vcpus.size() == 65537);
  CHECK(pool0.vcpus.back().mask == 1);
  CHECK(r.names.of(pool0.vcpus.front()) == "Domain-0");
  CHECK(r.names.of(pool0.vcpus.back()) == "d65535");
}

TEST_CASE("a null pool whose affinities make too large a matching is unknown with the reason") {
  // 1,100 one-vCPU domains, each allowed every CPU of the pool but one of its own: 1,100 distinct
  // masks over some 2,200 segments, more than kMaxFlowEdges between them.
  Model m;
  const Span at{0, 1};
  m.host.cpus = written(uint32_t{16384}, at);
  m.host.xen.scheduler = written(SchedulerKind::Credit2, at);
  m.host.dom0.vcpus = written(uint32_t{1}, at);
  Pool nl;
  nl.name = written(std::string("nl"), at);
  nl.scheduler = written(SchedulerKind::Null, at);
  nl.cpus = written(CpuSet::range(1, 16383), at);
  m.pools.push_back(nl);
  for (unsigned i = 0; i < 1100; ++i) {
    Domain d;
    d.name = written(fmt::format("d{}", i), at);
    d.pool.name = written(std::string("nl"), at);
    d.pool.resolve(0);
    d.vcpus = d.maxvcpus = written(uint32_t{1}, at);
    d.cpus = written(CpuSet::range(1, 16383).minus(CpuSet::range(2 + 2 * i, 2 + 2 * i)), at);
    m.domains.push_back(std::move(d));
  }
  const AnalysisReport r = analyze(m);
  const PoolAnalysis& p = r.pools.at(1);
  CHECK(p.verdict == Verdict::Unknown);
  CHECK(p.explanation ==
        "the 1100 distinct affinities of its vCPUs make a matching of more than 1048576 edges; xenplan "
        "matches no larger ones");
  CHECK(p.null_cpu_of.empty());
}
