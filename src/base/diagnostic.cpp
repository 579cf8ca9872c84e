#include "base/diagnostic.h"

#include <algorithm>
#include <map>

#include "base/echo.h"

namespace xenplan {

DiagnosticSink::Builder& DiagnosticSink::Builder::note(Location where, std::string message) {
  d_.notes.push_back({where, bounded(std::move(message))});
  return *this;
}

DiagnosticSink::Builder& DiagnosticSink::Builder::help(std::string text) {
  d_.help = bounded(std::move(text));
  return *this;
}

DiagnosticSink::Builder DiagnosticSink::error(Code code, Location where, std::string message) {
  ++errors_;
  return add(Severity::Error, code, where, std::move(message));
}

DiagnosticSink::Builder DiagnosticSink::warning(Code code, Location where, std::string message) {
  ++warnings_;
  return add(Severity::Warning, code, where, std::move(message));
}

DiagnosticSink::Builder DiagnosticSink::add(Severity severity, Code code, Location where,
                                            std::string message) {
  if (diagnostics_.size() >= kMaxKept) {
    ++(severity == Severity::Error ? omitted_errors_ : omitted_warnings_);
    discarded_ = Diagnostic{severity, code, {}, where, {}, {}};
    return Builder(discarded_);
  }
  diagnostics_.push_back(Diagnostic{severity, code, bounded(std::move(message)), where, {}, {}});
  return Builder(diagnostics_.back());
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
  std::map<const SourceFile*, size_t> file_rank;
  for (const auto& d : diagnostics_) file_rank.emplace(d.location.file, file_rank.size());
  std::vector<Diagnostic> out = diagnostics_;
  std::stable_sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const size_t fa = file_rank[a.location.file], fb = file_rank[b.location.file];
    if (fa != fb) return fa < fb;
    return a.location.span.begin < b.location.span.begin;
  });
  return out;
}

}  // namespace xenplan
