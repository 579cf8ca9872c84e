// build_model: the syntax tree of one description → the typed Model, references resolved.
#pragma once

#include <optional>

#include "base/diagnostic.h"
#include "model/model.h"
#include "syntax/tree.h"

namespace xenplan {

// Returns a model whenever the tree is a versioned mapping; fields whose values had errors are
// left unknown (see known()) so passes can skip what depends on them.
// Returns nullopt when the description is not even a versioned mapping.
std::optional<Model> build_model(const Tree& tree, const SourceFile& file, DiagnosticSink& sink);

}  // namespace xenplan
