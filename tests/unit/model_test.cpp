// The model's own rules: field states, references that only CheckedModel hands out, and the one
// answer to which RTDS parameters each vCPU runs with.
#include <doctest/doctest.h>

#include <stdexcept>

#include "cli/pipeline.h"
#include "model/checked_model.h"

using namespace xenplan;

namespace {

constexpr const char* kHost = R"(xenplan: 1
host:
  name: node
  cpus: 4
  memory: 8GiB
  xen: {version: "4.17", scheduler: rtds, schedulers: [credit2, rtds]}
  dom0: {memory: 1GiB, vcpus: 2, rtds: {period: 10ms, budget: 1ms}}
  bridges: [{name: xenbr0, ports: [eth0]}]
  volume_groups: [{name: vg0, devices: [/dev/sdb]}]
domains:
  - name: plc
    memory: 256MiB
    maxvcpus: 3
    rtds: [{period: 5ms, budget: 1ms}, {period: 5ms, budget: 2ms}, {period: 5ms, budget: 3ms, extratime: true}]
    kernel: /boot/vmlinuz
    disks: [{vdev: xvda, volume: {group: vg0, size: 1GiB}}]
    networks: [{bridge: xenbr0}]
  - name: web
    memory: 256MiB
    vcpus: 2
    kernel: /boot/vmlinuz
)";

Model compiled_model(DiagnosticSink& sink, CompiledDescription& out) {
  out = compile_text("host.yaml", kHost, Syntax::Yaml, {.allow_unknown = true}, sink);
  REQUIRE(out.model);
  return *out.model;
}

}  // namespace

TEST_CASE("defaulted fields are usable and say so; written ones too") {
  DiagnosticSink sink;
  CompiledDescription c;
  const Model m = compiled_model(sink, c);
  const Domain& web = m.domains[1];
  CHECK(web.vcpus.written());
  CHECK(web.maxvcpus.state == FieldState::Defaulted);
  CHECK(web.maxvcpus.usable());
  CHECK(web.maxvcpus.value == 2);
  CHECK(web.type.state == FieldState::Defaulted);
  CHECK(web.kernel.written());
  CHECK(web.ramdisk.state == FieldState::Absent);
  CHECK_FALSE(web.ramdisk.usable());
}

TEST_CASE("each vCPU's RTDS parameters have one answer, dom0 included") {
  DiagnosticSink sink;
  CompiledDescription c;
  const Model m = compiled_model(sink, c);
  const std::vector<VcpuRtds> dom0 = m.dom0_rtds_parameters();
  REQUIRE(dom0.size() == 2);
  CHECK(dom0[0] == VcpuRtds{1000, 10000, false});
  CHECK(dom0[1] == VcpuRtds{1000, 10000, false});
  const std::vector<VcpuRtds> plc = m.rtds_parameters(m.domains[0]);
  REQUIRE(plc.size() == 3);  // maxvcpus
  CHECK(plc[2] == VcpuRtds{3000, 5000, true});
  // No `rtds`: Xen's defaults (rt.c), extratime on.
  const std::vector<VcpuRtds> web = m.rtds_parameters(m.domains[1]);
  REQUIRE(web.size() == 2);
  CHECK(web[1] == kXenRtdsDefault);
  CHECK(kXenRtdsDefault == VcpuRtds{4000, 10000, true});
}

TEST_CASE("a backend reaches referenced entities only through a model whose references are resolved") {
  DiagnosticSink sink;
  CompiledDescription c;
  Model m = compiled_model(sink, c);
  const CheckedModel checked(m);
  CHECK(checked.bridge_of(m.domains[0].networks[0]).name.value == "xenbr0");
  CHECK(checked.group_of(m.domains[0].disks[0]).name.value == "vg0");

  Model broken = m;
  broken.domains[0].networks[0].bridge = Ref<Bridge>{};  // as a gap in validation would leave it
  broken.domains[0].networks[0].bridge.name = written(std::string(""), Span{});
  CHECK_THROWS_WITH_AS(CheckedModel{broken}, "bridge `` of domain `plc` was not resolved before building",
                       std::logic_error);
  Model no_group = m;
  no_group.domains[0].disks[0].group = Ref<VolumeGroup>{};
  CHECK_THROWS_AS(CheckedModel{no_group}, std::logic_error);
}

TEST_CASE("a volume's name is <domain>-<vdev>, the one definition every layer uses") {
  DiagnosticSink sink;
  CompiledDescription c;
  const Model m = compiled_model(sink, c);
  CHECK(volume_name(m.domains[0], m.domains[0].disks[0]) == "plc-xvda");
}
