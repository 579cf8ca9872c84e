#include "cli/pipeline.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "analysis/analyze.h"
#include "analysis/render_report.h"
#include "model/build_model.h"
#include "passes/validate.h"

namespace xenplan {
namespace {

CompiledDescription finish(LoadedFile loaded, const PipelineOptions& options, DiagnosticSink& sink) {
  CompiledDescription out{std::move(loaded), std::nullopt, std::nullopt};
  if (!out.loaded.parsed) return out;
  out.model = build_model(out.loaded.tree, *out.loaded.source, sink);
  if (!out.model) return out;
  validate(*out.model, sink);
  if (sink.has_errors()) return out;  // the analysis needs a valid model
  out.analysis = analyze(*out.model);
  report_diagnostics(*out.analysis, out.loaded.source.get(), options.allow_unknown, sink);
  return out;
}

}  // namespace

CompiledDescription compile_front_end(const std::string& path, const std::optional<Syntax>& syntax,
                                      const PipelineOptions& options, DiagnosticSink& sink) {
  return finish(load_description(path, syntax ? &*syntax : nullptr, sink), options, sink);
}

CompiledDescription compile_text(std::string name, std::string text, Syntax syntax,
                                 const PipelineOptions& options, DiagnosticSink& sink) {
  return finish(load_text(std::move(name), std::move(text), syntax, sink), options, sink);
}

std::vector<CompiledFile> compile_all(const std::vector<std::string>& paths,
                                      const std::optional<Syntax>& syntax, const PipelineOptions& options) {
  std::vector<CompiledFile> out(paths.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < paths.size(); i = next++) {
      out[i].compiled = compile_front_end(paths[i], syntax, options, out[i].diagnostics);
    }
  };
  // Standard input can be read once only; one file is not worth a thread.
  const bool serial = paths.size() < 2 || std::find(paths.begin(), paths.end(), "-") != paths.end();
  const size_t workers =
      serial ? 1 : std::clamp<size_t>(std::thread::hardware_concurrency(), 1, paths.size());
  std::vector<std::thread> threads;
  for (size_t w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  return out;
}

}  // namespace xenplan
