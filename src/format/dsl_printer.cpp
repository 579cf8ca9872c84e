// The canonical xenplan-language form: two-space indentation, `key value` per line, short blocks
// and lists of words on one line, named blocks through the sugar table, comments kept.
#include <fmt/format.h>

#include "format/comments.h"
#include "format/printers.h"
#include "format/quoted_string.h"
#include "syntax/sugar.h"

namespace xenplan {
namespace {

constexpr size_t kLineWidth = 100;

bool is_word(std::string_view s, bool in_list) {
  if (s.empty()) return false;
  auto start = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '/' || c == '.';
  };
  if (!start(s[0])) return false;
  for (char c : s) {
    if (start(c) || c == ':' || c == '+' || c == '@' || c == '%' || c == '-' || (c == ',' && !in_list))
      continue;
    return false;
  }
  return true;
}

class DslPrinter {
 public:
  DslPrinter(const Tree& tree, const SourceFile& file, const PrintOptions& options)
      : tree_(tree), options_(options), comments_(tree, file) {}

  std::string print() {
    const Node& root = tree_.node(tree_.root());
    bool first = true;
    for (const Entry& e : root.entries) {
      const Node& v = tree_.node(e.value);
      const bool big = v.kind == NodeKind::Mapping || (v.kind == NodeKind::Sequence && !v.items.empty() &&
                                                       tree_.node(v.items[0]).kind == NodeKind::Mapping);
      if (!first && big) out_ += '\n';
      if (e.key == "xenplan" && v.kind != NodeKind::Mapping && v.kind != NodeKind::Sequence) {
        leading(e.key_span.begin, 0);
        out_ += "xenplan " + scalar(v, "", false);
        trailing(e.key_span.begin);
      } else {
        entry(e, BlockContext::Top, 0);
      }
      first = false;
    }
    comments_.write_rest(out_);
    return out_;
  }

 private:
  void leading(uint32_t offset, int indent) { comments_.write_leading(out_, offset, indent); }
  void trailing(uint32_t offset) { comments_.write_trailing(out_, offset); }

  std::string scalar(const Node& n, std::string_view key, bool in_list) const {
    std::string text = n.kind == NodeKind::Null && n.text.empty() ? "null" : n.text;
    if (options_.normalise && !n.quoted && is_quantity_key(key)) text = normalise_units(text);
    return !n.quoted && is_word(text, in_list) ? text : double_quoted(text);
  }

  // The value on one line, or empty when it does not fit or holds comments.
  std::string inline_value(const Node& n, std::string_view key, BlockContext ctx, bool in_list) const {
    if (n.kind == NodeKind::Scalar || n.kind == NodeKind::Null) return scalar(n, key, in_list);
    if (comments_.inside(n.span)) return {};
    std::string out = n.kind == NodeKind::Sequence ? "[" : "{ ";
    if (n.kind == NodeKind::Sequence) {
      for (size_t i = 0; i < n.items.size(); ++i) {
        const std::string item = inline_value(tree_.node(n.items[i]), key, context_inside(ctx, key), true);
        if (item.empty()) return {};
        out += (i ? ", " : "") + item;
      }
      return out + "]";
    }
    if (n.entries.empty()) return "{}";
    for (const Entry& e : n.entries) {
      const Node& v = tree_.node(e.value);
      if (v.kind == NodeKind::Mapping || (v.kind == NodeKind::Sequence && sugar_for_key(ctx, e.key)))
        return {};
      const std::string value = inline_value(v, e.key, ctx, false);
      if (value.empty()) return {};
      out += fmt::format("{} {}  ", e.key, value);
    }
    out.resize(out.size() - 1);
    return out + "}";
  }

