// SHA-256 (FIPS 180-4), for the manifest's checksums. Returns lower-case hex.
#pragma once

#include <string>
#include <string_view>

namespace xenplan {

std::string sha256_hex(std::string_view data);

}  // namespace xenplan
