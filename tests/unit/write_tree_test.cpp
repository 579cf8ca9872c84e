// The writer: files land with their modes, nothing is half-written, foreign directories are kept.
#include "output/write_tree.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_files.h"

using namespace xenplan;
namespace fs = std::filesystem;
using xenplan::testing::read_file;

namespace {
const std::string kMarker = "\"generator\": \"xenplan\"";
fs::path fresh_dir(const char* name) {
  const fs::path p =
      fs::temp_directory_path() / (std::string("xenplan-wt-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  return p;
}
std::vector<TreeFile> tree(const std::string& tag) {
  return {{"manifest.json", 0644, "{ " + kMarker + " }\n"},
          {"etc/a.cfg", 0644, tag},
          {"usr/sbin/run", 0755, "#!/bin/sh\n"}};
}
}  // namespace

TEST_CASE("write_tree writes every file with its mode and replaces an earlier output whole") {
  const fs::path parent = fresh_dir("ok");  // private: other tests stage in the shared temp dir
  const fs::path dir = parent / "out";
  REQUIRE(write_tree(dir.string(), tree("one"), false, kMarker).ok);
  CHECK(read_file(dir / "etc/a.cfg") == "one");
  struct stat st {};
  REQUIRE(::stat((dir / "usr/sbin/run").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0755);
  std::ofstream(dir / "stale.txt") << "left from before";
  REQUIRE(write_tree(dir.string(), tree("two"), false, kMarker).ok);
  CHECK(read_file(dir / "etc/a.cfg") == "two");
  CHECK_FALSE(fs::exists(dir / "stale.txt"));
  for (const auto& e : fs::directory_iterator(parent)) {
    CHECK(e.path().filename().string().find(".xenplan-") == std::string::npos);  // no staging left over
  }
  fs::remove_all(parent);
}

TEST_CASE("write_tree refuses a directory that holds something else, unless forced") {
  const fs::path dir = fresh_dir("foreign");
  fs::create_directories(dir);
  std::ofstream(dir / "precious.txt") << "mine";
  const WriteOutcome refused = write_tree(dir.string(), tree("x"), false, kMarker);
  CHECK_FALSE(refused.ok);
  CHECK(refused.refused);
  CHECK(read_file(dir / "precious.txt") == "mine");
  CHECK(write_tree(dir.string(), tree("x"), true, kMarker).ok);
  CHECK_FALSE(fs::exists(dir / "precious.txt"));
  fs::remove_all(dir);
}

TEST_CASE("write_tree refuses paths that would leave the directory and symlinked targets") {
  const fs::path dir = fresh_dir("escape");
  for (const char* bad : {"../x", "/etc/passwd", "a/../../x", "a//b", ""}) {
    INFO(bad);
    const WriteOutcome o = write_tree(dir.string(), {{bad, 0644, "x"}}, false, kMarker);
    CHECK_FALSE(o.ok);
    CHECK(o.error.find("would leave the output directory") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir));
  const fs::path real = fresh_dir("real");
  fs::create_directories(real);
  fs::create_directory_symlink(real, dir);
  CHECK(write_tree(dir.string(), tree("x"), true, kMarker).error.find("symbolic link") != std::string::npos);
  CHECK(fs::is_empty(real));
  fs::remove(dir);
  fs::remove_all(real);
}

TEST_CASE("an unwritable location leaves the old output exactly as it was") {
  if (::geteuid() == 0) return;  // root can write anywhere; covered by the CLI test with a file in the way
  const fs::path parent = fresh_dir("ro");
  const fs::path dir = parent / "out";
  REQUIRE(write_tree(dir.string(), tree("old"), false, kMarker).ok);
  fs::permissions(parent, fs::perms::owner_read | fs::perms::owner_exec);
  CHECK_FALSE(write_tree(dir.string(), tree("new"), false, kMarker).ok);
  fs::permissions(parent, fs::perms::owner_all);
  CHECK(read_file(dir / "etc/a.cfg") == "old");
  fs::remove_all(parent);
}

TEST_CASE("modes are exact whatever the umask, and the umask is given back") {
  const fs::path parent = fresh_dir("umask");
  const fs::path dir = parent / "out";
  const mode_t saved = ::umask(0077);
  const bool ok = write_tree(dir.string(), tree("one"), false, kMarker).ok;
  const mode_t after = ::umask(saved);
  REQUIRE(ok);
  CHECK(after == 0077);
  const auto mode_of = [](const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
  };
  CHECK(mode_of(dir / "usr/sbin/run") == 0755);
  CHECK(mode_of(dir / "etc/a.cfg") == 0644);
  CHECK(mode_of(dir / "usr/sbin") == 0755);
  CHECK(mode_of(dir / "usr") == 0755);
  CHECK(mode_of(dir) == 0755);
  fs::remove_all(parent);
}
