#include "cli/diagnostics_output.h"

#include <fmt/format.h>

#include <iostream>

#include "base/render.h"
#include "base/render_formats.h"
#include "cli/commands.h"

namespace xenplan {

DiagnosticsOutput::DiagnosticsOutput(const Options& options)
    : options_(options), color_(use_color(options.color)) {}

void DiagnosticsOutput::add(const DiagnosticSink& sink) {
  std::string text;
  for (Diagnostic d : sink.sorted()) {
    if (options_.werror && d.severity == Severity::Warning) {
      d.severity = Severity::Error;
      d.message += " (--werror)";
    }
    const bool error = d.severity == Severity::Error;
    errors_ += error ? 1 : 0;
    warnings_ += error ? 0 : 1;
    if (error && options_.error_limit > 0 && errors_ > options_.error_limit) {
      ++hidden_;
      continue;
    }
    if (machine())
      kept_.push_back(std::move(d));
    else
      text += render_diagnostic(d, {color_});
  }
  // Past the sink's limit, a description's diagnostics are only counted.
  const size_t omitted_errors = sink.omitted_errors(), omitted_warnings = sink.omitted_warnings();
  errors_ += omitted_errors;
  warnings_ += omitted_warnings;
  omitted_ += omitted_errors + omitted_warnings;
  std::cerr << text;
}

void DiagnosticsOutput::finish() {
  switch (options_.format) {
    case OutputFormat::Json:
      std::cout << diagnostics_json(kept_);
      break;
    case OutputFormat::Sarif:
      std::cout << diagnostics_sarif(kept_, XENPLAN_VERSION);
      break;
    case OutputFormat::Github:
      std::cout << diagnostics_github(kept_);
      break;
    case OutputFormat::Text:
      break;
  }
  if (omitted_ > 0) {
    std::cerr << fmt::format(
        "xenplan: {} more diagnostic{} not shown: xenplan keeps the first {} of a description\n", omitted_,
        omitted_ == 1 ? "" : "s", DiagnosticSink::kMaxKept);
  }
  if (hidden_ > 0) {
    std::cerr << fmt::format("xenplan: {} more error{} not shown (--error-limit {})\n", hidden_,
                             hidden_ == 1 ? "" : "s", options_.error_limit);
  }
  const std::string summary = render_summary(errors_, warnings_);
  if (!summary.empty() && !machine()) std::cerr << summary << '\n';
}

}  // namespace xenplan
