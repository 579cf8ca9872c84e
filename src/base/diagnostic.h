// One Diagnostic type for every problem xenplan reports, and the sink passes report into.
// Diagnostics stay structured (code, spans, notes) until a renderer prints them.
#pragma once

#include <string>
#include <vector>

#include "base/codes.h"
#include "base/source.h"

namespace xenplan {

enum class Severity { Error, Warning, Note };

// A place in a file. `file` is not owned; null when a problem has no place (a missing file).
struct Location {
  const SourceFile* file = nullptr;
  Span span;
  bool positioned = true;  // false: the problem concerns the file as a whole (unreadable, empty)

  static Location whole(const SourceFile* file) { return {file, {}, false}; }
};

struct Note {
  Location location;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  Code code = Code::SyntaxError;
  std::string message;  // starts lower-case, says what is wrong
  Location location;
  std::vector<Note> notes;
  std::string help;  // what to do, when the message alone does not say it
};

// Collects diagnostics from every pass; nothing stops at the first error.
class DiagnosticSink {
 public:
  // Builder returned by report(): add notes and help in place.
  class Builder {
   public:
    explicit Builder(Diagnostic& d) : d_(d) {}
    Builder& note(Location where, std::string message);
    Builder& help(std::string text);

   private:
    Diagnostic& d_;
  };

  Builder error(Code code, Location where, std::string message);
  Builder warning(Code code, Location where, std::string message);

  // A description can draw millions of diagnostics (2,000,000 unknown keys fit in 16 MB): the sink
  // keeps the first kMaxKept and counts the rest, so memory stays bounded.
  static constexpr size_t kMaxKept = 10'000;

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  size_t omitted_errors() const { return omitted_errors_; }
  size_t omitted_warnings() const { return omitted_warnings_; }
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }

  // Stable order for output: by file (first report order), then by position.
  std::vector<Diagnostic> sorted() const;

 private:
  Builder add(Severity severity, Code code, Location where, std::string message);

  std::vector<Diagnostic> diagnostics_;
  Diagnostic discarded_;  // what a Builder fills past kMaxKept
  size_t errors_ = 0;
  size_t warnings_ = 0;
  size_t omitted_errors_ = 0;
  size_t omitted_warnings_ = 0;
};

}  // namespace xenplan
