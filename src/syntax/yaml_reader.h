// The YAML front end: the only file that includes yaml-cpp.
#pragma once

#include "base/diagnostic.h"
#include "syntax/tree.h"

namespace xenplan {

// Parses `file` into `tree`. Returns false (after reporting) on a syntax error or a limit.
bool read_yaml(const SourceFile& file, Tree& tree, DiagnosticSink& sink);

}  // namespace xenplan
