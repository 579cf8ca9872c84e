#include "model/model.h"

#include <fmt/format.h>

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

CpuSet Model::pool0_cpus() const {
  CpuSet all = host.cpus.value > 0 ? CpuSet::range(0, host.cpus.value - 1) : CpuSet();
  for (const Pool& p : pools) all = all.minus(p.cpus.value);
  return all;
}

CpuSet Model::domain_pool_cpus(const Domain& d) const {
  return d.pool ? pools[*d.pool].cpus.value : pool0_cpus();
}

SchedulerKind Model::domain_scheduler(const Domain& d) const {
  return d.pool ? pools[*d.pool].scheduler.value : host.xen.scheduler.value;
}

bool Model::domain_pool_known(const Domain& d) const {
  if (!d.pool) return !d.pool_name || d.pool_name->value == "Pool-0";
  return known(pools[*d.pool].cpus) && known(pools[*d.pool].scheduler);
}

std::string_view Model::domain_pool_name(const Domain& d) const {
  return d.pool ? std::string_view(pools[*d.pool].name.value) : std::string_view("Pool-0");
}

}  // namespace xenplan
