// Pieces of xl.cfg syntax (reference §2) that several emitters write: lists of strings and of
// numbers, and one `key = value` line. Strings always go through xl_string().
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xenplan {

std::string xl_list(const std::vector<std::string>& items);      // [ "a", "b" ]
std::string xl_number_list(const std::vector<uint64_t>& items);  // [ 7, 8 ]
std::string xl_bool(bool value);                                 // 1 or 0

}  // namespace xenplan
