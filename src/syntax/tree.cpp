#include "syntax/tree.h"

namespace xenplan {

static_assert(sizeof(Node) <= 96, "the tree's memory bound in tree.h assumes 96-byte nodes");

NodeId Tree::add(Node node) {
  nodes_.push_back(std::move(node));
  return static_cast<NodeId>(nodes_.size() - 1);
}

const char* kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Null:
      return "nothing";
    case NodeKind::Scalar:
      return "a single value";
    case NodeKind::Sequence:
      return "a list";
    case NodeKind::Mapping:
      return "a mapping";
  }
  return "a value";
}

}  // namespace xenplan
