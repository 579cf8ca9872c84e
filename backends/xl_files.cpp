// xlcpupool.cfg per pool (reference §4.3) and the xl.conf settings; xl.cfg per domain is
// xl_domain.cpp. Strings through xl_string(), every file ending in "\n".
#include <fmt/format.h>

#include <algorithm>

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

std::vector<XlConfSetting> xl_conf_settings() {
  // Fixed dom0 memory: the toolstack must not balloon dom0 down (reference §6.4).
  return {{"autoballoon", "\"off\""}};
}

Artifacts emit_xl_conf(const BuildInput& in) {
  // xl.conf has no drop-in directory, so provision merges these settings into /etc/xen/xl.conf.
  (void)in;
  std::string content = fmt::format("# {}\n", kBanner);
  for (const XlConfSetting& s : xl_conf_settings()) content += fmt::format("{}={}\n", s.key, s.value);
  return {artifact_at(paths::kXlConfSettings, ArtifactKind::XlConf, content)};
}

std::vector<uint32_t> BuildInput::null_pinning(DomainIndex domain) const {
  if (domain >= analysis.pool_of_domain.size() || !analysis.pool_of_domain[domain]) return {};
  const PoolAnalysis& p = analysis.pools[*analysis.pool_of_domain[domain]];
  if (p.null_cpu_of.empty()) return {};
  // Rows are ascending by domain, dom0's first: the domain's are one run.
  const auto rows = p.vcpus.begin();
  const auto first = std::partition_point(rows, p.vcpus.end(),
                                          [&](const VcpuRow& v) { return !v.domain || *v.domain < domain; });
  const auto last =
      std::partition_point(first, p.vcpus.end(), [&](const VcpuRow& v) { return v.domain == domain; });
  return {p.null_cpu_of.begin() + (first - rows), p.null_cpu_of.begin() + (last - rows)};
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
