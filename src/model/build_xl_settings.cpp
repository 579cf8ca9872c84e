// Reads a domain's `xl:` mapping: keys of xl.cfg(5) xenplan has no field for, each with a value of
// the form xl's parser reads for that key (model/xl_keys.def). Unknown keys, keys xenplan writes
// itself and values of the wrong form are reported at the key or value.
#include <fmt/format.h>

#include <map>

#include "base/echo.h"
#include "base/edit_distance.h"
#include "model/builders.h"
#include "model/value_readers.h"
#include "model/xl_keys.h"

namespace xenplan {
namespace {

constexpr uint64_t kMaxXlNumber = 9223372036854775807;  // xl reads numbers into a C long

bool is_plain(const Node& node, std::string_view text) {
  return node.kind == NodeKind::Scalar && !node.quoted && node.text == text;
}

bool digits_only(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// What a value of the wrong form is missing, as help.
std::string form_help(const Node& node, const XlKey& key) {
  const bool scalar = node.kind == NodeKind::Scalar;
  if (scalar && node.quoted && has(key.forms, XlForm::Number) && digits_only(node.text))
    return "remove the quotes";
  if (scalar && has(key.forms, XlForm::Bool)) {
    if (node.quoted && (node.text == "true" || node.text == "false")) return "remove the quotes";
    return "write true or false; xenplan writes it to xl.cfg as 1 or 0";
  }
  if (scalar && has(key.forms, XlForm::Number))
    return fmt::format("write a decimal integer, in the unit xl.cfg(5) gives for {}", echo(key.name));
  std::string examples;
  for (const auto& [form, example] :
       {std::pair{XlForm::Bool, "true"}, std::pair{XlForm::Number, "8"},
        std::pair{XlForm::String, "\"text\""}, std::pair{XlForm::List, "[\"a\", \"b\"]"},
        std::pair{XlForm::Lists, "[[\"a\", \"b\"], [\"c\"]]"}}) {
    if (has(key.forms, form))
      examples += fmt::format("{}`{}: {}`", examples.empty() ? "" : " or ", key.name, example);
  }
  return "write, for example, " + examples;
}

std::nullopt_t wrong_form(Context& ctx, const Node& node, const XlKey& key) {
  const std::string found =
      node.kind == NodeKind::Scalar ? fmt::format("{}", echo(node.text)) : std::string(kind_name(node.kind));
  ctx.sink
      .error(Code::WrongType, ctx.at(node.span),
             fmt::format("xl reads {} as {}, found {}", echo(key.name), describe_forms(key.forms), found))
      .help(form_help(node, key));
  return std::nullopt;
}

std::optional<XlStrings> read_strings(Context& ctx, const Node& list, const XlKey& key) {
  XlStrings out;
  bool ok = true;
  for (NodeId id : list.items) {
    if (auto s = read_string(ctx, ctx.node(id), fmt::format("an entry of {}", echo(key.name))))
      out.push_back(std::move(*s));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<XlValue> read_lists(Context& ctx, const Node& list, const XlKey& key) {
  std::vector<XlStrings> out;
  bool ok = true;
  for (NodeId id : list.items) {
    const Node& item = ctx.node(id);
    std::optional<XlStrings> strings;
    if (item.kind == NodeKind::Sequence) {
      strings = read_strings(ctx, item, key);
    } else {
      ctx.sink.error(Code::WrongType, ctx.at(item.span),
                     fmt::format("an entry of {} must be a list of strings, found {}", echo(key.name),
                                 item.kind == NodeKind::Scalar ? fmt::format("`{}`", item.text)
                                                               : std::string(kind_name(item.kind))));
    }
    if (strings)
      out.push_back(std::move(*strings));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

// The value in the first form of the key's that fits: a list, true/false, a number, a string.
std::optional<XlValue> read_value(Context& ctx, const Node& node, const XlKey& key) {
  const XlForm forms = key.forms;
  if (node.kind == NodeKind::Sequence) {
    if (has(forms, XlForm::Lists)) return read_lists(ctx, node, key);
    if (has(forms, XlForm::List)) return read_strings(ctx, node, key);
    return wrong_form(ctx, node, key);
  }
  if (node.kind != NodeKind::Scalar) return wrong_form(ctx, node, key);
  if (has(forms, XlForm::Bool) && (is_plain(node, "true") || is_plain(node, "false")))
    return node.text == "true";
  const bool numeric = !node.quoted && (digits_only(node.text) || node.text.starts_with('-'));
  if (has(forms, XlForm::Number) && (numeric || !has(forms, XlForm::String))) {
    if (!numeric) return wrong_form(ctx, node, key);
    const auto n = read_uint(ctx, node, fmt::format("{}", echo(key.name)), 0, kMaxXlNumber);
    if (!n) return std::nullopt;
    return n->value;
  }
  if (has(forms, XlForm::String)) return node.text;
  return wrong_form(ctx, node, key);
}

void unknown_key(Context& ctx, const Entry& e, std::string_view where) {
  std::vector<std::string> names;
  for (const XlKey& k : xl_keys()) names.emplace_back(k.name);
  auto b = ctx.sink.error(Code::UnknownKey, ctx.at(e.key_span),
                          fmt::format("unknown xl.cfg key {} in {}", echo(e.key), where));
  if (const auto guess = closest_match(e.key, names)) {
    const XlKey* k = find_xl_key(*guess);
    b.help(k->written_from.empty() ? fmt::format("did you mean {}?", echo(*guess))
                                   : fmt::format("did you mean {}? xenplan writes it from the domain's {}",
                                                 echo(*guess), echo(k->written_from)));
  } else {
    b.help("`xl` takes the keys xl.cfg(5) of Xen 4.17 documents; check the spelling there");
  }
}

void generated_key(Context& ctx, const Entry& e, const XlKey& key, std::string_view where) {
  ctx.sink
      .error(Code::XlKeyGenerated, ctx.at(e.key_span),
             fmt::format("{} in {} is written by xenplan from the domain's {}", echo(e.key), where,
                         echo(key.written_from)))
      .help(fmt::format("remove it from `xl` and set the domain's {} instead", echo(key.written_from)));
}

}  // namespace

void read_xl_settings(Context& ctx, const Node& node, std::string_view what, std::vector<XlSetting>& out) {
  const std::string where = fmt::format("`xl` of {}", what);
  if (node.kind != NodeKind::Mapping) {
    ctx.sink.error(
        Code::WrongType, ctx.at(node.span),
        fmt::format("{} must be a mapping of xl.cfg keys to values, found {}", where, kind_name(node.kind)));
    return;
  }
  std::map<std::string_view, Span> first;
  for (const Entry& e : node.entries) {
    if (const auto [it, inserted] = first.emplace(e.key, e.key_span); !inserted) {
      ctx.sink
          .error(Code::DuplicateKey, ctx.at(e.key_span),
                 fmt::format("duplicate key {} in {}", echo(e.key), where))
          .note(ctx.at(it->second), "first given here")
          .help("remove one of them; YAML tools disagree about which one wins");
      continue;
    }
    const XlKey* key = find_xl_key(e.key);
    if (!key) {
      unknown_key(ctx, e, where);
    } else if (!key->written_from.empty()) {
      generated_key(ctx, e, *key, where);
    } else if (auto value = read_value(ctx, ctx.node(e.value), *key)) {
      out.push_back({written(e.key, e.key_span), written(std::move(*value), ctx.node(e.value).span)});
    }
  }
}

}  // namespace xenplan
