#include "output/compare_tree.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace xenplan {
namespace fs = std::filesystem;

std::vector<TreeDifference> compare_tree(const std::string& dir, const std::vector<TreeFile>& files) {
  std::vector<TreeDifference> out;
  std::set<std::string> expected;
  for (const TreeFile& f : files) {
    expected.insert(f.path);
    const fs::path p = fs::path(dir) / f.path;
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      out.push_back({TreeDifference::Kind::Missing, f.path});
      continue;
    }
    std::ostringstream content;
    content << in.rdbuf();
    struct stat st {};
    const bool same_mode = ::stat(p.c_str(), &st) == 0 && (st.st_mode & 07777) == f.mode;
    if (content.str() != f.content || !same_mode) out.push_back({TreeDifference::Kind::Changed, f.path});
  }
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
      if (!e.is_regular_file() && !e.is_symlink()) continue;
      const std::string rel = fs::relative(e.path(), dir).generic_string();
      if (!expected.count(rel)) out.push_back({TreeDifference::Kind::Extra, rel});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

}  // namespace xenplan
