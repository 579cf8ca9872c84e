// The xenplan commands. Each returns its exit status (see ExitStatus).
#pragma once

#include "cli/args.h"

namespace xenplan {

int run_check(const Options& options);
int run_analyze(const Options& options);
int run_build(const Options& options);
int run_fmt(const Options& options);
int run_import(const Options& options);
int run_explain(const Options& options);

// Whether diagnostics on standard error get colour.
bool use_color(ColorMode mode);

}  // namespace xenplan
