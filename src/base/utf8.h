// UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <string_view>

namespace xenplan {

// The offset of the first byte that does not start a valid UTF-8 sequence, or npos.
size_t first_invalid_utf8(std::string_view text);

// The length of the valid UTF-8 sequence starting at `at` (1 for ASCII), or 0 when it is invalid.
size_t utf8_sequence_length(std::string_view text, size_t at);

}  // namespace xenplan