  void entry(const Entry& e, BlockContext ctx, int indent) {
    const Node& v = tree_.node(e.value);
    const Sugar* sugar = sugar_for_key(ctx, e.key);
    if (sugar && sugar->is_list && v.kind == NodeKind::Sequence && all_mappings(v)) {
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0 && indent == 0) out_ += '\n';
        named_block(*sugar, tree_.node(v.items[i]), indent);
      }
      return;
    }
    if (sugar && !sugar->is_list && v.kind == NodeKind::Mapping) {
      named_block(*sugar, v, indent);
      return;
    }
    leading(e.key_span.begin, indent);
    const std::string head = fmt::format("{:{}}{} ", "", indent, e.key);
    // A comment between the key and its block's first entry lies outside the block's own span.
    const bool comment_inside =
        v.kind != NodeKind::Scalar && comments_.inside({e.key_span.begin, v.span.end});
    const std::string one_line = comment_inside ? std::string() : inline_value(v, e.key, ctx, false);
    if (!one_line.empty() && head.size() + one_line.size() <= kLineWidth) {
      out_ += head + one_line;
      trailing(e.key_span.begin);
      return;
    }
    block_body(head, v, e.key_span.begin, e.key, context_inside(ctx, e.key), indent);
  }

  // `pool rt { ... }`: the name comes out of the mapping onto the block's first line.
  void named_block(const Sugar& s, const Node& item, int indent) {
    leading(item.span.begin, indent);
    std::string head = fmt::format("{:{}}{} ", "", indent, s.keyword);
    const Entry* name = nullptr;
    for (const Entry& e : item.entries) {
      const Node& v = tree_.node(e.value);
      if (!s.name_key.empty() && e.key == s.name_key && v.kind == NodeKind::Scalar && !v.quoted &&
          is_word(v.text, false)) {
        name = &e;
      }
    }
    if (name) head += tree_.node(name->value).text + " ";
    Node rest = item;  // the block without its name entry
    rest.entries.clear();
    for (const Entry& e : item.entries) {
      if (&e != name) rest.entries.push_back(e);
    }
    const std::string one_line = inline_value(rest, "", s.inner, false);
    if (!one_line.empty() && head.size() + one_line.size() <= kLineWidth && indent > 0) {
      out_ += head + one_line;
      trailing(item.span.begin);
      return;
    }
    block_body(head, rest, item.span.begin, "", s.inner, indent);
  }

  void block_body(const std::string& head, const Node& v, uint32_t anchor, std::string_view key,
                  BlockContext inner, int indent) {
    if (v.kind == NodeKind::Sequence) {
      out_ += head + "[";
      trailing(anchor);
      for (NodeId id : v.items) {
        const Node& item = tree_.node(id);
        leading(item.span.begin, indent + 2);
        std::string text = inline_value(item, key, inner, true);
        if (text.empty()) {
          block_body(fmt::format("{:{}}", "", indent + 2), item, item.span.begin, key, inner, indent + 2);
          out_.back() = ',';
          out_ += '\n';
          continue;
        }
        out_ += fmt::format("{:{}}{},", "", indent + 2, text);
        trailing(item.span.begin);
      }
      leading(v.span.end, indent + 2);
      out_ += fmt::format("{:{}}]\n", "", indent);
      return;
    }
    out_ += head + "{";
    trailing(anchor);
    for (const Entry& e : v.entries) entry(e, inner, indent + 2);
    leading(v.span.end, indent + 2);
    out_ += fmt::format("{:{}}}}\n", "", indent);
  }

  bool all_mappings(const Node& list) const {
    for (NodeId id : list.items) {
      if (tree_.node(id).kind != NodeKind::Mapping) return false;
    }
    return true;
  }

  const Tree& tree_;
  PrintOptions options_;
  CommentPlacer comments_;
  std::string out_;
};

}  // namespace

namespace {

bool is_key(std::string_view key) {
  if (key.empty() || key[0] < 'a' || key[0] > 'z') return false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

bool expressible_in_dsl(const Tree& tree, std::string& why) {
  if (!tree.has_root()) {
    why = "the description is empty";
    return false;
  }
  const Node& root = tree.node(tree.root());
  const bool versioned =
      root.kind == NodeKind::Mapping && !root.entries.empty() && root.entries[0].key == "xenplan";
  const Node* version = versioned ? &tree.node(root.entries[0].value) : nullptr;
  if (!version || version->kind != NodeKind::Scalar || version->quoted || version->text.empty() ||
      version->text.find_first_not_of("0123456789") != std::string::npos) {
    why = "the xenplan language needs a numeric format version first: add `xenplan: 1` at the top";
    return false;
  }
  for (NodeId id = 0; id < tree.size(); ++id) {
    for (const Entry& e : tree.node(id).entries) {
      if (!is_key(e.key)) {
        why = fmt::format(
            "key `{}` cannot be written in the xenplan language, whose keys are lower-case words", e.key);
        return false;
      }
    }
  }
  return true;
}

bool is_quantity_key(std::string_view key) {
  for (std::string_view k : {"memory", "maxmem", "size", "period", "budget", "rtds_overhead"}) {
    if (key == k) return true;
  }
  return false;
}

std::string print_dsl(const Tree& tree, const SourceFile& file, const PrintOptions& options) {
  return DslPrinter(tree, file, options).print();
}

}  // namespace xenplan
