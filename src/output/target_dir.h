// Where a tree goes: DIR as the user spelt it, resolved to a real parent directory and a name, and
// the rules that refuse a DIR before anything is written (a symbolic link, not a directory, one of
// the inputs or their directory, something that is not an earlier output).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace xenplan {

struct WriteTarget {
  std::string dir;                  // DIR as given; messages name it so
  bool force = false;               // replace a DIR that holds something other than an earlier output
  std::string generator_marker;     // a string that identifies an earlier output's manifest.json
  std::vector<std::string> inputs;  // files DIR must neither be nor hold (the descriptions it is built from)
};

struct WriteOutcome {
  bool ok = false;
  bool refused = false;   // DIR holds something that is not xenplan's (no --force), or an input
  bool replaced = false;  // DIR holds the new tree (also when ok is false: it could not be flushed)
  std::string error;      // what went wrong, for the user
};

struct ResolvedDir {
  std::filesystem::path parent;  // real: every symbolic link of its existing part resolved
  std::string name;              // DIR's entry in parent; never empty, "." or ".."
  bool exists = false;           // DIR is there (and then a real directory)
  std::filesystem::path path() const { return parent / name; }
};

// Resolves target.dir ("out/", "out/." and "./out" all name out) and applies every rule; on
// success fills `resolved`. Writes nothing.
WriteOutcome check_target(const WriteTarget& target, ResolvedDir& resolved);

}  // namespace xenplan
