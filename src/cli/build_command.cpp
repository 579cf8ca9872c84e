// `xenplan build FILE -o DIR`: check, emit every artifact, and write them atomically.
#include <fmt/format.h>

#include <iostream>

#include "base/render.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/summary.h"
#include "emitters.h"
#include "output/write_tree.h"

namespace xenplan {

int run_build(const Options& options) {
  DiagnosticSink sink;
  const CompiledDescription compiled =
      compile_front_end(options.files.front(), options.syntax, {options.allow_unknown}, sink);
  std::cerr << render_diagnostics(sink.sorted(), {use_color(options.color)});
  const std::string summary = render_summary(sink.error_count(), sink.warning_count());
  if (!summary.empty()) std::cerr << summary << '\n';
  if (!compiled.loaded.readable) return kExitUnreadable;
  if (sink.has_errors() || !compiled.analysis) {
    std::cerr << "xenplan: nothing was written\n";
    return kExitInvalid;
  }
  const Artifacts artifacts = emit_artifacts(*compiled.model, *compiled.analysis);
  std::vector<TreeFile> files;
  for (const Artifact& a : artifacts) files.push_back({a.path, a.mode, a.content});
  const WriteOutcome written = write_tree(options.output, files, options.force, "\"generator\": \"xenplan\"");
  if (!written.ok) {
    std::cerr << fmt::format("xenplan: error: {}; nothing was written\n", written.error);
    return written.refused ? kExitUsage : kExitUnreadable;
  }
  std::cout << fmt::format("{}: ", compiled.loaded.source->name()) << host_summary(*compiled.model);
  std::cout << fmt::format("wrote {} files to {}:\n", artifacts.size(), options.output);
  for (const Artifact& a : artifacts) std::cout << fmt::format("  {:<12} {}\n", a.kind, a.path);
  return kExitOk;
}

}  // namespace xenplan
