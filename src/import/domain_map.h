// What the mappers of one domain share: its xl.cfg file and the keys not yet taken, the draft
// of its description entry, the report, and what the host must then provide (bridges, volume
// groups, CPUs). One mapper per area, each the inverse of the emitter that writes the area
// (backends/xl_domain.cpp, backends/xl_device_specs.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "import/draft.h"
#include "import/report.h"
#include "import/sources.h"
#include "import/xl_values.h"
#include "model/model.h"

namespace xenplan {

// A pool the import knows, from a cpupool file.
struct KnownPool {
  std::string name;
  SchedulerKind scheduler = SchedulerKind::Credit2;
};

// What the host must give the domain, collected while mapping it.
struct DomainNeeds {
  std::vector<std::string> bridges;           // every bridge a vif attaches to
  std::vector<const LogicalVolume*> volumes;  // volumes its disks were recognised as
  std::optional<uint32_t> highest_cpu;        // the highest CPU an affinity names
  uint64_t maxmem = 0;                        // bytes
};

struct DomainMap {
  const XlSource& source;
  const ImportSources& sources;
  const std::vector<KnownPool>& pools;
  ImportReport& report;
  DiagnosticSink& sink;
  Draft& out;  // the domain's entry
  XlKeys keys;
  DomainNeeds needs;
  std::string name;                        // the domain's name, once read
  DomainType type = DomainType::Pv;        // xl's reading of type/builder
  std::optional<SchedulerKind> scheduler;  // of the pool it runs in, when known (Pool-0: host's)
  uint32_t maxvcpus = 1;

  Location at(Span span) const { return {source.file, span}; }
  Location whole() const { return Location::whole(source.file); }
  // Reports a finding, with a comment before `comment_at` (default: the domain's entry).
  void note(FindingKind kind, Location where, std::string subject, std::string message,
            Draft* comment_at = nullptr);
  // A value the host's own xl rejects: there is no running configuration to import.
  void reject(Location where, std::string message);

  // The value as xl reads it for a number or a string key; when xl would ignore the value (a
  // list, or not a whole number), that is reported and nullopt / null returned.
  std::optional<long> number(const XlCfgSetting& s);
  const std::string* text(const XlCfgSetting& s);
  // take() and number()/text() in one: nullopt / null when the key is absent or ignored.
  std::optional<long> take_number(std::string_view key);
  const std::string* take_text(std::string_view key);
};

// In the order the description's fields come in (and xl_domain.cpp writes them).
void map_domain_core(DomainMap& m);  // name, type, pool, memory, maxmem, vcpus, maxvcpus
void map_affinity(DomainMap& m);     // cpus, cpus_soft
void map_credit(DomainMap& m);       // cpu_weight, cap, and the SEDF-era scheduling keys
void map_boot(DomainMap& m);         // kernel, ramdisk, cmdline, root, extra, bootloader, firmware (PV)
void map_identity(DomainMap& m);     // uuid, autostart
void map_disks(DomainMap& m);        // disk
void map_vifs(DomainMap& m);         // vif
void map_pci_io(DomainMap& m);       // pci and its pci_* defaults, irqs, ioports, iomem
void map_display(DomainMap& m);      // vnc*, vfb, vga, stdvga, videoram, and SDL's display keys
void map_emulated(DomainMap& m);     // serial, usb*, boot, bios, firmware (HVM), device model, tsc_mode, ...
void map_actions(DomainMap& m);      // on_poweroff, on_reboot, on_crash, on_watchdog
void map_xl_passthrough(DomainMap& m);  // every key left: through `xl:` when it may, else reported

}  // namespace xenplan
