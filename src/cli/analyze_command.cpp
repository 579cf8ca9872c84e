// `xenplan analyze FILE`: the schedulability report of every pool, as text or JSON.
#include <iostream>

#include "analysis/render_report.h"
#include "cli/commands.h"
#include "cli/diagnostics_output.h"
#include "cli/pipeline.h"

namespace xenplan {

int run_analyze(const Options& options) {
  Options text_diagnostics = options;  // the report owns standard output; diagnostics stay text
  text_diagnostics.format = OutputFormat::Text;
  DiagnosticsOutput output(text_diagnostics);
  DiagnosticSink sink;
  const CompiledDescription compiled =
      compile_front_end(options.files.front(), options.syntax, {options.allow_unknown}, sink);
  output.add(sink);
  if (compiled.analysis) {
    std::cout << (options.format == OutputFormat::Json ? report_json(*compiled.analysis)
                                                       : report_text(*compiled.analysis));
  }
  output.finish();
  if (!compiled.loaded.readable) return kExitUnreadable;
  return output.errors() > 0 ? kExitInvalid : kExitOk;
}

}  // namespace xenplan
