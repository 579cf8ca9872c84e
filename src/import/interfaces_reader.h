// Reads an ifupdown file (/etc/network/interfaces, interfaces.d/*, interfaces(5)): `iface`
// stanzas with their option lines, the `auto` and `allow-*` names, and the other lines.
#pragma once

#include "import/sources.h"

namespace xenplan {

InterfacesSource read_interfaces(const SourceFile& file);

}  // namespace xenplan
