// The double-quoted string both printers write when a value cannot stand bare.
#pragma once

#include <string>
#include <string_view>

namespace xenplan {

// `s` in double quotes with \" \\ \n \t \r and \xHH for other control characters: YAML's
// double-quoted scalars and the xenplan language's strings read these escapes alike (the
// language took them from YAML), so one function serves both printers.
std::string double_quoted(std::string_view s);

}  // namespace xenplan
