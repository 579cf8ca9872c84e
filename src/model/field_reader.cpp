#include "model/field_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/echo.h"
#include "base/edit_distance.h"

namespace xenplan {

MapReader::MapReader(Context& ctx, const Node& node, std::string what)
    : ctx_(ctx), node_(node), what_(std::move(what)) {
  if (node_.kind != NodeKind::Mapping) {
    ctx_.sink.error(
        Code::WrongType, ctx_.at(node_.span),
        fmt::format("{} must be a mapping of keys to values, found {}", what_, kind_name(node_.kind)));
  }
}

const Entry* MapReader::find(std::string_view key) const {
  if (node_.kind != NodeKind::Mapping) return nullptr;
  for (const Entry& e : node_.entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const Node* MapReader::optional(std::string_view key) {
  known_.emplace_back(key);
  const Entry* e = find(key);
  return e ? &ctx_.node(e->value) : nullptr;
}

const Node* MapReader::required(std::string_view key, std::string_view example) {
  const Node* value = optional(key);
  if (!value && node_.kind == NodeKind::Mapping) {
    ctx_.sink.error(Code::MissingField, ctx_.at(node_.span), fmt::format("{} has no {}", what_, echo(key)))
        .help(fmt::format("add `{}: {}`", key, example));
  }
  return value;
}

std::string MapReader::label(std::string_view key) {
  return fmt::format("{}", echo(key));
}

Span MapReader::key_span(std::string_view key) const {
  const Entry* e = find(key);
  return e ? e->key_span : node_.span;
}

void MapReader::finish() {
  if (node_.kind != NodeKind::Mapping) return;
  std::map<std::string_view, const Entry*> first;
  for (const Entry& e : node_.entries) {
    const auto [it, inserted] = first.emplace(e.key, &e);
    if (!inserted) {
      ctx_.sink
          .error(Code::DuplicateKey, ctx_.at(e.key_span),
                 fmt::format("duplicate key {} in {}", echo(e.key), what_))
          .note(ctx_.at(it->second->key_span), "first given here")
          .help("remove one of them; YAML tools disagree about which one wins");
    }
  }
  for (const Entry& e : node_.entries) {
    if (std::find(known_.begin(), known_.end(), e.key) != known_.end()) continue;
    auto b = ctx_.sink.error(Code::UnknownKey, ctx_.at(e.key_span),
                             fmt::format("unknown key {} in {}", echo(e.key), what_));
    if (const auto guess = closest_match(e.key, known_)) {
      b.help(fmt::format("did you mean {}?", echo(*guess)));
    } else {
      std::vector<std::string> sorted = known_;
      std::sort(sorted.begin(), sorted.end());
      std::string list;
      for (const auto& k : sorted) list += (list.empty() ? "" : ", ") + k;
      b.help(fmt::format("known keys here: {}", list));
    }
  }
}

}  // namespace xenplan
