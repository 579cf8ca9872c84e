// Staging directories: a tree is written into `.<DIR name>.xenplan-XXXXXX/tree` next to DIR, then
// exchanged with DIR. Each staging directory holds a marker file and is flock'ed by its writer for
// its whole life, so a later build removes what a killed build left and never a running build's.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace xenplan {

// The marker file in every staging directory (and the words it holds).
inline constexpr const char* kStagingMarker = "xenplan-staging";

class Staging {
 public:
  // Creates a locked staging directory for DIR `name` in `parent`, with an empty tree/ (mode 0755
  // less the umask). Null, with `reason` set (strerror's words), when it cannot.
  static std::unique_ptr<Staging> create(const std::filesystem::path& parent, const std::string& name,
                                         std::string& reason);
  // Removes the staging directory with whatever tree/ holds then: the new tree after a failure,
  // the old one after the exchange. The lock goes last.
  ~Staging();
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  const std::filesystem::path& tree() const { return tree_; }
  int fd() const { return fd_; }  // the staging directory, open (for syncfs)

 private:
  Staging(std::filesystem::path path, int fd) : path_(std::move(path)), tree_(path_ / "tree"), fd_(fd) {}
  std::filesystem::path path_, tree_;
  int fd_;
};

// Removes the staging directories of DIR `name` in `parent` whose writer has gone (their lock is
// free). Anything else there, including another DIR's staging directories, is left alone.
void remove_stale_staging(const std::filesystem::path& parent, const std::string& name);

}  // namespace xenplan
