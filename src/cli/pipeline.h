// The compiler's pipeline for one description, readable in one screen:
//   load → parse (YAML | xenplan) → build_model → validate → analyze
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/report.h"
#include "base/diagnostic.h"
#include "model/model.h"
#include "syntax/load.h"

namespace xenplan {

// Diagnostics reported while compiling point into `loaded.source`: keep the result alive for
// as long as they are used.
struct CompiledDescription {
  LoadedFile loaded;                       // owns the source text every diagnostic points into
  std::optional<Model> model;              // present when the description could be read into a model
  std::optional<AnalysisReport> analysis;  // present when the model passed validation
};

struct PipelineOptions {
  bool allow_unknown = false;  // a pool no test proves is a warning instead of an error
};

[[nodiscard]] CompiledDescription compile_front_end(const std::string& path,
                                                    const std::optional<Syntax>& syntax,
                                                    const PipelineOptions& options, DiagnosticSink& sink);

// The same, for text already in memory (tests, fuzzing).
[[nodiscard]] CompiledDescription compile_text(std::string name, std::string text, Syntax syntax,
                                               const PipelineOptions& options, DiagnosticSink& sink);

// Compiles every file, on as many threads as the machine has cores (descriptions are independent),
// returning the results and each file's diagnostics in the order of `paths`.
struct CompiledFile {
  CompiledDescription compiled;
  DiagnosticSink diagnostics;
};
[[nodiscard]] std::vector<CompiledFile> compile_all(const std::vector<std::string>& paths,
                                                    const std::optional<Syntax>& syntax,
                                                    const PipelineOptions& options);

}  // namespace xenplan
