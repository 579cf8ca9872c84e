// The analysis report for people (a table per pool) and for machines (report.json), and the
// diagnostics `check` reports for pools that are not proven.
#pragma once

#include <string>

#include "analysis/report.h"
#include "base/diagnostic.h"

namespace xenplan {

std::string report_text(const AnalysisReport& report);
std::string report_json(const AnalysisReport& report);

// Unschedulable pools are errors; unknown ones too unless `allow_unknown` makes them warnings.
void report_diagnostics(const AnalysisReport& report, const SourceFile* file, bool allow_unknown,
                        DiagnosticSink& sink);

}  // namespace xenplan
