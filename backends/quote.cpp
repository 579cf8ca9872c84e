#include "quote.h"

#include <cctype>
#include <stdexcept>

namespace xenplan {
namespace {

void refuse_control(std::string_view value, const char* where) {
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f)
      throw std::invalid_argument(std::string("control character in a value for ") + where);
  }
}

bool made_of(std::string_view value, std::string_view punctuation) {
  if (value.empty()) return false;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u)) continue;
    if (punctuation.find(c) == std::string_view::npos) return false;
  }
  return true;
}

std::string single_quoted(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

}  // namespace

std::string xl_string(std::string_view value) {
  refuse_control(value, "xl.cfg");
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string shell_word(std::string_view value) {
  refuse_control(value, "a shell script");
  // `=` and `:` are literal in an argument word; a leading `~` or `-` is harmless to quote.
  if (made_of(value, "_./:=,+@%-") && value[0] != '~') return std::string(value);
  return single_quoted(value);
}

std::string grub_word(std::string_view value) {
  refuse_control(value, "GRUB");
  if (made_of(value, "_./:=,+@%-")) return std::string(value);
  return single_quoted(value);
}

std::string xl_spec_value(std::string_view value) {
  refuse_control(value, "an xl device specification");
  if (!made_of(value, "_./:+@%-")) {
    throw std::invalid_argument("a value for an xl device specification has characters xl would split at");
  }
  return std::string(value);
}

std::string ifupdown_word(std::string_view value) {
  refuse_control(value, "/etc/network/interfaces");
  if (!made_of(value, "_./:-")) {
    throw std::invalid_argument(
        "a value for /etc/network/interfaces has characters ifupdown cannot read literally");
  }
  return std::string(value);
}

}  // namespace xenplan
