// Reading mappings of the syntax tree field by field: duplicate keys, missing required fields
// and unknown keys (with "did you mean") are reported here, once, for every entity.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
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
  // Like optional(), but reports a missing key, suggesting `example` ("memory: 512MiB").
  const Node* required(std::string_view key, std::string_view example);
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
