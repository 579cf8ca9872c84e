// Where diagnostics go: rendered for people on standard error as each file is read, or gathered
// into one json/sarif/github document on standard output at the end. Also applies --werror and
// --error-limit, and keeps the count that decides the exit status.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "cli/args.h"

namespace xenplan {

class DiagnosticsOutput {
 public:
  explicit DiagnosticsOutput(const Options& options);

  // The diagnostics of one file. Their source files must outlive finish().
  void add(const DiagnosticSink& sink);
  // Prints what is still to print: the text summary, or the machine document.
  void finish();

  size_t errors() const { return errors_; }
  bool machine() const { return options_.format != OutputFormat::Text; }

 private:
  const Options& options_;
  bool color_;
  std::vector<Diagnostic> kept_;  // machine formats: everything, printed at the end
  size_t errors_ = 0, warnings_ = 0, hidden_ = 0;
  size_t omitted_ = 0;  // counted, not kept, by a sink past DiagnosticSink::kMaxKept
};

}  // namespace xenplan
