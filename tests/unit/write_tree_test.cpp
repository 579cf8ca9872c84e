// The writer: files land with their modes, nothing is half-written, foreign directories and the
// inputs are kept, and what a killed or failed build left is cleaned up.
#include "output/write_tree.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "output/staging.h"
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
  REQUIRE(write_tree({dir.string(), false, kMarker, {}}, tree("one")).ok);
  CHECK(read_file(dir / "etc/a.cfg") == "one");
  struct stat st {};
  REQUIRE(::stat((dir / "usr/sbin/run").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0755);
  std::ofstream(dir / "stale.txt") << "left from before";
  REQUIRE(write_tree({dir.string(), false, kMarker, {}}, tree("two")).ok);
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
  const WriteOutcome refused = write_tree({dir.string(), false, kMarker, {}}, tree("x"));
  CHECK_FALSE(refused.ok);
  CHECK(refused.refused);
  CHECK(read_file(dir / "precious.txt") == "mine");
  CHECK(write_tree({dir.string(), true, kMarker, {}}, tree("x")).ok);
  CHECK_FALSE(fs::exists(dir / "precious.txt"));
  fs::remove_all(dir);
}

TEST_CASE("write_tree refuses paths that would leave the directory and symlinked targets") {
  const fs::path dir = fresh_dir("escape");
  for (const char* bad : {"../x", "/etc/passwd", "a/../../x", "a//b", ""}) {
    INFO(bad);
    const WriteOutcome o = write_tree({dir.string(), false, kMarker, {}}, {{bad, 0644, "x"}});
    CHECK_FALSE(o.ok);
    CHECK(o.error.find("would leave the output directory") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir));
  const fs::path real = fresh_dir("real");
  fs::create_directories(real);
  fs::create_directory_symlink(real, dir);
  CHECK(write_tree({dir.string(), true, kMarker, {}}, tree("x")).error.find("symbolic link") !=
        std::string::npos);
  CHECK(fs::is_empty(real));
  fs::remove(dir);
  fs::remove_all(real);
}

TEST_CASE("an unwritable location leaves the old output exactly as it was") {
  if (::geteuid() == 0) return;  // root can write anywhere; covered by the CLI test with a file in the way
  const fs::path parent = fresh_dir("ro");
  const fs::path dir = parent / "out";
  REQUIRE(write_tree({dir.string(), false, kMarker, {}}, tree("old")).ok);
  fs::permissions(parent, fs::perms::owner_read | fs::perms::owner_exec);
  CHECK_FALSE(write_tree({dir.string(), false, kMarker, {}}, tree("new")).ok);
  fs::permissions(parent, fs::perms::owner_all);
  CHECK(read_file(dir / "etc/a.cfg") == "old");
  fs::remove_all(parent);
}

