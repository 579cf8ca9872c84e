#include "analysis/flow.h"

#include <algorithm>
#include <limits>
#include <queue>

namespace xenplan {

FlowNetwork::FlowNetwork(size_t nodes) : out_(nodes), level_(nodes), cursor_(nodes) {}

size_t FlowNetwork::add_edge(size_t from, size_t to, int64_t capacity) {
  out_[from].push_back(edges_.size());
  edges_.push_back({to, capacity, capacity});
  out_[to].push_back(edges_.size());
  edges_.push_back({from, 0, 0});
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
    for (size_t e : out_[v]) {
      if (edges_[e].capacity > 0 && level_[edges_[e].to] < 0) {
        level_[edges_[e].to] = level_[v] + 1;
        queue.push(edges_[e].to);
      }
    }
  }
  return level_[sink] >= 0;
}

int64_t FlowNetwork::push(size_t node, size_t sink, int64_t limit) {
  if (node == sink) return limit;
  for (size_t& i = cursor_[node]; i < out_[node].size(); ++i) {
    Edge& e = edges_[out_[node][i]];
    if (e.capacity <= 0 || level_[e.to] != level_[node] + 1) continue;
    const int64_t pushed = push(e.to, sink, std::min(limit, e.capacity));
    if (pushed > 0) {
      e.capacity -= pushed;
      edges_[out_[node][i] ^ 1].capacity += pushed;
      return pushed;
    }
  }
  return 0;
}

int64_t FlowNetwork::max_flow(size_t source, size_t sink) {
  int64_t total = 0;
  while (levels(source, sink)) {
    std::fill(cursor_.begin(), cursor_.end(), 0);
    while (const int64_t pushed = push(source, sink, std::numeric_limits<int64_t>::max())) total += pushed;
  }
  return total;
}

int64_t FlowNetwork::flow(size_t edge) const {
  return edges_[edge].initial - edges_[edge].capacity;
}

std::vector<uint32_t> perfect_assignment(const std::vector<std::vector<uint32_t>>& allowed, uint32_t slots) {
  const size_t items = allowed.size();
  const size_t source = items + slots, sink = source + 1;
  FlowNetwork net(sink + 1);
  std::vector<std::vector<std::pair<uint32_t, size_t>>> edges(items);
  for (size_t i = 0; i < items; ++i) {
    net.add_edge(source, i, 1);
    for (uint32_t s : allowed[i]) edges[i].emplace_back(s, net.add_edge(i, items + s, 1));
  }
  for (uint32_t s = 0; s < slots; ++s) net.add_edge(items + s, sink, 1);
  if (net.max_flow(source, sink) != static_cast<int64_t>(items)) return {};
  std::vector<uint32_t> slot_of(items);
  for (size_t i = 0; i < items; ++i) {
    for (const auto& [s, e] : edges[i]) {
      if (net.flow(e) == 1) slot_of[i] = s;
    }
  }
  return slot_of;
}

}  // namespace xenplan
