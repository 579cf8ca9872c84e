#include "base/render_formats.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>
#include <vector>

#include "base/json.h"
#include "base/sha256.h"

namespace xenplan {
namespace {

const char* severity_word(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

struct Region {
  bool known = false;
  LineCol begin, end;
};

Region region_of(const Location& where) {
  if (!where.file || !where.positioned) return {};
  return {true, where.file->locate(where.span.begin),
          where.file->locate(std::max(where.span.end, where.span.begin + 1))};
}

std::string file_of(const Location& where) {
  return where.file ? where.file->name() : std::string();
}

void json_location(JsonWriter& j, const Location& where) {
  const Region r = region_of(where);
  j.key("file").value(file_of(where));
  if (!r.known) {
    for (const char* k : {"line", "column", "end_line", "end_column"}) j.key(k).null();
    return;
  }
  j.key("line").value(uint64_t{r.begin.line}).key("column").value(uint64_t{r.begin.column});
  j.key("end_line").value(uint64_t{r.end.line}).key("end_column").value(uint64_t{r.end.column});
}

// SARIF columns count Unicode code points, not bytes. Counting from the start of the line for
// every position made n diagnostics on one long line (a minified list) cost n times the line, so
// a long line's counts are taken once, at every kStride-th byte, and reused.
class CodePointColumns {
 public:
  uint64_t column(const SourceFile& file, LineCol at) {
    const std::string_view line = file.line_text(at.line);
    const size_t bytes = std::min<size_t>(at.column - 1, line.size());
    size_t from = 0;
    uint64_t column = 1;
    if (line.size() > kStride) {
      const std::vector<uint64_t>& marks = marks_of(file, at.line, line);
      from = bytes / kStride * kStride;
      column = marks[bytes / kStride];
    }
    column += code_points(line.substr(from, bytes - from));
    return column + (at.column - 1 - bytes);  // a position past the line's end counts bytes
  }

 private:
  static constexpr size_t kStride = 256;

  static uint64_t code_points(std::string_view text) {
    uint64_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    return n;
  }

  // The column of every kStride-th byte of the line.
  const std::vector<uint64_t>& marks_of(const SourceFile& file, uint32_t line_number, std::string_view line) {
    std::vector<uint64_t>& marks = marks_[{&file, line_number}];
    if (marks.empty()) {
      marks.push_back(1);
      for (size_t at = kStride; at <= line.size(); at += kStride)
        marks.push_back(marks.back() + code_points(line.substr(at - kStride, kStride)));
    }
    return marks;
  }

  std::map<std::pair<const SourceFile*, uint32_t>, std::vector<uint64_t>> marks_;
};

void sarif_location(JsonWriter& j, CodePointColumns& columns, const Location& where,
                    const std::string* message) {
  j.begin_object().key("physicalLocation").begin_object();
  j.key("artifactLocation").begin_object().key("uri").value(relative_uri(file_of(where))).end_object();
  const Region r = region_of(where);
  if (r.known) {
    j.key("region").begin_object();
    j.key("startLine")
        .value(uint64_t{r.begin.line})
        .key("startColumn")
        .value(columns.column(*where.file, r.begin));
    j.key("endLine").value(uint64_t{r.end.line}).key("endColumn").value(columns.column(*where.file, r.end));
    j.end_object();
  }
  j.end_object();
  if (message) j.key("message").begin_object().key("text").value(*message).end_object();
  j.end_object();
}

// GitHub's workflow commands escape %, CR and LF in data, and also : and , in properties.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string relative_uri(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty() || path[0] != '/') return path;
  std::error_code ec;
  const fs::path relative = fs::path(path).lexically_relative(fs::current_path(ec));
  const std::string text = relative.generic_string();
  return ec || text.empty() || text.starts_with("..") ? path : text;
}

std::string diagnostics_json(const std::vector<Diagnostic>& ds) {
  JsonWriter j;
  size_t errors = 0, warnings = 0;
  j.begin_object().key("diagnostics").begin_array();
  for (const Diagnostic& d : ds) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
    j.begin_object().key("severity").value(severity_word(d.severity)).key("code").value(code_info(d.code).id);
    j.key("message").value(d.message);
    json_location(j, d.location);
    j.key("notes").begin_array();
    for (const Note& n : d.notes) {
      j.begin_object().key("message").value(n.message);
      json_location(j, n.location);
      j.end_object();
    }
    j.end_array();
    if (d.help.empty())
      j.key("help").null();
    else
      j.key("help").value(d.help);
    j.end_object();
  }
  j.end_array().key("errors").value(uint64_t{errors}).key("warnings").value(uint64_t{warnings}).end_object();
  return j.finish();
}

std::string diagnostics_sarif(const std::vector<Diagnostic>& ds, const std::string& version) {
  std::map<std::string_view, size_t> rule_index;  // in order of first use
  std::vector<const CodeInfo*> rules;
  for (const Diagnostic& d : ds) {
    const CodeInfo& c = code_info(d.code);
    if (rule_index.emplace(c.id, rules.size()).second) rules.push_back(&c);
  }
  JsonWriter j;
  j.begin_object().key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
  j.key("version").value("2.1.0").key("runs").begin_array().begin_object();
  j.key("tool").begin_object().key("driver").begin_object();
  j.key("name").value("xenplan").key("version").value(version).key("semanticVersion").value(version);
  j.key("rules").begin_array();
  for (const CodeInfo* c : rules) {
    j.begin_object().key("id").value(c->id);
    j.key("shortDescription").begin_object().key("text").value(c->summary).end_object();
    j.key("fullDescription").begin_object().key("text").value(c->why).end_object();
    j.key("help")
        .begin_object()
        .key("text")
        .value(fmt::format("{} Example fix: {}.", c->why, c->fix))
        .end_object();
    j.end_object();
  }
  j.end_array().end_object().end_object();
  j.key("columnKind").value("unicodeCodePoints");
  j.key("results").begin_array();
  CodePointColumns columns;
  for (const Diagnostic& d : ds) {
    const CodeInfo& c = code_info(d.code);
    const std::string message = d.help.empty() ? d.message : fmt::format("{} (help: {})", d.message, d.help);
    j.begin_object().key("ruleId").value(c.id).key("ruleIndex").value(uint64_t{rule_index[c.id]});
    j.key("level").value(severity_word(d.severity));
    j.key("message").begin_object().key("text").value(message).end_object();
    j.key("locations").begin_array();
    sarif_location(j, columns, d.location, nullptr);
    j.end_array();
    if (!d.notes.empty()) {
      j.key("relatedLocations").begin_array();
      for (const Note& n : d.notes) sarif_location(j, columns, n.location, &n.message);
      j.end_array();
    }
    // Stable across edits elsewhere in the file: the rule, the file and the message, not the line.
    const std::string fingerprint =
        sha256_hex(fmt::format("{}\n{}\n{}", c.id, relative_uri(file_of(d.location)), d.message))
            .substr(0, 32);
    j.key("partialFingerprints").begin_object().key("xenplanFingerprint/v1").value(fingerprint).end_object();
    j.end_object();
  }
  j.end_array().end_object().end_array().end_object();
  return j.finish();
}

std::string diagnostics_github(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) {
    const CodeInfo& c = code_info(d.code);
    std::string props = fmt::format("file={}", github_escape(relative_uri(file_of(d.location)), true));
    const Region r = region_of(d.location);
    if (r.known) {
      props += fmt::format(",line={},col={},endLine={},endColumn={}", r.begin.line, r.begin.column,
                           r.end.line, r.end.column);
    }
    props += fmt::format(",title={}", c.id);
    std::string message = d.message;
    if (!d.help.empty()) message += fmt::format("\nhelp: {}", d.help);
    out += fmt::format("::{} {}::{}\n",
                       d.severity == Severity::Error     ? "error"
                       : d.severity == Severity::Warning ? "warning"
                                                         : "notice",
                       props, github_escape(message, false));
  }
  return out;
}

}  // namespace xenplan
