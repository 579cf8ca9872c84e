#include "import/domain_map.h"

#include <fmt/format.h>

namespace xenplan {

std::string finding_comment(const Finding& f) {
  return fmt::format("{} {}: {} ({})", finding_kind_name(f.kind), f.subject, f.message, finding_place(f));
}

void DomainMap::note(FindingKind kind, Location where, std::string subject, std::string message,
                     Draft* comment_at) {
  Finding f{kind, where, std::move(subject), std::move(message)};
  (comment_at ? *comment_at : out).comment(finding_comment(f));
  report.add(std::move(f));
}

void DomainMap::reject(Location where, std::string message) {
  sink.error(Code::XlRejects, where, std::move(message))
      .help(
          "the host's xl refuses this file too, so no domain runs from it; fix it, or leave it out of the "
          "import");
}

std::optional<long> DomainMap::number(const XlCfgSetting& s) {
  if (const auto n = xl_long(s.value)) return n;
  note(FindingKind::Ignored, at(s.value.span), s.key,
       s.value.is_list() ? "xl reads a number here and ignores a list"
                         : fmt::format("xl reads a number here and ignores \"{}\"", s.value.text));
  return std::nullopt;
}

const std::string* DomainMap::text(const XlCfgSetting& s) {
  if (const std::string* t = xl_text(s.value)) return t;
  note(FindingKind::Ignored, at(s.value.span), s.key, "xl reads a single string here and ignores a list");
  return nullptr;
}

std::optional<long> DomainMap::take_number(std::string_view key) {
  const XlCfgSetting* s = keys.take(key);
  return s ? number(*s) : std::nullopt;
}

const std::string* DomainMap::take_text(std::string_view key) {
  const XlCfgSetting* s = keys.take(key);
  return s ? text(*s) : nullptr;
}

}  // namespace xenplan
