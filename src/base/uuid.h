// Name-based UUIDs (RFC 4122 version 5: SHA-1 of a namespace UUID and a name), the same value
// util-linux prints for `uuidgen --sha1 --namespace NS --name NAME`.
#pragma once

#include <string>
#include <string_view>

namespace xenplan {

// NAMESPACE is a UUID in its text form ("6ca9060d-f0a5-..."); the result is lower-case text.
// Throws std::invalid_argument when NAMESPACE is not a UUID.
std::string name_based_uuid(std::string_view name_space, std::string_view name);

}  // namespace xenplan
