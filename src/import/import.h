// `xenplan import`: the sources (import/sources.h) to a description, with the report of what
// did not map exactly. The description comes as YAML text with a comment at every finding;
// print_imported() gives its canonical form, in either syntax, through the formatter.
#pragma once

#include <string>

#include "base/diagnostic.h"
#include "import/report.h"
#include "import/sources.h"
#include "syntax/load.h"

namespace xenplan {

struct ImportResult {
  std::string yaml;  // the description; its comments name every finding
  ImportReport report;
  size_t domains = 0;
  size_t pools = 0;
};

// Values the host's own xl rejects are errors in `sink` (code XP0801): then no description
// should be written from the result.
ImportResult import_description(const ImportSources& sources, DiagnosticSink& sink);

// The canonical form of an imported description in `syntax`, as `xenplan fmt` prints it.
std::string print_imported(const std::string& yaml, Syntax syntax);

}  // namespace xenplan
