// Text from a description quoted into a diagnostic: whole when short, its two ends and its length
// when long, so a 60 MiB value costs one line in every message that names it, not 60 MiB.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace xenplan {

constexpr size_t kEchoWhole = 80;          // a value up to this many bytes is shown whole
constexpr size_t kMaxMessageBytes = 1024;  // a message, note or help longer than this is cut

// `text` in backticks, or `its first bytes...its last bytes` (N bytes) when it is longer than
// kEchoWhole. Cuts fall between UTF-8 sequences.
std::string echo(std::string_view text);

// A message that echoed a value without echo(): kept whole up to kMaxMessageBytes, otherwise its
// two ends and its length, the same way. The diagnostic sink applies it to every text it takes.
std::string bounded(std::string text);

}  // namespace xenplan
