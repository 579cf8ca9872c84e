// Reading the repository's files from the unit tests.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace xenplan::testing {

// The whole file, bytes as they are; empty when it cannot be read.
inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The files of `dir` (relative to the source tree) whose extension is one of `extensions`, sorted.
inline std::vector<std::filesystem::path> files_in(std::string_view dir,
                                                   std::initializer_list<std::string_view> extensions) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(XENPLAN_SOURCE_DIR) / dir)) {
    const std::string extension = e.path().extension().string();
    if (std::find(extensions.begin(), extensions.end(), extension) != extensions.end())
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace xenplan::testing
