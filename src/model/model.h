// The typed model of a Xen host: what every pass and backend reads. Built once from the tree.
// Units: memory in bytes, times in microseconds, CPUs as CpuSet. Every entity keeps its span,
// every field its state (model/field.h). Entities live in vectors in declaration order;
// references by name (Ref) are resolved to indices by build_model.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/cpuset.h"
#include "base/source.h"
#include "model/devices.h"
#include "model/field.h"
#include "model/xl_setting.h"

namespace xenplan {

enum class SchedulerKind { Credit, Credit2, Rtds, Null, Arinc653 };
enum class DomainType { Pv, Pvh, Hvm };
enum class Action { Destroy, Restart, RenameRestart, Preserve, CoredumpDestroy, CoredumpRestart, SoftReset };
enum class DiskFormat { Raw, Qcow, Qcow2, Vhd, Qed };
enum class DiskAccess { ReadWrite, ReadOnly };
enum class DiskSource { Volume, File, Device, Empty };  // Empty: a cdrom drive with no medium
enum class AddressMode { Dhcp, Manual, Static };
// Xen's iommu= boot option: off, on, or required (Xen stops booting without an IOMMU).
enum class IommuMode { Default, Off, On, Required };
enum class VifType { Vif, Ioemu };

std::string_view scheduler_name(SchedulerKind s);  // xl's spelling: "credit2", "rtds", ...
std::string_view domain_type_name(DomainType t);
std::string_view action_name(Action a);
std::string_view disk_format_name(DiskFormat f);
std::string_view disk_access_name(DiskAccess a);  // "rw" / "ro"
bool is_credit_family(SchedulerKind s);

// The names Xen gives the boot pool and the control domain.
inline constexpr std::string_view kPool0Name = "Pool-0";
inline constexpr std::string_view kDom0Name = "Domain-0";

using PoolIndex = uint32_t;    // index into Model::pools
using DomainIndex = uint32_t;  // index into Model::domains

// One `rtds: {period, budget, extratime}` mapping.
struct RtdsParams {
  Located<uint64_t> period_us;
  Located<uint64_t> budget_us;
  Located<bool> extratime;  // defaulted: false
  Span span;
};

// A domain's (or dom0's) `rtds`: one mapping for every vCPU, or a list with one per vCPU.
struct RtdsSpec {
  std::vector<RtdsParams> entries;
  bool per_vcpu = false;
  Span span;
};

// The RTDS parameters one vCPU runs with, in µs.
struct VcpuRtds {
  uint64_t budget_us = 0;
  uint64_t period_us = 0;
  bool extratime = false;
  bool operator==(const VcpuRtds&) const = default;
};

// What Xen gives a vCPU that nobody configured (xen/common/sched/rt.c: RTDS_DEFAULT_PERIOD and
// RTDS_DEFAULT_BUDGET, extratime set when the vCPU is allocated).
inline constexpr VcpuRtds kXenRtdsDefault{4000, 10000, true};

struct XenConfig {
  Located<std::string> version;  // "4.17"
  uint32_t major = 4, minor = 17;
  Located<std::vector<SchedulerKind>> schedulers;  // compiled in; defaulted: the version's stock build
  Located<SchedulerKind> scheduler;  // boot scheduler: Pool-0's; defaulted: credit2, span at `host.xen`
  std::vector<Located<std::string>> options;  // extra Xen boot options
  Located<uint64_t> rtds_overhead_us;         // analysis margin (µs); defaulted: Xen's timer_slop, 50us
  Located<IommuMode> iommu;  // iommu=; defaulted: on when a domain has PCI devices, else Xen's own
  Span span;
};

struct Dom0 {
  Located<uint64_t> memory;                // bytes, fixed: dom0_mem=X,max:X
  Located<uint32_t> vcpus;                 // dom0_max_vcpus
  Located<bool> pin;                       // dom0_vcpus_pin; defaulted: false
  std::optional<RtdsSpec> rtds;            // dom0's vCPUs when Pool-0 runs RTDS (absent: Xen's defaults)
  std::vector<Located<Bdf>> pciback_hide;  // devices xen-pciback takes at boot
  Span span;
};

struct Bridge {
  Located<std::string> name;
  std::vector<Located<std::string>> ports;
  AddressMode address = AddressMode::Manual;
  Located<std::string> cidr;     // Static only: "192.0.2.10/24"
  Located<std::string> gateway;  // Static only; absent when not given
  Span span;
};

struct VolumeGroup {
  Located<std::string> name;
  std::vector<Located<std::string>> devices;
  Located<uint64_t> size;  // bytes: capacity to check volumes against; absent when not given
  Span span;
};

// The exact images to boot, for a GRUB menu entry of xenplan's own.
struct Boot {
  Located<std::string> xen;      // /boot/xen-4.17-amd64.gz
  Located<std::string> kernel;   // dom0's kernel
  Located<std::string> initrd;   // absent when not given
  Located<std::string> cmdline;  // dom0's kernel command line; absent when not given
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
  Located<uint32_t> weight;  // 1..65535; absent when not given
  Located<uint32_t> cap;     // percent of one CPU, 0 = none; absent when not given
  Span span;
};

struct Disk {
  Located<std::string> vdev;
  DiskSource source = DiskSource::Volume;
  Located<std::string> path;  // File and Device
  Ref<VolumeGroup> group;     // Volume
  Located<uint64_t> size;     // Volume: bytes
  DiskFormat format = DiskFormat::Raw;
  Located<DiskAccess> access;    // defaulted: rw, or ro for a cdrom
  Located<bool> cdrom;           // devtype=cdrom; defaulted: false
  Located<std::string> script;   // block-SCRIPT interprets the target; absent when not given
  Located<bool> discard;         // discard / no-discard; absent: the backend's default
  Located<std::string> backend;  // the backend domain; absent: dom0
  Span span;
};

struct Mac {
  std::array<uint8_t, 6> octets{};
  std::string text() const;  // "00:16:3e:00:00:01"
  bool operator==(const Mac&) const = default;
};

struct Network {
  Ref<Bridge> bridge;
  Located<Mac> mac;              // absent: xl picks one
  Located<std::string> ip;       // for the hotplug script's filter; absent when not given
  Located<std::string> model;    // HVM emulated NIC: e1000, rtl8139, ...; absent: xl's default
  Located<std::string> rate;     // "10Mb/s" or "1MB/s@20ms", checked; absent: unlimited
  Located<std::string> vifname;  // the backend interface's name; absent: vifDOMID.DEVID
  Located<std::string> script;   // hotplug script; absent: vif-bridge
  Located<VifType> type;         // HVM only; absent: xl's default (ioemu)
  Located<std::string> backend;  // the backend domain; absent: dom0
  Span span;
};

struct Domain {
  Located<std::string> name;
  Located<DomainType> type;                // defaulted: pv
  Ref<Pool> pool;                          // name absent (or `Pool-0`): Pool-0
  Located<uint64_t> memory;                // bytes
  Located<uint64_t> maxmem;                // bytes; defaulted: memory
  Located<uint32_t> vcpus;                 // defaulted: 1
  Located<uint32_t> maxvcpus;              // defaulted: vcpus
  Located<CpuSet> cpus;                    // hard affinity of every vCPU; absent when not given (or per vCPU)
  std::vector<Located<CpuSet>> vcpu_cpus;  // hard affinity per vCPU (`cpus` as a list of sets)
  Located<CpuSet> cpus_soft;               // soft affinity; absent when not given
  std::optional<RtdsSpec> rtds;
  std::optional<CreditParams> credit;
  Located<std::string> kernel, ramdisk, cmdline, bootloader;  // each absent when not given
  Located<std::string> root, extra;  // xl's pieces of the command line; absent when not given
  std::vector<Located<std::string>> bootloader_args;
  Located<std::string> uuid;  // absent: derived from the host's and the domain's names
  Located<bool> autostart;    // defaulted: true; false: built, but xenplan-up leaves it down
  std::vector<Disk> disks;
  std::vector<Network> networks;
  std::vector<PciDevice> pci;
  std::vector<Located<uint32_t>> irqs;
  std::vector<IoPortRange> ioports;
  std::vector<IoMemRange> iomem;
  Located<std::string> serial;  // HVM: pty, none, or a host device path; absent when not given
  std::optional<Vnc> vnc;
  Located<VgaKind> vga;                       // HVM; absent: xl's default (cirrus)
  Located<uint64_t> videoram;                 // HVM, bytes (whole MiB); absent: the device model's default
  std::optional<Usb> usb;                     // HVM
  Located<std::vector<BootDevice>> boot;      // HVM boot order; absent: xl's default (disk, cdrom)
  Located<Firmware> firmware;                 // HVM; absent: the device model's default (BIOS)
  Located<DeviceModel> device_model_version;  // HVM; absent: qemu-xen
  Located<TscMode> tsc_mode;                  // absent: default
  Located<bool> localtime, acpi, viridian;    // HVM; each absent when not given
  Located<Action> on_poweroff;                // defaulted: destroy
  Located<Action> on_reboot;                  // defaulted: restart
  Located<Action> on_crash;                   // defaulted: destroy
  Located<Action> on_watchdog;                // HVM; absent: xl's default
  Located<bool> always_busy;                  // trusted: the guest never idles, so classical tests apply
  std::vector<XlSetting> xl;                  // other xl.cfg keys, passed through in the author's order
  Span span;
};

struct Model {
  const SourceFile* file = nullptr;  // where every span points
  Host host;
  std::vector<Pool> pools;
  std::vector<Domain> domains;

