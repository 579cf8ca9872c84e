#include "output/write_tree.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <sstream>

#include "output/staging.h"

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

// DIR's missing parents. They are created before the staging directory, with the modes the umask
// gives any directory the user asks for, and removed again (deepest first) when the build fails.
class NewParents {
 public:
  NewParents() = default;
  ~NewParents() {
    for (auto it = created_.rbegin(); it != created_.rend(); ++it) ::rmdir(it->c_str());  // if still empty
  }
  NewParents(const NewParents&) = delete;
  NewParents& operator=(const NewParents&) = delete;

  bool make(const fs::path& dir, std::string& error) {
    std::vector<fs::path> missing;
    struct stat st {};
    for (fs::path p = dir; p != p.root_path() && ::lstat(p.c_str(), &st) != 0; p = p.parent_path()) {
      missing.push_back(p);
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      if (::mkdir(it->c_str(), 0777) == 0) {
        created_.push_back(*it);
      } else if (errno != EEXIST) {  // EEXIST: a concurrent build made it; it is not ours to remove
        error = fmt::format("cannot create {}: {}", it->string(), errno_text());
        return false;
      }
    }
    return true;
  }
  void keep() { created_.clear(); }

 private:
  std::vector<fs::path> created_;
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

bool write_files(const fs::path& root, const std::vector<TreeFile>& files, std::string& error) {
  std::set<fs::path> made;
  for (const TreeFile& f : files) {
    if (!write_file(root, f, made, error)) return false;
  }
  return true;
}

// The staging tree's file system, flushed once: every file's data and every directory entry are
// on disk before the exchange makes them DIR. One fsync per file would do the same at the price of
// a journal commit each, several times the whole build on 1,000 files (README, Performance).
bool flush_staging(const Staging& staging, const std::string& dir_text, std::string& error) {
  if (::syncfs(staging.fd()) == 0) return true;
  error = fmt::format("cannot flush the new files for {} to disk: {}", dir_text, errno_text());
  return false;
}

// One atomic step: the new tree takes the old one's place (which moves into the staging
// directory, removed with it), or simply appears. Then DIR's entry itself is flushed.
bool swap_in(const Staging& staging, const ResolvedDir& dir, const std::string& dir_text, WriteOutcome& out) {
  const fs::path target = dir.path();
  const int rc =
      dir.exists ? ::renameat2(AT_FDCWD, staging.tree().c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE)
                 : ::rename(staging.tree().c_str(), target.c_str());
  if (rc != 0) {
    out.error = fmt::format("cannot move the new files into {}: {}", dir_text, errno_text());
    return false;
  }
  out.replaced = true;
  const int fd = ::open(dir.parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    out.error = fmt::format("{} holds the new files, but they may not survive a power loss: {}", dir_text,
                            errno_text());
    if (fd >= 0) ::close(fd);
    return false;
  }
  ::close(fd);
  return true;
}

}  // namespace

WriteOutcome write_tree(const WriteTarget& target, const std::vector<TreeFile>& files) {
  for (const TreeFile& f : files) {
    if (!safe_relative(f.path)) {
      WriteOutcome out;
      out.error = fmt::format("refusing to write `{}`: it would leave the output directory", f.path);
      return out;
    }
  }
  ResolvedDir dir;
  WriteOutcome out = check_target(target, dir);
  if (!out.ok) return out;
  out.ok = false;
  NewParents parents;
  if (!parents.make(dir.parent, out.error)) return out;
  remove_stale_staging(dir.parent, dir.name);
  {
    const ExactModes exact_modes;
    std::string reason;
    const std::unique_ptr<Staging> staging = Staging::create(dir.parent, dir.name, reason);
    if (!staging) {
      out.error = fmt::format("cannot create a directory next to {}: {}", target.dir, reason);
      return out;
    }
    if (!write_files(staging->tree(), files, out.error) || !flush_staging(*staging, target.dir, out.error) ||
        !swap_in(*staging, dir, target.dir, out)) {
      return out;
    }
  }
  parents.keep();
  out.ok = true;
  return out;
}

}  // namespace xenplan
