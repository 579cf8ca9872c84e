#include "base/render.h"

#include <fmt/format.h>

namespace xenplan {
namespace {

struct Palette {
  const char* bold = "";
  const char* error = "";
  const char* warning = "";
  const char* note = "";
  const char* caret = "";
  const char* reset = "";
};

Palette palette(bool color) {
  if (!color) return {};
  return {"\033[1m", "\033[1;31m", "\033[1;35m", "\033[1;36m", "\033[1;32m", "\033[0m"};
}

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

const char* severity_color(Severity s, const Palette& p) {
  switch (s) {
    case Severity::Error:
      return p.error;
    case Severity::Warning:
      return p.warning;
    case Severity::Note:
      return p.note;
  }
  return p.error;
}

// The header line plus, for positioned locations, the source line and its underline.
void render_place(std::string& out, const Location& where, Severity severity, std::string_view message,
                  std::string_view code_suffix, const Palette& p) {
  const std::string name = where.file ? where.file->name() : std::string("xenplan");
  if (!where.file || !where.positioned) {
    out += fmt::format("{}{}:{} {}{}:{} {}{}\n", p.bold, name, p.reset, severity_color(severity, p),
                       severity_word(severity), p.reset, message, code_suffix);
    return;
  }
  const LineCol at = where.file->locate(where.span.begin);
  out += fmt::format("{}{}:{}:{}:{} {}{}:{} {}{}\n", p.bold, name, at.line, at.column, p.reset,
                     severity_color(severity, p), severity_word(severity), p.reset, message, code_suffix);
  const std::string_view line = where.file->line_text(at.line);
  // Underline to the end of the span, but not past the end of its first line.
  const size_t start = at.column - 1;
  const size_t stop =
      std::min<size_t>(line.size(), start + std::max<uint32_t>(1, where.span.end - where.span.begin));
  const std::string gutter = fmt::format("{:>5} | ", at.line);
  out += gutter;
  out += line;
  out += '\n';
  std::string pad(gutter.size() - 2, ' ');
  pad += "| ";
  for (size_t i = 0; i < start && i < line.size(); ++i) pad += line[i] == '\t' ? '\t' : ' ';
  std::string marks = "^";
  if (stop > start + 1) marks += std::string(stop - start - 1, '~');
  out += fmt::format("{}{}{}{}\n", pad, p.caret, marks, p.reset);
}

}  // namespace

std::string render_diagnostic(const Diagnostic& d, const RenderOptions& options) {
  const Palette p = palette(options.color);
  std::string out;
  render_place(out, d.location, d.severity, d.message, fmt::format(" [{}]", code_info(d.code).id), p);
  for (const Note& n : d.notes) render_place(out, n.location, Severity::Note, n.message, "", p);
  if (!d.help.empty()) out += fmt::format("  {}help:{} {}\n", p.bold, p.reset, d.help);
  return out;
}

std::string render_diagnostics(const std::vector<Diagnostic>& ds, const RenderOptions& options) {
  std::string out;
  for (const auto& d : ds) out += render_diagnostic(d, options);
  return out;
}

std::string render_summary(size_t errors, size_t warnings) {
  std::string out;
  if (errors > 0) out += fmt::format("{} error{}", errors, errors == 1 ? "" : "s");
  if (warnings > 0) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} warning{}", warnings, warnings == 1 ? "" : "s");
  }
  return out;
}

}  // namespace xenplan
