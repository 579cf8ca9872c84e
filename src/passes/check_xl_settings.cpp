// A domain's `xl:` settings: every key exists in the target Xen's xl.cfg(5), and every string can
// be written into xl.cfg exactly (backends' xl_string() refuses control characters).
#include <fmt/format.h>

#include "base/echo.h"
#include "model/xl_keys.h"
#include "passes/checks.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

void check_version(PassContext& ctx, const XlSetting& s) {
  const XenConfig& xen = ctx.model.host.xen;
  const XlKey* key = find_xl_key(s.key.value);
  if (!xen.version.usable() || !key || key->since_minor <= xen.minor) return;
  ctx.sink
      .error(Code::UnknownKey, ctx.at(s.key.span),
             fmt::format("xl.cfg of Xen {} has no key {}; it came in Xen 4.{}", xen.version.value,
                         echo(key->name), key->since_minor))
      .help(fmt::format("remove {} from `xl`, or target Xen 4.{} or later in `host.xen.version`",
                        echo(key->name), key->since_minor));
}

void check_string(PassContext& ctx, const XlSetting& s, const std::string& text, Span span) {
  if (const auto problem = free_text_problem(text)) {
    ctx.sink
        .error(Code::InvalidString, ctx.at(span),
               fmt::format("a string of {} in `xl` is not valid: {}", echo(s.key.value), *problem))
        .help("xl.cfg strings are written on one line; remove the control character");
  }
}

void check_strings(PassContext& ctx, const XlSetting& s) {
  const XlValue& v = s.value.value;
  if (const auto* text = std::get_if<std::string>(&v)) check_string(ctx, s, *text, s.value.span);
  if (const auto* items = std::get_if<XlStrings>(&v)) {
    for (const auto& item : *items) check_string(ctx, s, item.value, item.span);
  }
  if (const auto* lists = std::get_if<std::vector<XlStrings>>(&v)) {
    for (const auto& list : *lists) {
      for (const auto& item : list) check_string(ctx, s, item.value, item.span);
    }
  }
}

}  // namespace

void check_xl(PassContext& ctx) {
  for (const Domain& d : ctx.model.domains) {
    for (const XlSetting& s : d.xl) {
      check_version(ctx, s);
      check_strings(ctx, s);
    }
  }
}

}  // namespace xenplan
