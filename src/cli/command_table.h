// The one table of xenplan's commands: name, the lines of the usage summary, the function that
// runs it, and its --help text. Parsing, dispatch and help are all read from here.
#pragma once

#include <span>
#include <string_view>

#include "cli/args.h"

namespace xenplan {

struct CommandUsage {
  std::string_view synopsis;  // "build FILE... -o DIR"
  std::string_view summary;   // what it does, for the command list of --help
};

struct CommandInfo {
  std::string_view name;
  std::span<const CommandUsage> usage;
  int (*run)(const Options&);
  std::string_view help;  // `xenplan COMMAND --help`
};

std::span<const CommandInfo> command_table();
// The command named `name`, or null.
const CommandInfo* find_command(std::string_view name);

}  // namespace xenplan
