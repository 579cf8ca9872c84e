// `xenplan check FILE...`: validate every description, report everything, write nothing.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "base/render.h"
#include "cli/commands.h"
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
  const RenderOptions render{use_color(options.color)};
  size_t errors = 0, warnings = 0;
  bool unreadable = false;
  for (const std::string& path : options.files) {
    DiagnosticSink sink;
    const CompiledDescription compiled =
        compile_front_end(path, options.syntax, {options.allow_unknown}, sink);
    std::cerr << render_diagnostics(sink.sorted(), render);
    unreadable = unreadable || !compiled.loaded.readable;
    errors += sink.error_count();
    warnings += sink.warning_count();
    if (compiled.model && !sink.has_errors()) {
      std::cout << fmt::format("{}: ", compiled.loaded.source->name()) << host_summary(*compiled.model);
    }
  }
  const std::string summary = render_summary(errors, warnings);
  if (!summary.empty()) std::cerr << summary << '\n';
  if (unreadable) return kExitUnreadable;
  return errors > 0 ? kExitInvalid : kExitOk;
}

}  // namespace xenplan
