// Renders diagnostics for people: `file:line:col: error: message [XP0123]`, the source line,
// a `^~~~` underline, notes at related places, help, and a closing summary.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace xenplan {

struct RenderOptions {
  bool color = false;
};

std::string render_diagnostic(const Diagnostic& d, const RenderOptions& options);
std::string render_diagnostics(const std::vector<Diagnostic>& ds, const RenderOptions& options);
// "2 errors, 1 warning"; empty when there is nothing to report.
std::string render_summary(size_t errors, size_t warnings);

}  // namespace xenplan
