// The drift check: how a directory differs from the files a build would write there.
#pragma once

#include <string>
#include <vector>

#include "output/write_tree.h"

namespace xenplan {

struct TreeDifference {
  enum class Kind { Changed, Missing, Extra } kind;  // Missing: not in DIR; Extra: only in DIR
  std::string path;
};

std::vector<TreeDifference> compare_tree(const std::string& dir, const std::vector<TreeFile>& files);

}  // namespace xenplan
