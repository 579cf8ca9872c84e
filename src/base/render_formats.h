// Diagnostics for machines: one JSON document, SARIF 2.1.0 for code scanning, and GitHub Actions
// workflow commands. Positions are 1-based; end positions point just past the span.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace xenplan {

// {"diagnostics": [{severity, code, message, file, line, column, end_line, end_column, notes, help}],
//  "errors": N, "warnings": N}
std::string diagnostics_json(const std::vector<Diagnostic>& ds);

// SARIF 2.1.0: tool.driver with a rule per code used, results with repository-relative URIs,
// regions and stable partialFingerprints. `version` is xenplan's.
std::string diagnostics_sarif(const std::vector<Diagnostic>& ds, const std::string& version);

// One `::error file=…,line=…,col=…,title=XP…::message` line per diagnostic.
std::string diagnostics_github(const std::vector<Diagnostic>& ds);

// A path as a repository-relative URI: relative paths as they are, absolute ones relative to the
// working directory when they are below it.
std::string relative_uri(const std::string& path);

}  // namespace xenplan
