#include "output/target_dir.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace xenplan {
namespace fs = std::filesystem;
namespace {

// "out/", "out/." and "out/./" name out (the kernel would follow a symbolic link `out` for each,
// so they must reach the same symlink check as "out"); "." stays ".".
std::string without_trailing_dots(std::string text) {
  for (;;) {
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    if (text.size() < 2 || !text.ends_with("/.")) return text;
    text.pop_back();
  }
}

// The real parent and the name of DIR. DIR must have a name: replacing `.` would leave the shell
// that ran the build in a deleted directory, and `..` or `/` are no place for an output.
bool resolve(const std::string& text, ResolvedDir& out, WriteOutcome& outcome) {
  const fs::path given(without_trailing_dots(text));
  const std::string name = given.filename().string();
  if (name.empty() || name == "." || name == "..") {
    outcome.refused = true;
    outcome.error = fmt::format(
        "refusing to replace {}: give the output directory by its name (such as out), not `.`, `..` or `/`",
        text);
    return false;
  }
  std::error_code ec;
  out.parent = fs::weakly_canonical(fs::absolute(given.has_parent_path() ? given.parent_path() : "."), ec);
  if (ec) {
    outcome.error = fmt::format("cannot find the directory of {}: {}", text, ec.message());
    return false;
  }
  out.name = name;
  return true;
}

bool within(const fs::path& path, const fs::path& dir) {
  return std::mismatch(dir.begin(), dir.end(), path.begin(), path.end()).first == dir.end();
}

struct HeldInput {
  const std::string* input = nullptr;  // as the user named it
  bool is_dir = false;                 // DIR is the input itself, not its directory
};

// The input that is `dir` or lies below it. Each input is compared twice: fully resolved (`h.yaml`
// a link to `out/h.yaml`), and with only its directory resolved (`out/h.yaml` a link to a file
// elsewhere, which replacing out would delete all the same).
HeldInput held_input(const fs::path& dir, const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(input, ec).lexically_normal();
    const fs::path as_named = fs::weakly_canonical(absolute.parent_path(), ec) / absolute.filename();
    for (const fs::path& p : {as_named, fs::weakly_canonical(absolute, ec)}) {
      if (within(p, dir)) return {&input, p == dir};
    }
  }
  return {};
}

bool is_previous_output(const fs::path& dir, const std::string& marker) {
  std::ifstream in(dir / "manifest.json");
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str().find(marker) != std::string::npos;
}

}  // namespace

WriteOutcome check_target(const WriteTarget& target, ResolvedDir& resolved) {
  WriteOutcome out;
  if (!resolve(target.dir, resolved, out)) return out;
  const fs::path dir = resolved.path();
  struct stat st {};
  const bool present = ::lstat(dir.c_str(), &st) == 0;
  if (present && S_ISLNK(st.st_mode)) {
    out.error = fmt::format("{} is a symbolic link; give the real directory", target.dir);
    return out;
  }
  if (const HeldInput held = held_input(dir, target.inputs); held.input) {
    out.refused = true;
    out.error = held.is_dir
                    ? fmt::format("{} is one of the inputs; give a directory for the output", target.dir)
                    : fmt::format(
                          "{} holds the input {}, which replacing it would delete; give an "
                          "output directory that does not hold it",
                          target.dir, *held.input);
    return out;
  }
  if (present && !S_ISDIR(st.st_mode)) {
    out.error = fmt::format("{} exists and is not a directory", target.dir);
    return out;
  }
  resolved.exists = present;
  std::error_code ec;
  if (present && !target.force && !fs::is_empty(dir, ec) &&
      !is_previous_output(dir, target.generator_marker)) {
    out.refused = true;
    out.error = fmt::format("{} is not empty and holds no earlier xenplan output; use --force to replace it",
                            target.dir);
    return out;
  }
  out.ok = true;
  return out;
}

}  // namespace xenplan
