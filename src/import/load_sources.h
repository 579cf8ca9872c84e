// Reading the sources `xenplan import` is given: files and directories (/etc/xen, /etc/default,
// /etc/network), each file recognised as an xl.cfg, a cpupool file, GRUB defaults or an ifupdown
// file by its name or, failing that, its content; and the `lvs` output.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "import/sources.h"

namespace xenplan {

struct ImportInputs {
  std::vector<std::string> paths;  // files and directories
  std::optional<std::string> lvs;  // the output of lvs (see import/lvs_reader.h)
  HostFacts host;
};

struct LoadedSources {
  ImportSources sources;
  bool readable = true;  // false: a path could not be read (exit status 3)
};

// Reads and parses every source; syntax errors and unreadable paths are reported in `sink`.
LoadedSources load_import_sources(const ImportInputs& inputs, DiagnosticSink& sink);

}  // namespace xenplan
