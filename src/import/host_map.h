// The host's part of an import: Xen's boot options and dom0 from the GRUB defaults, the cpupools
// from their files, the bridges from ifupdown stanzas. Each mapper drafts its part of the
// description and reports what did not map; import.cpp puts the parts together.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "import/domain_map.h"
#include "import/draft.h"
#include "import/report.h"
#include "import/sources.h"

namespace xenplan {

struct HostMap {
  const ImportSources& sources;
  ImportReport& report;
  DiagnosticSink& sink;

  // Reports a finding, with a comment before `comment_at`.
  void note(FindingKind kind, Location where, std::string subject, std::string message, Draft& comment_at);
};

// What the Xen command line of the GRUB defaults says (GRUB_CMDLINE_XEN, then _DEFAULT).
struct XenLine {
  Draft xen = Draft::map();   // host.xen without its version: scheduler, iommu, options
  Draft dom0 = Draft::map();  // host.dom0 without memory and vcpus when the line does not give them
  std::optional<SchedulerKind> scheduler;
  std::optional<uint64_t> dom0_memory;  // bytes
  std::optional<uint32_t> dom0_vcpus;
  bool dom0_pin = false;
  Location where;  // the variable that gave the line, for guesses about it
};
XenLine map_grub(HostMap& m);

struct PoolsDraft {
  Draft list = Draft::list();
  std::vector<KnownPool> known;  // with Pool-0 first, running the boot scheduler
  std::optional<uint32_t> highest_cpu;
  std::set<SchedulerKind> schedulers;  // what the pools run
};
PoolsDraft map_pools(HostMap& m, SchedulerKind boot_scheduler);

struct BridgesDraft {
  Draft list = Draft::list();
  std::vector<std::string> names;
};
BridgesDraft map_bridges(HostMap& m);

}  // namespace xenplan
