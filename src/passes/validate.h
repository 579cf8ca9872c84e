// validate: every semantic check of a model, each family in its own file.
// Passes only read the model and report; they skip entities marked incomplete.
#pragma once

#include "base/diagnostic.h"
#include "model/model.h"

namespace xenplan {

void validate(const Model& model, DiagnosticSink& sink);

}  // namespace xenplan
