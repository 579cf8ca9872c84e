#include "cli/pipeline.h"

#include "model/build_model.h"
#include "passes/validate.h"

namespace xenplan {
namespace {

CompiledDescription finish(LoadedFile loaded, DiagnosticSink& sink) {
  CompiledDescription out{std::move(loaded), std::nullopt};
  if (!out.loaded.parsed) return out;
  out.model = build_model(out.loaded.tree, *out.loaded.source, sink);
  if (out.model) validate(*out.model, sink);
  return out;
}

}  // namespace

CompiledDescription compile_front_end(const std::string& path, const std::optional<Syntax>& syntax,
                                      DiagnosticSink& sink) {
  return finish(load_description(path, syntax ? &*syntax : nullptr, sink), sink);
}

CompiledDescription compile_text(std::string name, std::string text, Syntax syntax, DiagnosticSink& sink) {
  return finish(load_text(std::move(name), std::move(text), syntax, sink), sink);
}

}  // namespace xenplan
