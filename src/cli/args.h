// Command-line parsing: the command, its files and options. No I/O beyond what it returns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "syntax/load.h"

namespace xenplan {

// Exit statuses, documented in the README and --help.
enum ExitStatus : int {
  kExitOk = 0,          // valid (warnings allowed)
  kExitInvalid = 1,     // the description has errors
  kExitUsage = 2,       // the command line is wrong
  kExitUnreadable = 3,  // an input cannot be read, or an output cannot be written
  kExitInternal = 70,   // a bug in xenplan
};

enum class ColorMode { Auto, Always, Never };
enum class OutputFormat { Text, Json, Sarif, Github };

struct Options {
  std::string command;  // "check"; empty with --help/--version alone
  std::vector<std::string> files;
  std::optional<Syntax> syntax;  // --syntax, needed for "-"
  ColorMode color = ColorMode::Auto;
  OutputFormat format = OutputFormat::Text;  // --format
  bool allow_unknown = false;                // --allow-unknown
  bool werror = false;                       // warnings count as errors
  size_t error_limit = 0;                    // stop printing after this many errors (0: all)
  std::string drift_dir;                     // build --check DIR: compare instead of writing
  std::string output;                        // build: -o DIR
  bool force = false;                        // build: replace a directory that is not xenplan's
  bool write = false;                        // fmt: rewrite the file in place
  bool check_only = false;                   // fmt: exit 1 when the file is not in canonical form
  std::optional<Syntax> to;                  // fmt: convert to this syntax
  // import: facts about the host no configuration file holds, and the lvs output
  std::optional<std::string> host_name;    // --host
  std::optional<uint32_t> host_cpus;       // --cpus
  std::optional<uint64_t> host_memory;     // --memory, bytes
  std::optional<std::string> xen_version;  // --xen
  std::optional<std::string> lvs;          // --lvs FILE
  bool help = false;
  bool version = false;
};

struct ParsedArgs {
  Options options;
  std::string error;  // non-empty: a usage error to print
};

ParsedArgs parse_args(const std::vector<std::string>& args);

std::string usage_text();
std::string command_help(const std::string& command);

}  // namespace xenplan
