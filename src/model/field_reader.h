// Reading mappings of the syntax tree field by field: duplicate keys, missing required fields
// and unknown keys (with "did you mean") are reported here, once, for every entity.
// read() and require() name each key once and set the field's state (model/field.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "model/field.h"
#include "syntax/tree.h"

namespace xenplan {

// What every reader needs: the tree, its file, and where to report.
struct Context {
  const Tree& tree;
  const SourceFile& file;
  DiagnosticSink& sink;

  Location at(Span span) const { return {&file, span}; }
  const Node& node(NodeId id) const { return tree.node(id); }
};

class MapReader {
 public:
  // `what` names the entity in messages: "the host", "domain `plc-1`".
  MapReader(Context& ctx, const Node& node, std::string what);

  // The value of `key`, or null when absent. Every key asked for counts as known.
  const Node* optional(std::string_view key);
  // Like optional(), but reports a missing key, suggesting `key: example` ("memory: 512MiB").
  const Node* required(std::string_view key, std::string_view example);

  // Reads `key` into `out` with `read_value(ctx, node, "`key`")` when present: Written, or
  // Invalid (the reader reported why). When absent, `out` keeps its state (Absent or Defaulted).
  template <class T, class Read>
  void read(std::string_view key, Located<T>& out, Read&& read_value) {
    if (const Node* v = optional(key)) store_value(read_value(ctx_, *v, label(key)), *v, out);
  }
  // The same for a required key: when absent, reports it and leaves `out` Absent.
  template <class T, class Read>
  void require(std::string_view key, std::string_view example, Located<T>& out, Read&& read_value) {
    if (const Node* v = required(key, example)) store_value(read_value(ctx_, *v, label(key)), *v, out);
  }
  // "`key`", the way messages name a key.
  static std::string label(std::string_view key);

  // Stores a reader's result into `out`: Written, or Invalid at `node` when the reader failed.
  template <class T>
  static void store_value(std::optional<Located<T>>&& value, const Node& node, Located<T>& out) {
    if (value) {
      out = std::move(*value);
      out.state = FieldState::Written;
    } else {
      out.span = node.span;
      out.state = FieldState::Invalid;
    }
  }
  // The span of `key` itself (for messages about the key), or the mapping's span.
  Span key_span(std::string_view key) const;
  // Reports duplicate keys and keys never asked for. Call once, after every optional()/required().
  void finish();

  // Names the entity better once its name is known: "domain `plc-1`".
  void rename(std::string what) { what_ = std::move(what); }

  bool is_mapping() const { return node_.kind == NodeKind::Mapping; }
  Span span() const { return node_.span; }
  const std::string& what() const { return what_; }

 private:
  const Entry* find(std::string_view key) const;

  Context& ctx_;
  const Node& node_;
  std::string what_;
  std::vector<std::string> known_;
};

}  // namespace xenplan
