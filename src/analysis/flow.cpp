#include "analysis/flow.h"

#include <algorithm>
#include <limits>
#include <queue>

namespace xenplan {

FlowNetwork::FlowNetwork(size_t nodes) : out_(nodes), level_(nodes), cursor_(nodes) {}

size_t FlowNetwork::add_edge(size_t from, size_t to, int64_t capacity) {
  out_[from].push_back(static_cast<uint32_t>(edges_.size()));
  edges_.push_back({static_cast<uint32_t>(to), capacity, capacity});
  out_[to].push_back(static_cast<uint32_t>(edges_.size()));
  edges_.push_back({static_cast<uint32_t>(from), 0, 0});
  return edges_.size() - 2;
}

bool FlowNetwork::levels(size_t source, size_t sink) {
  std::fill(level_.begin(), level_.end(), -1);
  std::queue<size_t> queue;
  level_[source] = 0;
  queue.push(source);
  while (!queue.empty()) {
    const size_t v = queue.front();
    queue.pop();
    for (uint32_t e : out_[v]) {
      if (edges_[e].capacity > 0 && level_[edges_[e].to] < 0) {
        level_[edges_[e].to] = level_[v] + 1;
        queue.push(edges_[e].to);
      }
    }
  }
  return level_[sink] >= 0;
}

// Walks forward along admissible edges, retreating from dead ends (each cursor only moves on),
// and pushes the bottleneck of the first source-sink path. An explicit stack: a level graph can
// be as deep as the network is wide, too deep to recurse on a worker thread's stack.
int64_t FlowNetwork::augment(size_t source, size_t sink) {
  path_.clear();
  size_t v = source;
  while (v != sink) {
    bool advanced = false;
    for (size_t& i = cursor_[v]; i < out_[v].size(); ++i) {
      const Edge& e = edges_[out_[v][i]];
      if (e.capacity > 0 && level_[e.to] == level_[v] + 1) {
        path_.push_back(out_[v][i]);
        v = e.to;
        advanced = true;
        break;
      }
    }
    if (advanced) continue;
    if (path_.empty()) return 0;
    level_[v] = -1;  // nothing reaches the sink from here in this phase
    v = edges_[path_.back() ^ 1].to;
    path_.pop_back();
    ++cursor_[v];
  }
  int64_t pushed = std::numeric_limits<int64_t>::max();
  for (uint32_t e : path_) pushed = std::min(pushed, edges_[e].capacity);
  for (uint32_t e : path_) {
    edges_[e].capacity -= pushed;
    edges_[e ^ 1].capacity += pushed;
  }
  return pushed;
}

int64_t FlowNetwork::max_flow(size_t source, size_t sink) {
  int64_t total = 0;
  while (levels(source, sink)) {
    std::fill(cursor_.begin(), cursor_.end(), 0);
    while (const int64_t pushed = augment(source, sink)) total += pushed;
  }
  return total;
}

int64_t FlowNetwork::flow(size_t edge) const {
  return edges_[edge].initial - edges_[edge].capacity;
}

std::optional<std::vector<std::vector<int64_t>>> route(const Transport& t) {
  const size_t groups = t.supply.size(), slots = t.capacity.size();
  const size_t source = groups + slots, sink = source + 1;
  FlowNetwork net(sink + 1);
  int64_t total = 0;
  std::vector<std::vector<size_t>> edges(groups);
  for (size_t g = 0; g < groups; ++g) {
    total += t.supply[g];
    net.add_edge(source, g, t.supply[g]);
    for (uint32_t s : t.reach[g]) edges[g].push_back(net.add_edge(g, groups + s, t.supply[g]));
  }
  for (size_t s = 0; s < slots; ++s) net.add_edge(groups + s, sink, t.capacity[s]);
  if (net.max_flow(source, sink) != total) return std::nullopt;
  std::vector<std::vector<int64_t>> sent(groups);
  for (size_t g = 0; g < groups; ++g) {
    for (size_t e : edges[g]) sent[g].push_back(net.flow(e));
  }
  return sent;
}

}  // namespace xenplan
