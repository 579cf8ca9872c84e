// Reads the output of `lvs --noheadings --units b --nosuffix -o vg_name,lv_name,lv_size,devices`
// (the devices column may be left out): the logical volumes disks can be recognised as.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "import/sources.h"

namespace xenplan {

// Appends the volumes of `file` to `out`; a line that is not `VG LV SIZE [DEVICES]` is an error.
bool read_lvs(const SourceFile& file, std::vector<LogicalVolume>& out, DiagnosticSink& sink);

}  // namespace xenplan
