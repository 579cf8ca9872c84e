#include "output/staging.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <vector>

namespace xenplan {
namespace fs = std::filesystem;
namespace {

constexpr size_t kRandomChars = 6;  // mkdtemp's XXXXXX
constexpr int kAttempts = 8;

std::string prefix_of(const std::string& name) {
  return "." + name + ".xenplan-";
}

bool is_staging_name(const std::string& entry, const std::string& prefix) {
  return entry.size() == prefix.size() + kRandomChars && entry.starts_with(prefix) &&
         std::all_of(entry.begin() + static_cast<std::ptrdiff_t>(prefix.size()), entry.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// In this order, an interrupted removal leaves a directory that is still recognisable: with its
// marker, or empty.
void remove_staging(const fs::path& path) {
  std::error_code ec;
  fs::remove_all(path / "tree", ec);
  ::unlink((path / kStagingMarker).c_str());
  ::rmdir(path.c_str());
}

bool same_inode(int fd, const fs::path& path) {
  struct stat open {
  }, named{};
  return ::fstat(fd, &open) == 0 && ::lstat(path.c_str(), &named) == 0 && open.st_dev == named.st_dev &&
         open.st_ino == named.st_ino;
}

bool has_marker(int fd) {
  struct stat st {};
  return ::fstatat(fd, kStagingMarker, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

bool write_marker(int dir_fd, const std::string& name) {
  const int fd = ::openat(dir_fd, kStagingMarker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const std::string text = fmt::format(
      "a `xenplan build` writes {} here; the next build into it removes this directory once its writer "
      "has gone\n",
      name);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  return ::close(fd) == 0 && written;
}

}  // namespace

std::unique_ptr<Staging> Staging::create(const fs::path& parent, const std::string& name,
                                         std::string& reason) {
  // The lock is taken before the marker exists, so a directory with a marker whose lock is free
  // has lost its writer. Another build's cleanup may remove the directory while it is still empty
  // and unlocked: the marker cannot be created then (ENOENT), and we start again.
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    std::string path = (parent / (prefix_of(name) + std::string(kRandomChars, 'X'))).string();
    if (::mkdtemp(path.data()) == nullptr) {
      reason = std::strerror(errno);
      return nullptr;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) continue;  // already removed, empty, by another build
    if (fd < 0) {
      reason = std::strerror(errno);
      ::rmdir(path.c_str());
      return nullptr;
    }
    // Without locks (some network file systems) no cleanup can take the lock either: it skips this.
    while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
    }
    if (!write_marker(fd, name)) {
      const int saved = errno;
      ::close(fd);
      if (saved == ENOENT) continue;
      reason = std::strerror(saved);
      remove_staging(path);
      return nullptr;
    }
    std::unique_ptr<Staging> staging(new Staging(path, fd));
    if (::mkdirat(fd, "tree", 0755) != 0) {
      reason = std::strerror(errno);
      return nullptr;
    }
    return staging;
  }
  reason = "other builds kept removing it";
  return nullptr;
}

Staging::~Staging() {
  remove_staging(path_);
  ::close(fd_);
}

void remove_stale_staging(const fs::path& parent, const std::string& name) {
  const std::string prefix = prefix_of(name);
  std::vector<std::string> candidates;
  if (DIR* d = ::opendir(parent.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      if (is_staging_name(e->d_name, prefix)) candidates.emplace_back(e->d_name);
    }
    ::closedir(d);
  }
  for (const std::string& candidate : candidates) {
    const fs::path path = parent / candidate;
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && same_inode(fd, path)) {
      if (has_marker(fd)) {
        remove_staging(path);
      } else {
        ::rmdir(path.c_str());  // only when empty: a writer that died before its marker, or not ours
      }
    }
    ::close(fd);
  }
}

}  // namespace xenplan
