// The xl.cfg front end: the second file of the compiler that includes PEGTL (beside
// dsl_reader.cpp), with the grammar in grammar/xl_cfg_grammar.hpp.
#pragma once

#include "base/diagnostic.h"
#include "syntax/xl_config.h"

namespace xenplan {

// Parses `file` as xl reads an xl.cfg or cpupool file. Returns false (after reporting the one
// syntax error, at its line and column, in words) when xl would reject the file.
bool read_xl_cfg(const SourceFile& file, XlCfgFile& out, DiagnosticSink& sink);

}  // namespace xenplan