TEST_CASE("modes are exact whatever the umask, and the umask is given back") {
  const fs::path parent = fresh_dir("umask");
  const fs::path dir = parent / "out";
  const mode_t saved = ::umask(0077);
  const bool ok = write_tree({dir.string(), false, kMarker, {}}, tree("one")).ok;
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

namespace {
// The entries of `dir`, sorted.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST_CASE("a trailing slash or dot names the same directory") {
  const fs::path parent = fresh_dir("slash");
  fs::create_directories(parent);
  for (const char* spelling : {"out/", "out/.", "out//./"}) {
    INFO(spelling);
    const WriteOutcome o = write_tree({(parent / spelling).string(), false, kMarker, {}}, tree(spelling));
    CHECK(o.error == "");
    CHECK(read_file(parent / "out/etc/a.cfg") == spelling);
    CHECK(entries(parent) == std::vector<std::string>{"out"});  // nothing inside out/ or beside it
    CHECK(entries(parent / "out") == std::vector<std::string>{"etc", "manifest.json", "usr"});
  }
  // DIR needs a name of its own: the exchange puts the new tree at that name in DIR's parent.
  for (const std::string spelling : {"out/..", "out/../", ".", "./", "/"}) {
    const std::string dir = spelling.starts_with("out") ? (parent / spelling).string() : spelling;
    const WriteOutcome o = write_tree({dir, true, kMarker, {}}, tree("x"));
    CHECK(o.refused);
    CHECK(o.error == "refusing to replace " + dir +
                         ": give the output directory by its name (such as out), not `.`, `..` or `/`");
  }
  CHECK(entries(parent) == std::vector<std::string>{"out"});
  fs::remove_all(parent);
}

TEST_CASE("a symlinked DIR is refused however it is spelt") {
  const fs::path parent = fresh_dir("link");
  fs::create_directories(parent / "real");
  fs::create_directory_symlink("real", parent / "link");
  for (const char* spelling : {"link", "link/", "link/.", "link//./"}) {
    INFO(spelling);
    const std::string dir = (parent / spelling).string();
    const WriteOutcome o = write_tree({dir, true, kMarker, {}}, tree("x"));
    CHECK_FALSE(o.ok);
    CHECK_FALSE(o.refused);  // exit 3, as for any DIR that cannot be written
    CHECK(o.error == dir + " is a symbolic link; give the real directory");
    CHECK(fs::is_empty(parent / "real"));
    CHECK(entries(parent) == std::vector<std::string>{"link", "real"});
  }
  fs::remove_all(parent);
}

TEST_CASE("a DIR that is or holds an input is refused, and the input survives") {
  const fs::path parent = fresh_dir("input");
  const fs::path dir = parent / "out";
  REQUIRE(write_tree({dir.string(), false, kMarker, {}}, tree("old")).ok);
  std::ofstream(dir / "host.yaml") << "mine";
  fs::create_symlink("out/host.yaml", parent / "link.yaml");  // resolves into DIR
  fs::create_directories(parent / "elsewhere");
  std::ofstream(parent / "elsewhere/real.yaml") << "mine too";
  fs::create_symlink("../elsewhere/real.yaml", dir / "linked.yaml");  // lives in DIR
  for (const fs::path& input :
       {dir / "host.yaml", dir / ".." / "out" / "host.yaml", parent / "link.yaml", dir / "linked.yaml"}) {
    INFO(input.string());
    for (const bool force : {false, true}) {
      const WriteOutcome o =
          write_tree({dir.string() + "/", force, kMarker, {"other.yaml", input.string()}}, tree("new"));
      CHECK_FALSE(o.ok);
      CHECK(o.refused);
      CHECK(o.error ==
            dir.string() + "/ holds the input " + input.string() +
                ", which replacing it would delete; give an output directory that does not hold it");
    }
  }
  // DIR reached through a symbolic link to its parent is the same directory.
  const fs::path alias = parent.string() + "-alias";
  fs::create_directory_symlink(parent, alias);
  CHECK(write_tree({(alias / "out").string(), true, kMarker, {(dir / "host.yaml").string()}}, tree("new"))
            .refused);
  fs::remove(alias);
  CHECK(read_file(dir / "host.yaml") == "mine");
  CHECK(read_file(dir / "linked.yaml") == "mine too");
  CHECK(read_file(dir / "etc/a.cfg") == "old");
  const WriteOutcome is_input =
      write_tree({(dir / "host.yaml").string(), true, kMarker, {(dir / "host.yaml").string()}}, tree("x"));
  CHECK(is_input.refused);
  CHECK(is_input.error ==
        (dir / "host.yaml").string() + " is one of the inputs; give a directory for the output");
  CHECK(read_file(dir / "host.yaml") == "mine");
  // Beside DIR, or in a directory DIR's name starts with, an input is no obstacle.
  std::ofstream(parent / "out.yaml") << "x";
  fs::create_directories(parent / "out2");
  std::ofstream(parent / "out2/h.yaml") << "x";
  fs::remove(dir / "linked.yaml");
  CHECK(
      write_tree(
          {dir.string(), true, kMarker, {(parent / "out.yaml").string(), (parent / "out2/h.yaml").string()}},
          tree("new"))
          .ok);
  fs::remove_all(parent);
}

namespace {
// A staging directory for DIR `name` whose writer has died: made by a child that exits without
// cleaning up (its lock goes with it).
void dead_staging(const fs::path& parent, const std::string& name) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::string reason;
    const auto staging = Staging::create(parent, name, reason);
    if (staging) std::ofstream(staging->tree() / "half.cfg") << "half";
    ::_exit(staging ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(status == 0);
}
}  // namespace

TEST_CASE("a build removes the staging directories of dead builds into its DIR, and nothing else") {
  const fs::path parent = fresh_dir("stale");
  fs::create_directories(parent);
  dead_staging(parent, "out");
  dead_staging(parent, "out");
  dead_staging(parent, "out2");  // another DIR's: the build of out2 will see to it
  std::string reason;
  const auto live = Staging::create(parent, "out", reason);  // a concurrent build, still writing
  REQUIRE(live);
  std::ofstream(live->tree() / "busy.cfg") << "busy";
  for (const char* unrelated : {".out.xenplan-abc123", ".out.xenplan-long-name", ".out", ".git"}) {
    fs::create_directories(parent / unrelated / "tree");
    std::ofstream(parent / unrelated / "tree/keep") << "keep";  // no marker: not a staging directory
  }
  fs::create_directories(parent / ".out.xenplan-EMPTY1");  // a writer that died before its marker
  const auto staging_dirs = [&](const std::string& name) {
    std::vector<std::string> out;
    for (const std::string& e : entries(parent)) {
      if (e.starts_with("." + name + ".xenplan-") && fs::exists(parent / e / kStagingMarker))
        out.push_back(e);
    }
    return out;
  };
  REQUIRE(staging_dirs("out").size() == 3);
  REQUIRE(write_tree({(parent / "out").string(), false, kMarker, {}}, tree("one")).ok);
  CHECK(staging_dirs("out") == std::vector<std::string>{live->tree().parent_path().filename().string()});
  CHECK(read_file(live->tree() / "busy.cfg") == "busy");
  CHECK(staging_dirs("out2").size() == 1);
  CHECK_FALSE(fs::exists(parent / ".out.xenplan-EMPTY1"));
  for (const char* unrelated : {".out.xenplan-abc123", ".out.xenplan-long-name", ".out", ".git"}) {
    CHECK(read_file(parent / unrelated / "tree/keep") == "keep");
  }
  fs::remove_all(parent);
}

TEST_CASE("a failed build leaves no staging directory and removes only the parents it created") {
  const fs::path parent = fresh_dir("failed");
  fs::create_directories(parent / "existing");
  // `a` is a file, so `a/b` cannot be written: the failure comes after DIR's parents and the
  // staging directory were made.
  const std::vector<TreeFile> clash = {{"a", 0644, "x"}, {"a/b", 0644, "y"}};
  WriteOutcome o = write_tree({(parent / "new1/new2/out").string(), false, kMarker, {}}, clash);
  CHECK_FALSE(o.ok);
  CHECK(o.error.find("cannot create " + (parent / "new1/new2").string() + "/.out.xenplan-") == 0);
  CHECK(entries(parent) == std::vector<std::string>{"existing"});
  o = write_tree({(parent / "existing/new/out").string(), false, kMarker, {}}, clash);
  CHECK_FALSE(o.ok);
  CHECK(entries(parent) == std::vector<std::string>{"existing"});
  CHECK(fs::is_empty(parent / "existing"));
  // Over an earlier output: that stays as it was, and nothing is left beside it.
  REQUIRE(write_tree({(parent / "existing/out").string(), false, kMarker, {}}, tree("old")).ok);
  CHECK_FALSE(write_tree({(parent / "existing/out").string(), false, kMarker, {}}, clash).ok);
  CHECK(entries(parent / "existing") == std::vector<std::string>{"out"});
  CHECK(read_file(parent / "existing/out/etc/a.cfg") == "old");
  fs::remove_all(parent);
}
