// `xenplan analyze FILE`: the schedulability report of every pool, as text or JSON.
#include <iostream>

#include "analysis/render_report.h"
#include "base/render.h"
#include "cli/commands.h"
#include "cli/pipeline.h"

namespace xenplan {

int run_analyze(const Options& options) {
  DiagnosticSink sink;
  const CompiledDescription compiled =
      compile_front_end(options.files.front(), options.syntax, {options.allow_unknown}, sink);
  std::cerr << render_diagnostics(sink.sorted(), {use_color(options.color)});
  if (compiled.analysis) {
    std::cout << (options.format == OutputFormat::Json ? report_json(*compiled.analysis)
                                                       : report_text(*compiled.analysis));
  }
  const std::string summary = render_summary(sink.error_count(), sink.warning_count());
  if (!summary.empty()) std::cerr << summary << '\n';
  if (!compiled.loaded.readable) return kExitUnreadable;
  return sink.has_errors() ? kExitInvalid : kExitOk;
}

}  // namespace xenplan
