// xlcpupool.cfg per pool (reference §4.3) and the xl.conf settings; xl.cfg per domain is
// xl_domain.cpp. Strings through xl_string(), every file ending in "\n".
#include <fmt/format.h>

#include "base/units.h"
#include "emitters.h"
#include "paths.h"
#include "quote.h"
#include "xl_syntax.h"

namespace xenplan {
namespace {

std::string cpu_list(const CpuSet& cpus) {
  std::vector<std::string> items;
  for (uint32_t c : cpus.ids()) items.push_back(std::to_string(c));
  return xl_list(items);
}

}  // namespace

Artifacts emit_xl_cpupools(const BuildInput& in) {
  Artifacts out;
  for (const Pool& p : in.model.pools) {
    // name, sched and cpus always written: without name xl uses the file name, without cpus the
    // pool gets no CPU at all (reference §4.3).
    const std::string content =
        fmt::format("# {}\nname = {}\nsched = {}\ncpus = {}\n", kBanner, xl_string(p.name.value),
                    xl_string(scheduler_name(p.scheduler.value)), cpu_list(p.cpus.value));
    out.push_back(artifact_at(paths::pool_config(p.name.value), ArtifactKind::XlCpupool, content));
  }
  return out;
}

Artifacts emit_xl_conf(const BuildInput& in) {
  // Fixed dom0 memory: the toolstack must not balloon dom0 down (reference §6.4). xl.conf has no
  // drop-in directory, so provision merges these settings into /etc/xen/xl.conf key by key.
  (void)in;
  return {artifact_at(paths::kXlConfSettings, ArtifactKind::XlConf,
                      fmt::format("# {}\nautoballoon=\"off\"\n", kBanner))};
}

std::vector<uint32_t> BuildInput::null_pinning(DomainIndex domain) const {
  const std::string& name = model.domains[domain].name.value;
  std::vector<uint32_t> out;
  for (const PoolAnalysis& p : analysis.pools) {
    if (p.null_cpu_of.empty()) continue;
    for (size_t i = 0; i < p.vcpus.size(); ++i) {
      if (p.vcpus[i].domain == name) out.push_back(p.null_cpu_of[i]);
    }
  }
  return out;
}

std::string xl_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += fmt::format("{}{}", i ? ", " : "", xl_string(items[i]));
  return out + "]";
}

std::string xl_number_list(const std::vector<uint64_t>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += fmt::format("{}{}", i ? ", " : "", items[i]);
  return out + "]";
}

std::string xl_bool(bool value) {
  return value ? "1" : "0";
}

}  // namespace xenplan
