#include "import/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xenplan {

std::string_view finding_kind_name(FindingKind kind) {
  switch (kind) {
    case FindingKind::Dropped:
      return "dropped";
    case FindingKind::Guessed:
      return "guessed";
    case FindingKind::Defaulted:
      return "defaulted";
    case FindingKind::Rewritten:
      return "rewritten";
    case FindingKind::Ignored:
      return "ignored";
  }
  return "?";
}

size_t ImportReport::count(FindingKind kind) const {
  return static_cast<size_t>(
      std::count_if(findings_.begin(), findings_.end(), [&](const Finding& f) { return f.kind == kind; }));
}

std::string finding_place(const Finding& f) {
  if (!f.where.file) return "xenplan import";
  if (!f.where.positioned) return f.where.file->name();
  const LineCol at = f.where.file->locate(f.where.span.begin);
  return fmt::format("{}:{}:{}", f.where.file->name(), at.line, at.column);
}

std::string render_import_summary(const ImportReport& report, size_t files, size_t domains, size_t pools) {
  // Input order: files in the order they first appear, then by position in the file.
  std::map<const SourceFile*, size_t> order;
  for (const Finding& f : report.findings()) order.emplace(f.where.file, order.size());
  std::vector<const Finding*> sorted;
  for (const Finding& f : report.findings()) sorted.push_back(&f);
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Finding* a, const Finding* b) {
    const size_t fa = order[a->where.file], fb = order[b->where.file];
    if (fa != fb) return fa < fb;
    return a->where.span.begin < b->where.span.begin;
  });
  std::string out;
  for (const Finding* f : sorted)
    out +=
        fmt::format("{}: {} {}: {}\n", finding_place(*f), finding_kind_name(f->kind), f->subject, f->message);
  std::string counts;
  for (FindingKind k : {FindingKind::Dropped, FindingKind::Guessed, FindingKind::Defaulted,
                        FindingKind::Rewritten, FindingKind::Ignored}) {
    if (const size_t n = report.count(k))
      counts += fmt::format("{}{} {}", counts.empty() ? "; " : ", ", n, finding_kind_name(k));
  }
  auto plural = [](size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  out += fmt::format("xenplan import: {}, {}, {}{}\n", plural(files, "file", "files"),
                     plural(domains, "domain", "domains"), plural(pools, "pool", "pools"),
                     counts.empty() ? std::string("; every key mapped") : counts);
  return out;
}

}  // namespace xenplan
