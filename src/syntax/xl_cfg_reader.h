// The xl.cfg front end: the second file of the compiler that includes PEGTL (beside
// dsl_reader.cpp), with the grammar in grammar/xl_cfg_grammar.hpp.
#pragma once

#include <cstddef>

#include "base/diagnostic.h"
#include "syntax/xl_config.h"

namespace xenplan {

// Parses `file` as xl reads an xl.cfg or cpupool file. Returns false (after reporting the one
// syntax error, at its line and column, in words) when xl would reject the file.
bool read_xl_cfg(const SourceFile& file, XlCfgFile& out, DiagnosticSink& sink);

// How many grammar rules could loop without consuming input (PEGTL's analyze; must be 0), asked
// here so that the test need not include PEGTL (cmake/XenplanIncludeFence.cmake).
size_t xl_cfg_grammar_problems();

}  // namespace xenplan
