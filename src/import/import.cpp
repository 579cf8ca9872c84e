// The import, readable in one function: the host's Xen line and dom0 from GRUB, the pools, the
// bridges, every domain through its mappers, then what the host must have for them (bridges
// nobody defined, volume groups, CPUs, memory), guessed where no source says.
#include "import/import.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/units.h"
#include "format/printers.h"
#include "import/domain_map.h"
#include "import/host_map.h"
#include "model/build_model.h"
#include "passes/memory_budget.h"

namespace xenplan {
namespace {

constexpr std::string_view kDefaultXen = "4.17";  // Debian 12's
constexpr uint64_t kGuessedDom0Memory = kGiB;

struct Collected {
  std::vector<std::string> bridges;
  std::vector<const LogicalVolume*> volumes;
  std::optional<uint32_t> highest_cpu;
  uint32_t most_vcpus = 1;
  uint64_t maxmem = 0;
};

// A key set more than once: xl keeps the last assignment, and the earlier ones do nothing.
void report_overridden(DomainMap& m) {
  for (const XlCfgSetting& s : m.source.cfg.settings) {
    for (const Span& earlier : s.overridden) {
      const LineCol last = m.source.file->locate(s.key_span.begin);
      m.note(FindingKind::Ignored, m.at(earlier), s.key,
             fmt::format("set again on line {}: xl keeps the last", last.line));
    }
  }
}

Draft map_domain(const XlSource& src, const ImportSources& sources, const std::vector<KnownPool>& pools,
                 ImportReport& report, DiagnosticSink& sink, Collected& c) {
  Draft d = Draft::map();
  DomainMap m{src, sources, pools, report, sink, d, XlKeys(src.cfg), {}, {}, DomainType::Pv, {}, 1};
  map_domain_core(m);
  map_affinity(m);
  map_credit(m);
  map_boot(m);
  map_identity(m);
  map_disks(m);
  map_vifs(m);
  map_pci_io(m);
  map_display(m);
  map_emulated(m);
  map_actions(m);
  map_xl_passthrough(m);
  report_overridden(m);
  for (const std::string& b : m.needs.bridges) {
    if (std::find(c.bridges.begin(), c.bridges.end(), b) == c.bridges.end()) c.bridges.push_back(b);
  }
  c.volumes.insert(c.volumes.end(), m.needs.volumes.begin(), m.needs.volumes.end());
  if (m.needs.highest_cpu) c.highest_cpu = std::max(c.highest_cpu.value_or(0), *m.needs.highest_cpu);
  c.most_vcpus = std::max(c.most_vcpus, m.maxvcpus);
  c.maxmem += m.needs.maxmem;
  return d;
}

void guess(ImportReport& report, Draft& at, std::string subject, std::string message) {
  Finding f{FindingKind::Guessed, {}, std::move(subject), std::move(message)};
  at.comment(finding_comment(f));
  report.add(std::move(f));
}

// Bridges the vifs attach to that no ifupdown stanza defines.
void add_missing_bridges(BridgesDraft& bridges, const Collected& c, ImportReport& report) {
  for (const std::string& name : c.bridges) {
    if (std::find(bridges.names.begin(), bridges.names.end(), name) != bridges.names.end()) continue;
    Draft b = Draft::map();
    b.set("name", Draft::text(name));
    b.set("ports", Draft::list());
    b.set("address", Draft::word("manual"));
    Draft& placed = bridges.list.push(std::move(b));
    guess(report, placed, fmt::format("bridge {}", name),
          "a vif attaches to it and no ifupdown stanza among the sources defines it: written without ports "
          "or address");
  }
}

Draft volume_groups(const Collected& c, ImportReport& report) {
  Draft list = Draft::list();
  std::vector<std::string> seen;
  for (const LogicalVolume* lv : c.volumes) {
    if (std::find(seen.begin(), seen.end(), lv->group) != seen.end()) continue;
    seen.push_back(lv->group);
    Draft devices = Draft::list();
    std::vector<std::string> names;
    for (const LogicalVolume* other : c.volumes) {
      if (other->group != lv->group) continue;
      for (const std::string& d : other->devices) {
        if (std::find(names.begin(), names.end(), d) == names.end()) names.push_back(d);
      }
    }
    for (const std::string& d : names) devices.push(Draft::text(d));
    Draft vg = Draft::map();
    vg.set("name", Draft::text(lv->group));
    vg.set("devices", std::move(devices));
    Draft& placed = list.push(std::move(vg));
    if (names.empty())
      guess(report, placed, fmt::format("volume group {}", lv->group),
            "the lvs output has no devices column: list the group's physical volumes");
  }
  return list;
}

// The Xen build the pools need: from 4.16 a stock build has credit and credit2 only.
void xen_schedulers(Draft& xen, const PoolsDraft& pools, SchedulerKind boot, const std::string& version,
                    ImportReport& report) {
  std::set<SchedulerKind> used = pools.schedulers;
  used.insert(boot);
  const bool stock =
      std::all_of(used.begin(), used.end(), [](SchedulerKind s) { return is_credit_family(s); });
  const bool old = version == "4.14" || version == "4.15";
  if (stock || old) return;
  Draft list = Draft::list();
  for (SchedulerKind s : {SchedulerKind::Credit, SchedulerKind::Credit2, SchedulerKind::Rtds,
                          SchedulerKind::Null, SchedulerKind::Arinc653}) {
    if (is_credit_family(s) || used.count(s)) list.push(Draft::word(std::string(scheduler_name(s))));
  }
  Draft& placed = xen.set("schedulers", std::move(list));
  guess(report, placed, "host.xen.schedulers",
        fmt::format("the pools run schedulers a stock Xen {} does not have: the host's build must have them",
                    version));
}

// The smallest whole number of GiB that holds the description's memory budget.
uint64_t guessed_memory(Draft& root, Draft& memory_field) {
  uint64_t memory = kGiB;
  for (int round = 0; round < 4; ++round) {
    memory_field = Draft::word(format_memory(memory));
    const std::string text = root.yaml();
    DiagnosticSink scratch;
    LoadedFile loaded = load_text("import", text, Syntax::Yaml, scratch);
    if (!loaded.parsed) return memory;
    const auto model = build_model(loaded.tree, *loaded.source, scratch);
    if (!model) return memory;
    const uint64_t need = memory_budget(*model).total();
    if (need <= memory) return memory;
    memory = (need + kGiB - 1) / kGiB * kGiB;
  }
  return memory;
}

// host.xen and host.dom0 from the Xen line, with what the line does not say guessed.
void xen_and_dom0(Draft& host, XenLine& xen, const PoolsDraft& pools, const HostFacts& facts,
                  uint32_t host_cpus, ImportReport& report) {
  const std::string version = facts.xen_version.value_or(std::string(kDefaultXen));
  xen.xen.set("version", Draft::text(version));
  if (!facts.xen_version)
    guess(report, *xen.xen.find("version"), "host.xen.version",
          fmt::format("no Xen version was given (--xen): {}, Debian 12's", version));
  xen_schedulers(xen.xen, pools, xen.scheduler.value_or(SchedulerKind::Credit2), version, report);
  host.set("xen", std::move(xen.xen));
  const uint32_t dom0_vcpus = xen.dom0_vcpus.value_or(host_cpus);
  xen.dom0.set("memory", Draft::word(format_memory(xen.dom0_memory.value_or(kGuessedDom0Memory))));
  xen.dom0.set("vcpus", Draft::number(dom0_vcpus));
  if (!xen.dom0_memory)
    guess(report, *xen.dom0.find("memory"), "dom0_mem",
          "the Xen command line has no dom0_mem: 1GiB; Xen's default gave dom0 nearly all memory to balloon");
  if (!xen.dom0_vcpus)
    guess(report, *xen.dom0.find("vcpus"), "dom0_max_vcpus",
          fmt::format("the Xen command line has no dom0_max_vcpus: {}, one per CPU as Xen's default",
                      dom0_vcpus));
  host.set("dom0", std::move(xen.dom0));
}

// The host's name and CPUs from the facts given, else guessed; returns the CPU count.
uint32_t host_facts(Draft& host, const HostFacts& facts, const Collected& c, const XenLine& xen,
                    ImportReport& report) {
  Draft& name = host.set("name", Draft::text(facts.name.value_or("xen-host")));
  if (!facts.name) guess(report, name, "host.name", "no host name was given (--host): set the host's");
  const uint32_t needed =
      std::max(c.highest_cpu.value_or(0) + 1, xen.dom0_pin ? xen.dom0_vcpus.value_or(1) : 1u);
  const uint32_t cpus = facts.cpus.value_or(needed);
  Draft& field = host.set("cpus", Draft::number(cpus));
  if (!facts.cpus)
    guess(report, field, "host.cpus",
          fmt::format(
              "no CPU count was given (--cpus): {}, the fewest the pools, affinities and a pinned dom0 need",
              needed));
  return cpus;
}

}  // namespace

ImportResult import_description(const ImportSources& sources, DiagnosticSink& sink) {
  ImportResult out;
  HostMap hm{sources, out.report, sink};
  XenLine xen = map_grub(hm);
  PoolsDraft pools = map_pools(hm, xen.scheduler.value_or(SchedulerKind::Credit2));
  BridgesDraft bridges = map_bridges(hm);
  Collected c;
  c.highest_cpu = pools.highest_cpu;
  Draft domains = Draft::list();
  for (const XlSource& src : sources.domains)
    domains.push(map_domain(src, sources, pools.known, out.report, sink, c));
  add_missing_bridges(bridges, c, out.report);
  for (const std::string& path : sources.skipped)
    out.report.add(
        {FindingKind::Ignored, {}, path, "not an xl.cfg (*.cfg), cpupool, GRUB defaults or ifupdown file"});

  Draft root = Draft::map();
  root.set("xenplan", Draft::word("1"));
  Draft& host = root.set("host", Draft::map());
  const uint32_t cpus = host_facts(host, sources.host, c, xen, out.report);
  Draft& memory = host.set("memory", Draft::word(format_memory(sources.host.memory.value_or(kGiB))));
  xen_and_dom0(host, xen, pools, sources.host, cpus, out.report);
  if (bridges.list.size() > 0) host.set("bridges", std::move(bridges.list));
  if (!c.volumes.empty()) host.set("volume_groups", volume_groups(c, out.report));
  out.pools = pools.known.size() - 1;
  if (pools.list.size() > 0) root.set("pools", std::move(pools.list));
  out.domains = domains.size();
  if (domains.size() > 0) root.set("domains", std::move(domains));
  if (!sources.host.memory) {
    const uint64_t m = guessed_memory(root, memory);
    memory = Draft::word(format_memory(m));
    guess(
        out.report, memory, "host.memory",
        fmt::format("no memory size was given (--memory): {}, the least that holds dom0, the domains and Xen",
                    format_memory(m)));
  }
  out.yaml = root.yaml();
  return out;
}

std::string print_imported(const std::string& yaml, Syntax syntax) {
  DiagnosticSink sink;
  const LoadedFile loaded = load_text("import", yaml, Syntax::Yaml, sink);
  if (!loaded.parsed) return yaml;  // cannot happen: import writes YAML its reader reads
  return syntax == Syntax::Xenplan ? print_dsl(loaded.tree, *loaded.source, {})
                                   : print_yaml(loaded.tree, *loaded.source, {});
}

}  // namespace xenplan
