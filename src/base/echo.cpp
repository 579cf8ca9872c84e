#include "base/echo.h"

#include <fmt/format.h>

namespace xenplan {
namespace {

// How much of each end a long value, or an overlong message, keeps.
constexpr size_t kEchoHead = 48, kEchoTail = 16;
constexpr size_t kMessageHead = 768, kMessageTail = 128;

bool continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xc0) == 0x80;
}

// The first `head` and last `tail` bytes of `text` around "...", moved to UTF-8 boundaries.
std::string window(std::string_view text, size_t head, size_t tail) {
  while (head > 0 && continuation(text[head])) --head;
  size_t from = text.size() - tail;
  while (from < text.size() && continuation(text[from])) ++from;
  return fmt::format("{}...{}", text.substr(0, head), text.substr(from));
}

}  // namespace

std::string echo(std::string_view text) {
  if (text.size() <= kEchoWhole) return fmt::format("`{}`", text);
  return fmt::format("`{}` ({} bytes)", window(text, kEchoHead, kEchoTail), text.size());
}

std::string bounded(std::string text) {
  if (text.size() <= kMaxMessageBytes) return text;
  return fmt::format("{} ({} bytes)", window(text, kMessageHead, kMessageTail), text.size());
}

}  // namespace xenplan
