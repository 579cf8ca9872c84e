// Reads a GRUB defaults file (/etc/default/grub, /etc/default/grub.d/*.cfg): a shell script that
// grub-mkconfig sources. Assignments are evaluated as sh would, with the variables the files
// before it set; everything else (echo, if ... fi, functions) is kept as a command, not run.
#pragma once

#include <map>
#include <string>

#include "import/sources.h"

namespace xenplan {

// `env` holds the variables earlier files set, and gets this file's unconditional assignments.
GrubSource read_grub_defaults(const SourceFile& file, std::map<std::string, std::string>& env);

}  // namespace xenplan
