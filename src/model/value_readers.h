// Readers for single values of the tree: strings, integers, booleans, sizes, times, CPU sets,
// words from a fixed list. Each reports a type or unit error at the value and returns nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/cpuset.h"
#include "model/field_reader.h"
#include "model/model.h"

namespace xenplan {

// `key` names the field in messages: "`memory`".
std::optional<Located<std::string>> read_string(Context& ctx, const Node& node, std::string_view key);
std::optional<Located<uint64_t>> read_uint(Context& ctx, const Node& node, std::string_view key, uint64_t min,
                                           uint64_t max);
std::optional<Located<uint32_t>> read_uint32(Context& ctx, const Node& node, std::string_view key,
                                             uint32_t min, uint32_t max);
std::optional<Located<bool>> read_bool(Context& ctx, const Node& node, std::string_view key);
std::optional<Located<uint64_t>> read_memory(Context& ctx, const Node& node, std::string_view key);
std::optional<Located<uint64_t>> read_time(Context& ctx, const Node& node, std::string_view key);
std::optional<Located<CpuSet>> read_cpuset(Context& ctx, const Node& node, std::string_view key);
std::optional<Located<Mac>> read_mac(Context& ctx, const Node& node, std::string_view key);

// The items of a list; reports and returns nothing when `node` is not a list.
std::vector<NodeId> read_list(Context& ctx, const Node& node, std::string_view key);
// A list of strings.
std::vector<Located<std::string>> read_string_list(Context& ctx, const Node& node, std::string_view key);

template <class E>
struct WordOf {
  std::string_view word;
  E value;
};

// One word out of `words`; reports the allowed words (and a likely typo) otherwise.
template <class E>
std::optional<Located<E>> read_word(Context& ctx, const Node& node, std::string_view key,
                                    std::span<const WordOf<E>> words);

// Implementation detail of read_word: the index of the matching word, reported when none.
std::optional<size_t> match_word(Context& ctx, const Node& node, std::string_view key,
                                 const std::vector<std::string_view>& words);

template <class E>
std::optional<Located<E>> read_word(Context& ctx, const Node& node, std::string_view key,
                                    std::span<const WordOf<E>> words) {
  std::vector<std::string_view> spellings;
  for (const auto& w : words) spellings.push_back(w.word);
  const auto index = match_word(ctx, node, key, spellings);
  if (!index) return std::nullopt;
  return written<E>(words[*index].value, node.span);
}

// Readers with bounds or word lists, in the shape MapReader::read and require take.
inline auto uint32_in(uint32_t min, uint32_t max) {
  return [=](Context& ctx, const Node& node, std::string_view key) {
    return read_uint32(ctx, node, key, min, max);
  };
}
template <class E, size_t N>
auto word_of(const WordOf<E> (&words)[N]) {
  return [&words](Context& ctx, const Node& node, std::string_view key) {
    return read_word<E>(ctx, node, key, std::span<const WordOf<E>>(words, N));
  };
}

}  // namespace xenplan

namespace xenplan {

// A domain's or dom0's `rtds`: one mapping for every vCPU, or a list with one mapping per vCPU.
RtdsSpec read_rtds(Context& ctx, const Node& node);

// A scheduler name; an unquoted `null` (YAML's null value) reads as the null scheduler.
std::optional<Located<SchedulerKind>> read_scheduler(Context& ctx, const Node& node, std::string_view key);

}  // namespace xenplan
