// write_tree: the only step that writes files. Everything goes into a fresh staging directory next
// to the output directory, is flushed to disk, and then takes the output directory's place in one
// atomic exchange: on any error, or a crash, the output directory is either as it was or complete.
#pragma once

#include <string>
#include <vector>

#include "output/target_dir.h"

namespace xenplan {

struct TreeFile {
  std::string path;  // relative, no ".." and no leading "/"
  unsigned mode = 0644;
  std::string content;
};

// Checks `target` (check_target), then writes `files` as the whole content of DIR, creating DIR's
// missing parents (and removing them again when it fails).
WriteOutcome write_tree(const WriteTarget& target, const std::vector<TreeFile>& files);

}  // namespace xenplan
