// The front-end-neutral syntax tree: mappings, sequences and scalars, each with a source span.
// Both front ends (YAML and the xenplan language) produce it; build_model reads only this.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "base/source.h"

namespace xenplan {

using NodeId = uint32_t;

enum class NodeKind : uint8_t { Null, Scalar, Sequence, Mapping };

struct Entry {
  std::string key;
  Span key_span;
  NodeId value = 0;
};

// 96 bytes; a description can hold 4,000,000 of them (kMaxExpandedNodes).
struct Node {
  NodeKind kind = NodeKind::Null;
  bool quoted = false;  // Scalar written in quotes (or as a block): never a number or bool
  Span span;
  std::string text;            // Scalar: its value. Null: its spelling ("null", "~" or "").
  std::vector<NodeId> items;   // Sequence
  std::vector<Entry> entries;  // Mapping, in source order, duplicates kept
};

// Nodes live in one deque, which grows without moving them: a vector's doubling held the old and
// the new array at once, 1.5 times the tree (650 MB of nodes for the largest description).
// A YAML alias makes two parents share a child, so this is a DAG.
class Tree {
 public:
  NodeId add(Node node);
  Node& node(NodeId id) { return nodes_[id]; }
  const Node& node(NodeId id) const { return nodes_[id]; }
  size_t size() const { return nodes_.size(); }

  void set_root(NodeId id) {
    root_ = id;
    has_root_ = true;
  }
  // Comments in the source (`#` to the end of the line), in order, so formatting can keep them.
  std::vector<Span>& comments() { return comments_; }
  const std::vector<Span>& comments() const { return comments_; }

  bool has_root() const { return has_root_; }
  NodeId root() const { return root_; }

 private:
  std::deque<Node> nodes_;
  std::vector<Span> comments_;
  NodeId root_ = 0;
  bool has_root_ = false;
};

const char* kind_name(NodeKind kind);  // "a mapping", "a list", ...

}  // namespace xenplan
