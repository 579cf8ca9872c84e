// The xenplan-language front end: the only file of the compiler that includes PEGTL.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/diagnostic.h"
#include "syntax/tree.h"

namespace xenplan {

// Parses `file` into `tree`. Returns false (after reporting the one syntax error) on failure.
bool read_dsl(const SourceFile& file, Tree& tree, DiagnosticSink& sink);

// How many grammar rules could loop without consuming input (PEGTL's analyze; must be 0). Here so
// that the test asking it need not include PEGTL itself (see cmake/XenplanIncludeFence.cmake).
size_t dsl_grammar_problems();

// Whether `text` is a key of the language (the grammar's `key` rule), without including PEGTL.
bool is_dsl_key(std::string_view text);

}  // namespace xenplan
