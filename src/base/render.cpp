#include "base/render.h"

#include <fmt/format.h>

#include "base/utf8.h"

namespace xenplan {
namespace {

// Text from a description is shown, never obeyed: control characters (a newline in a message, an
// escape sequence aimed at the terminal) come out as visible escapes. Tabs in source lines stay,
// so the underline keeps its alignment.
std::string visible(std::string_view text, bool keep_tabs) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    const size_t len = utf8_sequence_length(text, i);
    if (len > 1) {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    if (c == '\t' && keep_tabs)
      out += c;
    else if (c == '\n')
      out += "\\n";
    else if (u < 0x20 || u == 0x7f || len == 0)
      out += fmt::format("\\x{:02x}", u);
    else
      out += c;
    ++i;
  }
  return out;
}

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
    out += fmt::format("{}{}:{} {}{}:{} {}{}\n", p.bold, visible(name, false), p.reset,
                       severity_color(severity, p), severity_word(severity), p.reset, visible(message, false),
                       code_suffix);
    return;
  }
  const LineCol at = where.file->locate(where.span.begin);
  out += fmt::format("{}{}:{}:{}:{} {}{}:{} {}{}\n", p.bold, visible(name, false), at.line, at.column,
                     p.reset, severity_color(severity, p), severity_word(severity), p.reset,
                     visible(message, false), code_suffix);
  std::string_view line = where.file->line_text(at.line);
  // Underline to the end of the span, but not past the end of its first line.
  size_t start = at.column - 1;
  size_t stop =
      std::min<size_t>(line.size(), start + std::max<uint32_t>(1, where.span.end - where.span.begin));
  // A very long line (minified or hostile input) is shown as a window around the problem.
  constexpr size_t kWindow = 160, kBefore = 60;
  std::string prefix, suffix;
  if (line.size() > kWindow) {
    const size_t from = start > kBefore ? start - kBefore : 0;
    prefix = from > 0 ? "..." : "";
    suffix = from + kWindow < line.size() ? "..." : "";
    line = line.substr(from, kWindow);
    start -= from;
    stop = std::min(stop - from, line.size());
  }
  const std::string gutter = fmt::format("{:>5} | ", at.line);
  out += gutter + prefix + visible(line, true) + suffix + "\n";
  std::string pad(gutter.size() - 2, ' ');
  pad += "| " + std::string(prefix.size(), ' ');
  for (size_t i = 0; i < start && i < line.size(); ++i) {
    pad += line[i] == '\t' ? std::string("\t") : std::string(visible(line.substr(i, 1), true).size(), ' ');
  }
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
  if (!d.help.empty()) out += fmt::format("  {}help:{} {}\n", p.bold, p.reset, visible(d.help, false));
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
