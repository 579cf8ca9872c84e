#include "output/write_tree.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace xenplan {
namespace fs = std::filesystem;
namespace {

bool safe_relative(const std::string& path) {
  if (path.empty() || path[0] == '/') return false;
  std::istringstream parts(path);
  std::string part;
  while (std::getline(parts, part, '/')) {
    if (part.empty() || part == "." || part == "..") return false;
  }
  return true;
}

std::string errno_text() {
  return std::strerror(errno);
}

// Sets the process umask to 0 while a tree is written, so files get exactly their mode at open
// without a chmod each; restores it on every way out.
class ExactModes {
 public:
  ExactModes() : saved_(::umask(0)) {}
  ~ExactModes() { ::umask(saved_); }
  ExactModes(const ExactModes&) = delete;
  ExactModes& operator=(const ExactModes&) = delete;

 private:
  mode_t saved_;
};

// Creates `dir` and its parents below the staging root, mode 0755, each at most once per tree.
bool make_parents(const fs::path& root, const fs::path& relative_dir, std::set<fs::path>& made,
                  std::string& error) {
  fs::path dir = root;
  for (const fs::path& part : relative_dir) {
    dir /= part;
    if (!made.insert(dir).second) continue;
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
      error = fmt::format("cannot create {}: {}", dir.string(), errno_text());
      return false;
    }
  }
  return true;
}

// Writes one file below `root`, refusing to follow symlinks.
bool write_file(const fs::path& root, const TreeFile& f, std::set<fs::path>& made, std::string& error) {
  const fs::path target = root / f.path;
  if (!make_parents(root, fs::path(f.path).parent_path(), made, error)) return false;
  const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, f.mode);
  if (fd < 0) {
    error = fmt::format("cannot create {}: {}", target.string(), errno_text());
    return false;
  }
  size_t done = 0;
  while (done < f.content.size()) {
    const ssize_t n = ::write(fd, f.content.data() + done, f.content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("cannot write {}: {}", target.string(), errno_text());
      ::close(fd);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    error = fmt::format("cannot finish {}: {}", target.string(), errno_text());
    return false;
  }
  return true;
}

bool is_previous_output(const fs::path& dir, const std::string& marker) {
  std::ifstream in(dir / "manifest.json");
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str().find(marker) != std::string::npos;
}

}  // namespace

WriteOutcome write_tree(const std::string& dir_text, const std::vector<TreeFile>& files, bool force,
                        const std::string& generator_marker) {
  WriteOutcome out;
  for (const TreeFile& f : files) {
    if (!safe_relative(f.path)) {
      out.error = fmt::format("refusing to write `{}`: it would leave the output directory", f.path);
      return out;
    }
  }
  const fs::path dir = fs::absolute(fs::path(dir_text)).lexically_normal();
  const fs::path parent = dir.parent_path();
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(dir, ec);
  const bool exists = fs::exists(status);
  if (fs::is_symlink(status)) {
    out.error = fmt::format("{} is a symbolic link; give the real directory", dir_text);
    return out;
  }
  if (exists && !fs::is_directory(status)) {
    out.error = fmt::format("{} exists and is not a directory", dir_text);
    return out;
  }
  if (exists && !force && !fs::is_empty(dir, ec) && !is_previous_output(dir, generator_marker)) {
    out.refused = true;
    out.error = fmt::format("{} is not empty and holds no earlier xenplan output; use --force to replace it",
                            dir_text);
    return out;
  }
  fs::create_directories(parent, ec);
  std::string pattern = (parent / ("." + dir.filename().string() + ".xenplan-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    out.error = fmt::format("cannot create a directory next to {}: {}", dir_text, errno_text());
    return out;
  }
  const fs::path staging(pattern);
  const ExactModes exact_modes;
  std::set<fs::path> made;
  for (const TreeFile& f : files) {
    if (!write_file(staging, f, made, out.error)) {
      fs::remove_all(staging, ec);
      return out;
    }
  }
  ::chmod(staging.c_str(), 0755);
  // One atomic step: the new tree takes the old one's place, or simply appears.
  const int rc = exists ? ::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE)
                        : ::rename(staging.c_str(), dir.c_str());
  if (rc != 0) {
    out.error = fmt::format("cannot move the new files into {}: {}", dir_text, errno_text());
    fs::remove_all(staging, ec);
    return out;
  }
  if (exists) fs::remove_all(staging, ec);  // the old tree, now at the staging path
  out.ok = true;
  return out;
}

}  // namespace xenplan
