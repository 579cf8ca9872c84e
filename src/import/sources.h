// What an import reads, in memory and already parsed: xl.cfg and cpupool files, GRUB defaults,
// ifupdown stanzas, `lvs` output and facts about the host. The mapping (import/import.h) reads
// only this, so sources read from files today and from a live host's command outputs later feed
// the same code. Every item keeps its place in a SourceFile owned here, for the report.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/source.h"
#include "syntax/xl_config.h"

namespace xenplan {

// An xl.cfg file of a domain, or a cpupool file (the same syntax).
struct XlSource {
  const SourceFile* file = nullptr;
  XlCfgFile cfg;
  std::optional<bool> autostart;  // known when a directory with /etc/xen/auto was read
};

// One `NAME=VALUE` of a GRUB defaults file (a shell script GRUB's scripts source).
struct ShellAssignment {
  std::string name;
  std::optional<std::string> value;  // absent: not evaluated (a command substitution, a condition)
  Span span;                         // the whole assignment
  Span value_span;
  bool conditional = false;  // inside if/case/a loop: it may or may not run
};

struct GrubSource {
  const SourceFile* file = nullptr;
  std::vector<ShellAssignment> assignments;  // in order
  std::vector<Span> commands;                // statements that are not assignments (echo, if ...)
};

// One line inside an `iface` stanza: `bridge_ports eth0`, `address 192.0.2.10/24`.
struct IfaceOption {
  std::string name;  // as written (bridge_ports or bridge-ports)
  std::string value;
  Span span;
};

struct IfaceStanza {
  std::string name;    // the interface
  std::string family;  // inet, inet6, ...
  std::string method;  // dhcp, static, manual, ...
  std::vector<IfaceOption> options;
  Span span;  // the `iface` line
};

// `auto NAME` or `allow-hotplug NAME`: when ifupdown brings the interface up.
struct IfaceStart {
  std::string keyword;
  std::string name;
  Span span;
};

struct InterfacesSource {
  const SourceFile* file = nullptr;
  std::vector<IfaceStanza> stanzas;
  std::vector<IfaceStart> starts;
  std::vector<Span> other;  // source, mapping and other lines that are not stanzas
};

// One line of `lvs --noheadings --units b --nosuffix -o vg_name,lv_name,lv_size,devices`.
struct LogicalVolume {
  std::string group;
  std::string name;
  uint64_t bytes = 0;
  std::vector<std::string> devices;  // physical volumes, without lvs' "(extent)"
  const SourceFile* file = nullptr;
  Span span;
};

// Facts about the host that no configuration file holds (`xl info` has them on a live host).
struct HostFacts {
  std::optional<std::string> name;
  std::optional<uint32_t> cpus;
  std::optional<uint64_t> memory;          // bytes
  std::optional<std::string> xen_version;  // "4.17"
};

struct ImportSources {
  std::vector<std::unique_ptr<SourceFile>> files;  // every text read; the items point into them
  HostFacts host;
  std::vector<XlSource> domains;
  std::vector<XlSource> pools;
  std::vector<GrubSource> grub;  // in the order GRUB sources them
  std::vector<InterfacesSource> interfaces;
  std::vector<LogicalVolume> volumes;
  std::vector<std::string> skipped;  // files of a directory that are none of these
};

}  // namespace xenplan
