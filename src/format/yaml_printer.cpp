// The canonical YAML form: block mappings with two-space indentation, lists of scalars in flow
// style, lists of mappings as `- ` items, double quotes only where YAML needs them, comments kept.
#include <fmt/format.h>

#include "format/comments.h"
#include "format/printers.h"
#include "format/quoted_string.h"

namespace xenplan {
namespace {

// A scalar YAML reads back as the same plain text (no quoting needed, no other meaning).
bool plain_safe(std::string_view s, bool in_flow) {
  if (s.empty()) return false;
  const char first = s[0];
  if (!(std::isalnum(static_cast<unsigned char>(first)) || first == '_' || first == '/' || first == '.'))
    return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '/' || c == '.' || c == '-' ||
        c == '+' || c == '@' || c == '%') {
      continue;
    }
    if (c == ':' && i + 1 < s.size() && s[i + 1] != ' ')
      continue;  // MAC addresses; ": " would start a mapping
    if (c == ',' && !in_flow) continue;
    return false;
  }
  return true;
}

class YamlPrinter {
 public:
  YamlPrinter(const Tree& tree, const SourceFile& file, const PrintOptions& options)
      : tree_(tree), options_(options), comments_(tree, file) {}

  std::string print() {
    const Node& root = tree_.node(tree_.root());
    if (root.kind == NodeKind::Mapping && !root.entries.empty()) {
      mapping_entries(root, 0, "");
    } else if (root.kind == NodeKind::Sequence && !root.items.empty()) {
      for (NodeId id : root.items) item(tree_.node(id), "", 0);
    } else {
      // Not a description, but fmt still prints what it read: a lone value, [] or {}.
      out_ += root.kind == NodeKind::Mapping    ? "{}"
              : root.kind == NodeKind::Sequence ? "[]"
                                                : scalar(root, "", false);
      trailing(root.span.begin);
    }
    comments_.write_rest(out_);
    return out_;
  }

 private:
  void leading(uint32_t offset, int indent) { comments_.write_leading(out_, offset, indent); }
  void trailing(uint32_t offset) { comments_.write_trailing(out_, offset); }

  std::string scalar(const Node& n, std::string_view key, bool in_flow) const {
    if (n.kind == NodeKind::Null) return n.text.empty() ? "null" : n.text;
    std::string text = n.text;
    if (options_.normalise && !n.quoted && is_quantity_key(key)) text = normalise_units(text);
    return !n.quoted && plain_safe(text, in_flow) ? text : double_quoted(text);
  }

  // `anchor`: where the list's key begins, so a comment before its first item counts as inside.
  bool flat_list(const Node& n, uint32_t anchor) const {
    if (comments_.inside({std::min(anchor, n.span.begin), n.span.end})) return false;
    for (NodeId id : n.items) {
      const NodeKind k = tree_.node(id).kind;
      if (k != NodeKind::Scalar && k != NodeKind::Null) return false;
    }
    return true;
  }

  // Entries of a mapping at `indent`; `first_prefix` replaces the indentation of the first line
  // (a list item's "- ").
  void mapping_entries(const Node& m, int indent, std::string_view first_prefix) {
    bool first = true;
    for (const Entry& e : m.entries) {
      leading(e.key_span.begin, indent);
      const std::string pad = first && !first_prefix.empty() ? std::string(first_prefix)
                                                             : std::string(static_cast<size_t>(indent), ' ');
      first = false;
      const Node& v = tree_.node(e.value);
      const std::string key = plain_safe(e.key, true) ? e.key : double_quoted(e.key);
      // YAML limits implicit keys to 1024 characters; a longer one needs the explicit `? ` form.
      if (key.size() > 1000)
        out_ += fmt::format("{}? {}\n{:{}}:", pad, key, "", indent);
      else
        out_ += fmt::format("{}{}:", pad, key);
      value(v, e.key, indent, e.key_span.begin);
    }
  }

  void value(const Node& v, std::string_view key, int indent, uint32_t anchor) {
    switch (v.kind) {
      case NodeKind::Scalar:
      case NodeKind::Null:
        out_ += " " + scalar(v, key, false);
        trailing(anchor);
        return;
      case NodeKind::Mapping:
        if (v.entries.empty()) {
          out_ += " {}";
          trailing(anchor);
          return;
        }
        trailing(anchor);
        mapping_entries(v, indent + 2, "");
        return;
      case NodeKind::Sequence:
        if (flat_list(v, anchor)) {
          std::string items;
          for (NodeId id : v.items) items += (items.empty() ? "" : ", ") + scalar(tree_.node(id), key, true);
          out_ += fmt::format(" [{}]", items);
          trailing(anchor);
          return;
        }
        trailing(anchor);
        for (NodeId id : v.items) item(tree_.node(id), key, indent + 2);
        return;
    }
  }

  void item(const Node& n, std::string_view key, int indent) {
    leading(n.span.begin, indent);
    const std::string dash = fmt::format("{:{}}- ", "", indent);
    if (n.kind == NodeKind::Mapping && !n.entries.empty()) {
      mapping_entries(n, indent + 2, dash);
      return;
    }
    if (n.kind == NodeKind::Sequence) {
      out_ += dash.substr(0, dash.size() - 1);
      value(n, key, indent, n.span.begin);
      return;
    }
    out_ += dash + (n.kind == NodeKind::Mapping ? "{}" : scalar(n, key, false));
    trailing(n.span.begin);
  }

  const Tree& tree_;
  PrintOptions options_;
  CommentPlacer comments_;
  std::string out_;
};

}  // namespace

std::string print_yaml(const Tree& tree, const SourceFile& file, const PrintOptions& options) {
  return YamlPrinter(tree, file, options).print();
}

}  // namespace xenplan
