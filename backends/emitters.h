// The backends: pure functions from a valid, analysed model to artifacts. None of them touches
// the file system; emit_artifacts() gathers them and adds the manifest.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/report.h"
#include "artifact.h"
#include "model/checked_model.h"

namespace xenplan {

struct BuildInput {
  const CheckedModel& checked;  // references: pool_of, bridge_of, group_of
  const Model& model;           // checked.model()
  const AnalysisReport& analysis;

  // null pools: the CPU each vCPU of a domain is pinned to, from the analysis's matching.
  std::vector<uint32_t> null_pinning(DomainIndex domain) const;
};

Artifacts emit_xl_domains(const BuildInput& in);
Artifacts emit_xl_cpupools(const BuildInput& in);
Artifacts emit_xl_conf(const BuildInput& in);
Artifacts emit_grub(const BuildInput& in);
Artifacts emit_network(const BuildInput& in);
Artifacts emit_systemd(const BuildInput& in);
Artifacts emit_scripts(const BuildInput& in);  // up and down
// provision installs every other artifact (and itself), so it comes last.
Artifact emit_provision(const BuildInput& in, const Artifacts& installed);
Artifacts emit_reports(const BuildInput& in);

// The keys xenplan sets in /etc/xen/xl.conf, with their values as written there: the content of
// xl.conf.settings, and what provision merges into xl.conf key by key.
struct XlConfSetting {
  std::string key;    // "autoballoon"
  std::string value;  // "\"off\""
};
std::vector<XlConfSetting> xl_conf_settings();

// Xen's boot options: dom0_mem=XM,max:XM dom0_max_vcpus=N [dom0_vcpus_pin] sched=S, then the extras.
std::string xen_command_line(const Model& model);
// dom0's kernel options that xenplan adds in Xen entries: xen-pciback.hide=(BDF)... or "".
std::string dom0_kernel_options(const Model& model);

// The hard affinity xl gives each vCPU (0 to maxvcpus-1) of a domain from its xl.cfg: a CPU list
// ("2-5", "6"), or "all" when the cpus line leaves that vCPU unpinned.
std::vector<std::string> vcpu_hard_affinity(const BuildInput& in, DomainIndex index);

// Every artifact, sorted by path, followed by manifest.json.
Artifacts emit_artifacts(const CheckedModel& model, const AnalysisReport& analysis);

}  // namespace xenplan
