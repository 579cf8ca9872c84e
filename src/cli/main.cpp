// The xenplan executable: parse the command line and dispatch. Everything else is in libraries.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/command_table.h"

int main(int argc, char** argv) {
  using namespace xenplan;
  try {
    const ParsedArgs parsed = parse_args(std::vector<std::string>(argv + 1, argv + argc));
    const Options& o = parsed.options;
    if (!parsed.error.empty()) {
      std::cerr << "xenplan: " << parsed.error << "\n\n" << usage_text();
      return kExitUsage;
    }
    if (o.help) {
      std::cout << (o.command.empty() ? usage_text() : command_help(o.command));
      return kExitOk;
    }
    if (o.version) {
      std::cout << "xenplan " << XENPLAN_VERSION << '\n';
      return kExitOk;
    }
    if (const CommandInfo* command = find_command(o.command)) return command->run(o);
    std::cerr << "xenplan: unknown command\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "xenplan: internal error: " << e.what() << '\n';
    return kExitInternal;
  }
}
