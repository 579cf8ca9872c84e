#include "base/utf8.h"

namespace xenplan {

size_t utf8_sequence_length(std::string_view text, size_t i) {
  {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return 1;
    size_t len = 0;
    unsigned char low = 0x80, high = 0xbf;  // allowed range of the second byte
    if (c >= 0xc2 && c <= 0xdf)
      len = 2;
    else if (c == 0xe0)
      len = 3, low = 0xa0;
    else if (c >= 0xe1 && c <= 0xec)
      len = 3;
    else if (c == 0xed)
      len = 3, high = 0x9f;  // no surrogates
    else if (c >= 0xee && c <= 0xef)
      len = 3;
    else if (c == 0xf0)
      len = 4, low = 0x90;
    else if (c >= 0xf1 && c <= 0xf3)
      len = 4;
    else if (c == 0xf4)
      len = 4, high = 0x8f;  // nothing above U+10FFFF
    else
      return 0;
    if (i + len > text.size()) return 0;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < low || second > high) return 0;
    for (size_t k = 2; k < len; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return 0;
    }
    return len;
  }
}

size_t first_invalid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t len = utf8_sequence_length(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace xenplan
