#include "base/uuid.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace xenplan {
namespace {

using Bytes = std::array<unsigned char, 16>;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Bytes parse_uuid(std::string_view text) {
  Bytes out{};
  size_t byte = 0;
  bool ok = text.size() == 36;
  for (size_t i = 0; ok && i < text.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      ok = text[i] == '-';
      continue;
    }
    const int hi = hex_digit(text[i]);
    const int lo = hex_digit(text[++i]);
    ok = hi >= 0 && lo >= 0;
    if (ok) out[byte++] = static_cast<unsigned char>(hi * 16 + lo);
  }
  if (!ok) throw std::invalid_argument("not a UUID: " + std::string(text));
  return out;
}

// SHA-1 through OpenSSL's EVP interface; a failure there is an internal error.
std::array<unsigned char, 20> sha1(const Bytes& prefix, std::string_view data) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::array<unsigned char, 20> digest{};
  unsigned int length = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha1(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), prefix.data(), prefix.size()) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest.data(), &length) != 1 || length != digest.size()) {
    throw std::runtime_error("SHA-1 failed in libcrypto");
  }
  return digest;
}

}  // namespace

std::string name_based_uuid(std::string_view name_space, std::string_view name) {
  const auto digest = sha1(parse_uuid(name_space), name);
  Bytes u{};
  std::copy_n(digest.begin(), u.size(), u.begin());
  u[6] = static_cast<unsigned char>((u[6] & 0x0f) | 0x50);  // version 5
  u[8] = static_cast<unsigned char>((u[8] & 0x3f) | 0x80);  // the RFC 4122 variant
  std::string out;
  for (size_t i = 0; i < u.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", u[i]);
  }
  return out;
}

}  // namespace xenplan
