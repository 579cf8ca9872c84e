// emit_artifacts: every backend, in a fixed order, then sorted, then the manifest.
#include <fmt/format.h>

#include <algorithm>

#include "base/json.h"
#include "base/sha256.h"
#include "emitters.h"
#include "paths.h"
#include "script_common.h"

namespace xenplan {
namespace {

Artifact manifest(const Model& m, const Artifacts& artifacts) {
  JsonWriter j;
  j.begin_object().key("generator").value("xenplan").key("host").value(m.host.name.value);
  j.key("artifacts").begin_array();
  for (const Artifact& a : artifacts) {
    j.begin_object().key("path").value(a.path).key("kind").value(artifact_kind_name(a.kind));
    j.key("install_path").value(a.install_path).key("mode").value(fmt::format("{:04o}", a.mode));
    j.key("sha256").value(sha256_hex(a.content)).end_object();
  }
  j.end_array().end_object();
  Artifact out;
  out.path = "manifest.json";
  out.kind = ArtifactKind::Manifest;
  out.content = j.finish();
  return out;
}

}  // namespace

Artifact emit_provision(const BuildInput& in, const Artifacts& installed) {
  return artifact_at(paths::kProvision, ArtifactKind::Script, provision_script(in, installed), 0755);
}

Artifacts emit_artifacts(const CheckedModel& checked, const AnalysisReport& analysis) {
  const BuildInput in{checked, checked.model(), analysis};
  const Model& model = checked.model();
  Artifacts out;
  for (auto emit : {emit_xl_domains, emit_xl_cpupools, emit_xl_conf, emit_grub, emit_network, emit_systemd,
                    emit_scripts, emit_reports}) {
    Artifacts part = emit(in);
    std::move(part.begin(), part.end(), std::back_inserter(out));
  }
  Artifact provision = emit_provision(in, out);  // lists what it installs, itself included below
  out.push_back(std::move(provision));
  std::sort(out.begin(), out.end(), [](const Artifact& a, const Artifact& b) { return a.path < b.path; });
  out.push_back(manifest(model, out));
  return out;
}

}  // namespace xenplan