  // The entity a reference names, or null when it is not resolved.
  const Pool* find(const Ref<Pool>& ref) const;
  const Bridge* find(const Ref<Bridge>& ref) const;
  const VolumeGroup* find(const Ref<VolumeGroup>& ref) const;

  // Pool-0's CPUs: every host CPU no pool claims.
  CpuSet pool0_cpus() const;
  // Whether the domain runs in Pool-0: it names no pool, or Pool-0 itself.
  bool in_pool0(const Domain& d) const;
  // The pool a domain runs in, or null for Pool-0 (and for a pool that does not exist).
  const Pool* pool_of(const Domain& d) const;
  // CPUs a domain may run on: its pool's CPUs (Pool-0's when it has none).
  CpuSet domain_pool_cpus(const Domain& d) const;
  SchedulerKind domain_scheduler(const Domain& d) const;
  // False when the domain names a pool that does not exist, or whose scheduler or CPUs are unusable.
  bool domain_pool_known(const Domain& d) const;
  std::string_view domain_pool_name(const Domain& d) const;  // "Pool-0" when none

  // The only answer to "which RTDS budget and period does each vCPU run with": one entry per vCPU
  // (a domain's maxvcpus, dom0's vcpus), Xen's defaults where the description gives none.
  std::vector<VcpuRtds> rtds_parameters(const Domain& d) const;
  std::vector<VcpuRtds> dom0_rtds_parameters() const;
  // The CPU a pinned dom0's vCPU `v` runs on: Xen places dom0's vCPUs round-robin over the CPUs
  // (sched_select_initial_cpu), so with more vCPUs than CPUs the pinning wraps around.
  uint32_t dom0_pinned_cpu(uint32_t v) const;
  // The CPUs a pinned dom0 occupies in Pool-0 (empty when dom0 is not pinned).
  CpuSet dom0_pinned_cpus() const;
};

// The logical volume that backs a `volume` disk: <domain>-<vdev>, as xen-tools names them.
std::string volume_name(const Domain& d, const Disk& disk);

// One entry per vCPU from an `rtds` spec (absent: Xen's defaults for all of them).
std::vector<VcpuRtds> rtds_per_vcpu(const std::optional<RtdsSpec>& spec, uint32_t vcpus);

}  // namespace xenplan
