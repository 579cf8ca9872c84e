// "Did you mean" support: a small Levenshtein distance and a closest-match helper.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xenplan {

size_t edit_distance(std::string_view a, std::string_view b);

constexpr size_t kMaxSuggestedWord = 128;  // longer than any name or key xenplan accepts

// The candidate closest to `word`, if it is close enough to be a plausible typo. A word longer
// than kMaxSuggestedWord gets none.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace xenplan
