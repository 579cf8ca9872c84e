#include "cli/pipeline.h"

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

}  // namespace xenplan
