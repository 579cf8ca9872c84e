// xl.cfg per domain and xlcpupool.cfg per pool (reference §2, §3, §4.3): only keys xl knows,
// plain decimal integers in xl's units, strings through xl_string(), every file ending in "\n".
#include <fmt/format.h>

#include "base/units.h"
#include "emitters.h"
#include "model/identity.h"
#include "paths.h"
#include "quote.h"

namespace xenplan {
namespace {

std::string xl_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += fmt::format("{}{}", i ? ", " : "", xl_string(items[i]));
  return out + "]";
}

std::string cpu_list(const CpuSet& cpus) {
  std::vector<std::string> items;
  for (uint32_t c : cpus.cpus()) items.push_back(std::to_string(c));
  return xl_list(items);
}

// Canonical DISKSPEC: named keys, target= last because it swallows the rest of the string.
std::string disk_spec(const CheckedModel& m, const Domain& d, const Disk& disk) {
  std::string target = disk.path.value;
  if (disk.source == DiskSource::Volume) {
    target = fmt::format("/dev/{}/{}", m.group_of(disk).name.value, volume_name(d, disk));
  }
  return fmt::format("format={}, vdev={}, access={}, target={}", disk_format_name(disk.format),
                     disk.vdev.value, disk_access_name(disk.access), target);
}

std::string vif_spec(const CheckedModel& m, const Network& n) {
  std::string spec = fmt::format("bridge={}", m.bridge_of(n).name.value);
  if (n.mac.usable()) spec += fmt::format(",mac={}", n.mac.value.text());
  return spec;
}

std::string domain_config(const BuildInput& in, const Domain& d) {
  std::string out = fmt::format("# {}\n", kBanner);
  out += fmt::format("name = {}\n", xl_string(d.name.value));
  // xenplan-up and xenplan-down recognise the domains they own by this UUID, not by name alone.
  out += fmt::format("uuid = {}\n", xl_string(domain_uuid(in.model, d)));
  out += fmt::format("type = {}\n", xl_string(domain_type_name(d.type.value)));
  if (const Pool* p = in.checked.pool_of(d)) out += fmt::format("pool = {}\n", xl_string(p->name.value));
  out += fmt::format("memory = {}\n", d.memory.value / kMiB);
  out += fmt::format("maxmem = {}\n", d.maxmem.value / kMiB);
  out += fmt::format("vcpus = {}\n", d.vcpus.value);
  out += fmt::format("maxvcpus = {}\n", d.maxvcpus.value);
  if (const auto pinning = in.null_pinning(d.name.value); !pinning.empty()) {
    // null pool: vCPU i on the i-th CPU of the matching, so Xen's greedy placement cannot strand one.
    std::vector<std::string> cpus;
    for (uint32_t c : pinning) cpus.push_back(std::to_string(c));
    out += fmt::format("cpus = {}\n", xl_list(cpus));
  } else if (d.cpus.usable()) {
    out += fmt::format("cpus = {}\n", xl_string(d.cpus.value.to_string()));
  }
  for (const auto& [key, value] :
       {std::pair{"kernel", &d.kernel}, std::pair{"ramdisk", &d.ramdisk}, std::pair{"cmdline", &d.cmdline},
        std::pair{"bootloader", &d.bootloader}}) {
    if (value->usable()) out += fmt::format("{} = {}\n", key, xl_string(value->value));
  }
  std::vector<std::string> disks, vifs;
  for (const Disk& disk : d.disks) disks.push_back(disk_spec(in.checked, d, disk));
  for (const Network& n : d.networks) vifs.push_back(vif_spec(in.checked, n));
  if (!disks.empty()) out += fmt::format("disk = {}\n", xl_list(disks));
  if (!vifs.empty()) out += fmt::format("vif = {}\n", xl_list(vifs));
  out += fmt::format("on_poweroff = {}\n", xl_string(action_name(d.on_poweroff.value)));
  out += fmt::format("on_reboot = {}\n", xl_string(action_name(d.on_reboot.value)));
  out += fmt::format("on_crash = {}\n", xl_string(action_name(d.on_crash.value)));
  return out;
}

}  // namespace

Artifacts emit_xl_domains(const BuildInput& in) {
  Artifacts out;
  for (const Domain& d : in.model.domains) {
    out.push_back(artifact_at(paths::domain_config(d.name.value), ArtifactKind::XlDomain, domain_config(in, d)));
  }
  return out;
}

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

std::vector<uint32_t> BuildInput::null_pinning(const std::string& domain) const {
  std::vector<uint32_t> out;
  for (const PoolAnalysis& p : analysis.pools) {
    if (p.null_cpu_of.empty()) continue;
    for (size_t i = 0; i < p.vcpus.size(); ++i) {
      if (p.vcpus[i].domain == domain) out.push_back(p.null_cpu_of[i]);
    }
  }
  return out;
}

}  // namespace xenplan
