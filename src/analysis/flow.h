// Maximum flow (Dinic) on integer capacities, for the affinity feasibility test and for
// matching the vCPUs of a null pool to CPUs (reference §2.12, §1.8). Both are asked as a
// transport between groups of identical vCPUs and segments of interchangeable CPUs, so the
// network's size follows the distinct affinities, never the number of vCPUs or CPUs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
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
    uint32_t to;
    int64_t capacity;
    int64_t initial;
  };
  bool levels(size_t source, size_t sink);
  int64_t augment(size_t source, size_t sink);  // one path of the level graph; no recursion

  std::vector<Edge> edges_;
  std::vector<std::vector<uint32_t>> out_;
  std::vector<int> level_;
  std::vector<size_t> cursor_;
  std::vector<uint32_t> path_;
};

// Group g offers supply[g] and may send it to the slots in reach[g]; slot s takes at most
// capacity[s]. Slots are 0..capacity.size()-1.
struct Transport {
  std::vector<int64_t> supply;
  std::vector<int64_t> capacity;
  std::vector<std::vector<uint32_t>> reach;
};

// What each group sends to each slot of its reach (shaped like `reach`), or nullopt when not
// every supply fits. Deterministic: the same problem gives the same answer.
std::optional<std::vector<std::vector<int64_t>>> route(const Transport& t);

}  // namespace xenplan
