// The typed model of a Xen host: what every pass and backend reads. Built once from the tree.
// Units: memory in bytes, times in microseconds, CPUs as CpuSet. Every entity keeps its span.
// Entities live in vectors in declaration order; references are resolved to indices.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/cpuset.h"
#include "base/source.h"

namespace xenplan {

template <class T>
struct Located {
  T value{};
  Span span;
};

// Whether a field was read: a field whose value had an error keeps its empty span, so passes
// skip the checks that depend on it instead of reporting consequences of the first error.
template <class T>
bool known(const Located<T>& field) {
  return field.span.end != 0;
}

enum class SchedulerKind { Credit, Credit2, Rtds, Null, Arinc653 };
enum class DomainType { Pv, Pvh, Hvm };
enum class Action { Destroy, Restart, RenameRestart, Preserve, CoredumpDestroy, CoredumpRestart, SoftReset };
enum class DiskFormat { Raw, Qcow, Qcow2, Vhd, Qed };
enum class DiskAccess { ReadWrite, ReadOnly };
enum class DiskSource { Volume, File, Device };
enum class AddressMode { Dhcp, Manual, Static };

std::string_view scheduler_name(SchedulerKind s);  // xl's spelling: "credit2", "rtds", ...
std::string_view domain_type_name(DomainType t);
std::string_view action_name(Action a);
std::string_view disk_format_name(DiskFormat f);
std::string_view disk_access_name(DiskAccess a);  // "rw" / "ro"
bool is_credit_family(SchedulerKind s);

using PoolIndex = uint32_t;    // index into Model::pools
using BridgeIndex = uint32_t;  // index into Host::bridges
using GroupIndex = uint32_t;   // index into Host::volume_groups

struct RtdsParams {
  Located<uint64_t> period_us;
  Located<uint64_t> budget_us;
  bool extratime = false;
  Span span;
};

struct XenConfig {
  Located<std::string> version;  // "4.17"
  uint32_t major = 4, minor = 17;
  std::vector<SchedulerKind> schedulers;  // compiled into the target hypervisor
  bool schedulers_declared = false;       // from the description rather than the version default
  Span schedulers_span;
  Located<SchedulerKind> scheduler{SchedulerKind::Credit2, {}};  // boot scheduler: Pool-0's
  bool scheduler_declared = false;             // false: Xen's default (credit2); span at `host.xen`
  std::vector<Located<std::string>> options;   // extra Xen boot options
  Located<uint64_t> rtds_overhead_us{50, {}};  // analysis margin (µs); default: Xen's timer_slop
  Span span;
};

struct Dom0 {
  Located<uint64_t> memory;        // bytes, fixed: dom0_mem=X,max:X
  Located<uint32_t> vcpus;         // dom0_max_vcpus
  bool pin = false;                // dom0_vcpus_pin
  std::optional<RtdsParams> rtds;  // dom0's vCPUs when Pool-0 runs RTDS (default 10ms/4ms)
  Span span;
};

struct Bridge {
  Located<std::string> name;
  std::vector<Located<std::string>> ports;
  AddressMode address = AddressMode::Manual;
  Located<std::string> cidr;     // Static only: "192.0.2.10/24"
  Located<std::string> gateway;  // Static only, optional
  Span span;
};

struct VolumeGroup {
  Located<std::string> name;
  std::vector<Located<std::string>> devices;
  std::optional<Located<uint64_t>> size;  // bytes: capacity to check volumes against
  Span span;
};

// The exact images to boot, for a GRUB menu entry of xenplan's own.
struct Boot {
  Located<std::string> xen;     // /boot/xen-4.17-amd64.gz
  Located<std::string> kernel;  // dom0's kernel
  std::optional<Located<std::string>> initrd;
  std::optional<Located<std::string>> cmdline;  // dom0's kernel command line
  Span span;
};

struct Host {
  Located<std::string> name;
  Located<uint32_t> cpus;    // physical CPUs 0..cpus-1
  Located<uint64_t> memory;  // bytes
  XenConfig xen;
  Dom0 dom0;
  std::vector<Bridge> bridges;
  std::vector<VolumeGroup> volume_groups;
  std::optional<Boot> boot;
  Span span;
};

struct Pool {
  Located<std::string> name;
  Located<SchedulerKind> scheduler;
  Located<CpuSet> cpus;
  Span span;
};

struct CreditParams {
  std::optional<Located<uint32_t>> weight;  // 1..65535
  std::optional<Located<uint32_t>> cap;     // percent of one CPU, 0 = none
  Span span;
};

struct Disk {
  Located<std::string> vdev;
  DiskSource source = DiskSource::Volume;
  Located<std::string> path;              // File and Device
  Located<std::string> group;             // Volume: the volume group's name
  std::optional<GroupIndex> group_index;  // Volume: resolved group
  Located<uint64_t> size;                 // Volume: bytes
  DiskFormat format = DiskFormat::Raw;
  DiskAccess access = DiskAccess::ReadWrite;
  Span span;
};

struct Mac {
  std::array<uint8_t, 6> octets{};
  std::string text() const;  // "00:16:3e:00:00:01"
  bool operator==(const Mac&) const = default;
};

struct Network {
  Located<std::string> bridge;
  std::optional<BridgeIndex> bridge_index;
  std::optional<Located<Mac>> mac;
  Span span;
};

struct Domain {
  Located<std::string> name;
  Located<DomainType> type{DomainType::Pv, {}};
  std::optional<Located<std::string>> pool_name;  // absent: Pool-0
  std::optional<PoolIndex> pool;                  // resolved; absent: Pool-0
  Located<uint64_t> memory;                       // bytes
  Located<uint64_t> maxmem;                       // bytes, defaults to memory
  Located<uint32_t> vcpus;
  Located<uint32_t> maxvcpus;           // defaults to vcpus
  std::optional<Located<CpuSet>> cpus;  // hard affinity
  std::vector<RtdsParams> rtds;         // empty, one for all vCPUs, or one per vCPU
  bool rtds_per_vcpu = false;
  Span rtds_span;
  std::optional<CreditParams> credit;
  std::optional<Located<std::string>> kernel, ramdisk, cmdline, bootloader;
  std::vector<Disk> disks;
  std::vector<Network> networks;
  Located<Action> on_poweroff{Action::Destroy, {}};
  Located<Action> on_reboot{Action::Restart, {}};
  Located<Action> on_crash{Action::Destroy, {}};
  bool always_busy = false;  // trusted: the guest never idles, so classical tests apply
  Span span;
};

struct Model {
  const SourceFile* file = nullptr;  // where every span points
  Host host;
  std::vector<Pool> pools;
  std::vector<Domain> domains;

  // Pool-0's CPUs: every host CPU no pool claims.
  CpuSet pool0_cpus() const;
  // CPUs a domain may run on: its pool's CPUs (Pool-0's when it has none).
  CpuSet domain_pool_cpus(const Domain& d) const;
  SchedulerKind domain_scheduler(const Domain& d) const;
  // False when the domain names a pool that does not exist (or whose CPUs are unknown).
  bool domain_pool_known(const Domain& d) const;
  std::string_view domain_pool_name(const Domain& d) const;  // "Pool-0" when none
};

}  // namespace xenplan
