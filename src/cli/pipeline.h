// The compiler's pipeline for one description, readable in one screen:
//   load → parse (YAML | xenplan) → build_model → validate
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "model/model.h"
#include "syntax/load.h"

namespace xenplan {

// Diagnostics reported while compiling point into `loaded.source`: keep the result alive for
// as long as they are used.
struct CompiledDescription {
  LoadedFile loaded;           // owns the source text every diagnostic points into
  std::optional<Model> model;  // present when the description could be read into a model
};

[[nodiscard]] CompiledDescription compile_front_end(const std::string& path,
                                                    const std::optional<Syntax>& syntax,
                                                    DiagnosticSink& sink);

// The same, for text already in memory (tests, fuzzing).
[[nodiscard]] CompiledDescription compile_text(std::string name, std::string text, Syntax syntax,
                                               DiagnosticSink& sink);

}  // namespace xenplan
