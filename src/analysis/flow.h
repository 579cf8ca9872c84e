// Maximum flow (Dinic) on integer capacities, for the affinity feasibility test and for
// matching the vCPUs of a null pool to CPUs (reference §2.12, §1.8).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace xenplan {

class FlowNetwork {
 public:
  explicit FlowNetwork(size_t nodes);
  // Adds an edge and returns its index, for reading its flow later.
  size_t add_edge(size_t from, size_t to, int64_t capacity);
  int64_t max_flow(size_t source, size_t sink);
  int64_t flow(size_t edge) const;

 private:
  struct Edge {
    size_t to;
    int64_t capacity;
    int64_t initial;
  };
  bool levels(size_t source, size_t sink);
  int64_t push(size_t node, size_t sink, int64_t limit);

  std::vector<Edge> edges_;
  std::vector<std::vector<size_t>> out_;
  std::vector<int> level_;
  std::vector<size_t> cursor_;
};

// A matching of every item to a distinct allowed slot, or nullopt-like empty result when
// none exists. allowed[i] lists the slots item i may take; slots are 0..slots-1.
// Returns slot per item, or an empty vector when not every item can be matched.
std::vector<uint32_t> perfect_assignment(const std::vector<std::vector<uint32_t>>& allowed, uint32_t slots);

}  // namespace xenplan
