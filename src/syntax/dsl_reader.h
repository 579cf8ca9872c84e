// The xenplan-language front end: the only file of the compiler that includes PEGTL.
#pragma once

#include "base/diagnostic.h"
#include "syntax/tree.h"

namespace xenplan {

// Parses `file` into `tree`. Returns false (after reporting the one syntax error) on failure.
bool read_dsl(const SourceFile& file, Tree& tree, DiagnosticSink& sink);

}  // namespace xenplan
