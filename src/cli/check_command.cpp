// `xenplan check FILE...`: validate and analyse every description, report everything, write nothing.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/diagnostics_output.h"
#include "cli/pipeline.h"
#include "cli/summary.h"

namespace xenplan {

bool use_color(ColorMode mode) {
  if (mode == ColorMode::Always) return true;
  if (mode == ColorMode::Never) return false;
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && isatty(STDERR_FILENO) != 0;
}

int run_check(const Options& options) {
  DiagnosticsOutput output(options);
  // Kept alive until the end: diagnostics point into the sources.
  const std::vector<CompiledFile> files = compile_all(options.files, options.syntax, {options.allow_unknown});
  bool unreadable = false;
  for (const CompiledFile& f : files) {
    output.add(f.diagnostics);
    const CompiledDescription& c = f.compiled;
    unreadable = unreadable || !c.loaded.readable;
    if (c.model && !f.diagnostics.has_errors() && !output.machine()) {
      std::cout << fmt::format("{}: ", c.loaded.source->name()) << host_summary(*c.model);
    }
  }
  output.finish();
  if (unreadable) return kExitUnreadable;
  return output.errors() > 0 ? kExitInvalid : kExitOk;
}

}  // namespace xenplan
