// What the report says of each vCPU row: which domain owns it (by index; dom0's rows by none),
// and the pinning the xl backend reads from a null pool's matching.
#include <doctest/doctest.h>

#include "cli/pipeline.h"
#include "emitters.h"

using namespace xenplan;

TEST_CASE("null pinning is looked up by domain index; dom0's rows belong to no domain") {
  // Pool-0 runs null: dom0's two vCPUs are matched first, then a's and b's.
  const std::string text = R"(xenplan: 1
host:
  name: node
  cpus: 8
  memory: 64GiB
  xen: {version: "4.17", scheduler: null, schedulers: [credit2, null]}
  dom0: {memory: 1GiB, vcpus: 2}
domains:
  - {name: a, memory: 256MiB, vcpus: 2, kernel: /boot/vmlinuz}
  - {name: b, memory: 256MiB, kernel: /boot/vmlinuz}
)";
  DiagnosticSink sink;
  const auto c = compile_text("node.yaml", text, Syntax::Yaml, {}, sink);
  REQUIRE(c.analysis.has_value());
  const PoolAnalysis& pool0 = c.analysis->pools.at(0);
  REQUIRE(pool0.vcpus.size() == 5);
  CHECK_FALSE(pool0.vcpus[0].domain.has_value());
  CHECK(c.analysis->names.of(pool0.vcpus[1]) == "Domain-0");
  CHECK(pool0.vcpus[2].domain == DomainIndex{0});
  CHECK(pool0.vcpus[4].domain == DomainIndex{1});
  CHECK(c.analysis->pool_of_domain == std::vector<std::optional<uint32_t>>{0, 0});
  CHECK(pool0.null_cpu_of == std::vector<uint32_t>{0, 1, 2, 3, 4});

  const CheckedModel checked(*c.model);
  const BuildInput in{checked, *c.model, *c.analysis};
  CHECK(in.null_pinning(0) == std::vector<uint32_t>{2, 3});
  CHECK(in.null_pinning(1) == std::vector<uint32_t>{4});
  CHECK(in.null_pinning(2).empty());  // no such domain
  const Artifacts xl = emit_xl_domains(in);
  REQUIRE(xl.size() == 2);
  CHECK(xl[0].content.find("name = \"a\"\n") != std::string::npos);
  CHECK(xl[0].content.find("cpus = [\"2\", \"3\"]\n") != std::string::npos);
  CHECK(xl[1].content.find("cpus = [\"4\"]\n") != std::string::npos);
}
