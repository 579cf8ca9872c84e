// write_tree: the only step that writes files. Everything goes into a fresh temporary directory
// next to the output directory, which then takes the output directory's place in one atomic
// exchange: on any error the output directory is left exactly as it was.
#pragma once

#include <string>
#include <vector>

namespace xenplan {

struct TreeFile {
  std::string path;  // relative, no ".." and no leading "/"
  unsigned mode = 0644;
  std::string content;
};

struct WriteOutcome {
  bool ok = false;
  bool refused = false;  // the directory holds something that is not xenplan's output (no --force)
  std::string error;     // what went wrong, for the user
};

// `generator_marker` is a string that identifies a previous output's manifest.json.
WriteOutcome write_tree(const std::string& dir, const std::vector<TreeFile>& files, bool force,
                        const std::string& generator_marker);

}  // namespace xenplan
