// Every key no other mapper took: passed through the domain's `xl:` when xl.cfg(5) documents it
// and xenplan writes it from no field (model/xl_keys.def), with its value in the form the key
// takes; everything else is reported, so no key is lost silently.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "import/domain_map.h"
#include "model/xl_keys.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

// Keys Xen 4.17's xl_parse.c still reads but xl.cfg(5) no longer documents (so `xl:` cannot take
// them), with what xl does with them.
struct Undocumented {
  std::string_view key;
  FindingKind kind;
  std::string_view message;
};
constexpr Undocumented kUndocumented[] = {
    {"device_model", FindingKind::Ignored, "xl ignores it (\"use device_model_override\")"},
    {"vncviewer", FindingKind::Ignored, "xl ignores it (\"use xl create -V\")"},
    {"vif2", FindingKind::Ignored, "xl ignores netchannel2 devices"},
    {"firmware_override", FindingKind::Dropped,
     "xl reads it, but xl.cfg(5) no longer documents it and `xl:` takes documented keys only"},
    {"display", FindingKind::Dropped,
     "xl reads it for SDL, but xl.cfg(5) no longer documents it and `xl:` takes documented keys only"},
    {"xauthority", FindingKind::Dropped,
     "xl reads it for SDL, but xl.cfg(5) no longer documents it and `xl:` takes documented keys only"},
};

bool printable(const std::string& s) {
  return !free_text_problem(s).has_value();
}

// The value in the form `xl:` takes for `key`, or nullopt with the reason in `why`.
std::optional<Draft> xl_value(const XlKey& key, const XlCfgValue& v, std::string& why) {
  if (v.is_list()) {
    const bool lists = has(key.forms, XlForm::Lists);
    if (!lists && !has(key.forms, XlForm::List)) {
      why = "xl reads a single value here and ignores a list";
      return std::nullopt;
    }
    Draft out = Draft::list();
    for (const XlCfgValue& item : v.items) {
      if (lists != item.is_list()) {
        why = lists ? "xl reads a list of lists here" : "xl stops at an item that is a list";
        return std::nullopt;
      }
      Draft inner = lists ? Draft::list() : Draft::text(item.text);
      for (const XlCfgValue& x : item.items) {
        if (!x.is_atom()) return why = "a list nested too deep", std::nullopt;
        if (!printable(x.text)) return why = "a string with a control character", std::nullopt;
        inner.push(Draft::text(x.text));
      }
      if (!lists && !printable(item.text)) return why = "a string with a control character", std::nullopt;
      out.push(std::move(inner));
    }
    return out;
  }
  const auto n = xl_long(v);
  if (has(key.forms, XlForm::Bool) && n) return Draft::word(*n ? "true" : "false");
  if (has(key.forms, XlForm::Number) && n) {
    if (*n < 0) return why = "a negative number, which the description cannot write", std::nullopt;
    return Draft::number(static_cast<uint64_t>(*n));
  }
  if (has(key.forms, XlForm::String)) {
    if (!printable(v.text)) return why = "a string with a control character", std::nullopt;
    return Draft::text(v.text);
  }
  why = has(key.forms, XlForm::Number) || has(key.forms, XlForm::Bool)
            ? fmt::format("xl reads a number here and ignores \"{}\"", v.text)
            : "xl reads a list here and ignores a single value";
  return std::nullopt;
}

}  // namespace

void map_xl_passthrough(DomainMap& m) {
  Draft xl = Draft::map();
  for (const XlCfgSetting* s : m.keys.rest()) {
    const XlKey* key = find_xl_key(s->key);
    if (!key) {
      const auto* u = std::find_if(std::begin(kUndocumented), std::end(kUndocumented),
                                   [&](const Undocumented& x) { return x.key == s->key; });
      if (u != std::end(kUndocumented))
        m.note(u->kind, m.at(s->key_span), s->key, std::string(u->message));
      else
        m.note(FindingKind::Ignored, m.at(s->key_span), s->key,
               "xl does not read this key (not in xl.cfg(5))");
      continue;
    }
    if (!key->written_from.empty()) {
      m.note(FindingKind::Dropped, m.at(s->value.span), s->key,
             fmt::format("xenplan writes it from the description's `{}`, and this value did not map there",
                         key->written_from));
      continue;
    }
    std::string why;
    if (auto value = xl_value(*key, s->value, why))
      xl.set(s->key, std::move(*value));
    else
      m.note(why.starts_with("xl ") ? FindingKind::Ignored : FindingKind::Dropped, m.at(s->value.span),
             s->key, why);
  }
  if (xl.size() > 0) m.out.set("xl", std::move(xl));
}

}  // namespace xenplan
