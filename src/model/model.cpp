#include "model/model.h"

#include <fmt/format.h>

#include <algorithm>

namespace xenplan {

std::string_view scheduler_name(SchedulerKind s) {
  switch (s) {
    case SchedulerKind::Credit:
      return "credit";
    case SchedulerKind::Credit2:
      return "credit2";
    case SchedulerKind::Rtds:
      return "rtds";
    case SchedulerKind::Null:
      return "null";
    case SchedulerKind::Arinc653:
      return "arinc653";
  }
  return "credit2";
}

std::string_view domain_type_name(DomainType t) {
  switch (t) {
    case DomainType::Pv:
      return "pv";
    case DomainType::Pvh:
      return "pvh";
    case DomainType::Hvm:
      return "hvm";
  }
  return "pv";
}

std::string_view action_name(Action a) {
  switch (a) {
    case Action::Destroy:
      return "destroy";
    case Action::Restart:
      return "restart";
    case Action::RenameRestart:
      return "rename-restart";
    case Action::Preserve:
      return "preserve";
    case Action::CoredumpDestroy:
      return "coredump-destroy";
    case Action::CoredumpRestart:
      return "coredump-restart";
    case Action::SoftReset:
      return "soft-reset";
  }
  return "destroy";
}

std::string_view disk_format_name(DiskFormat f) {
  switch (f) {
    case DiskFormat::Raw:
      return "raw";
    case DiskFormat::Qcow:
      return "qcow";
    case DiskFormat::Qcow2:
      return "qcow2";
    case DiskFormat::Vhd:
      return "vhd";
    case DiskFormat::Qed:
      return "qed";
  }
  return "raw";
}

std::string_view disk_access_name(DiskAccess a) {
  return a == DiskAccess::ReadOnly ? "ro" : "rw";
}

bool is_credit_family(SchedulerKind s) {
  return s == SchedulerKind::Credit || s == SchedulerKind::Credit2;
}

std::string Mac::text() const {
  return fmt::format("{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", octets[0], octets[1], octets[2], octets[3],
                     octets[4], octets[5]);
}

namespace {

template <class T>
const T* find_in(const std::vector<T>& defs, const Ref<T>& ref) {
  const auto i = ref.index();
  return i && *i < defs.size() ? &defs[*i] : nullptr;
}

}  // namespace

const Pool* Model::find(const Ref<Pool>& ref) const {
  return find_in(pools, ref);
}
const Bridge* Model::find(const Ref<Bridge>& ref) const {
  return find_in(host.bridges, ref);
}
const VolumeGroup* Model::find(const Ref<VolumeGroup>& ref) const {
  return find_in(host.volume_groups, ref);
}

CpuSet Model::pool0_cpus() const {
  CpuSet all = host.cpus.usable() ? CpuSet::range(0, host.cpus.value - 1) : CpuSet();
  for (const Pool& p : pools) {
    if (p.cpus.usable()) all = all.minus(p.cpus.value);
  }
  return all;
}

bool Model::in_pool0(const Domain& d) const {
  return !d.pool.name.given() || (d.pool.name.written() && d.pool.name.value == kPool0Name);
}

const Pool* Model::pool_of(const Domain& d) const {
  return in_pool0(d) ? nullptr : find(d.pool);
}

CpuSet Model::domain_pool_cpus(const Domain& d) const {
  const Pool* p = pool_of(d);
  return p ? p->cpus.value : pool0_cpus();
}

SchedulerKind Model::domain_scheduler(const Domain& d) const {
  const Pool* p = pool_of(d);
  return p ? p->scheduler.value : host.xen.scheduler.value;
}

bool Model::domain_pool_known(const Domain& d) const {
  if (in_pool0(d)) return host.xen.scheduler.usable();
  const Pool* p = pool_of(d);
  return p && p->cpus.usable() && p->scheduler.usable();
}

std::string_view Model::domain_pool_name(const Domain& d) const {
  const Pool* p = pool_of(d);
  return p ? std::string_view(p->name.value) : kPool0Name;
}

std::vector<VcpuRtds> Model::rtds_parameters(const Domain& d) const {
  return rtds_per_vcpu(d.rtds, d.maxvcpus.value);
}

std::vector<VcpuRtds> Model::dom0_rtds_parameters() const {
  return rtds_per_vcpu(host.dom0.rtds, host.dom0.vcpus.value);
}

uint32_t Model::dom0_pinned_cpu(uint32_t v) const {
  return host.cpus.value > 0 ? v % host.cpus.value : 0;
}

CpuSet Model::dom0_pinned_cpus() const {
  const Dom0& dom0 = host.dom0;
  if (!dom0.pin.value || !dom0.vcpus.usable() || !host.cpus.usable() || dom0.vcpus.value == 0) return {};
  return CpuSet::range(0, std::min(dom0.vcpus.value, host.cpus.value) - 1);
}

std::vector<VcpuRtds> rtds_per_vcpu(const std::optional<RtdsSpec>& spec, uint32_t vcpus) {
  std::vector<VcpuRtds> out(vcpus, kXenRtdsDefault);
  if (!spec || spec->entries.empty()) return out;
  for (uint32_t v = 0; v < vcpus; ++v) {
    // A per-vCPU list of the wrong length is an error (check_schedulers); its missing vCPUs keep
    // Xen's defaults here, which nothing downstream of a failed check uses.
    if (spec->per_vcpu && v >= spec->entries.size()) break;
    const RtdsParams& p = spec->entries[spec->per_vcpu ? v : 0];
    out[v] = {p.budget_us.value, p.period_us.value, p.extratime.value};
  }
  return out;
}

std::string volume_name(const Domain& d, const Disk& disk) {
  return d.name.value + "-" + disk.vdev.value;
}

}  // namespace xenplan
