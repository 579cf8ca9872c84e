// `xenplan explain [CODE]`: the code table, for people.
#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "base/codes.h"
#include "base/edit_distance.h"
#include "cli/commands.h"

namespace xenplan {

int run_explain(const Options& options) {
  if (options.files.empty()) {
    for (const CodeInfo& c : all_codes()) std::cout << fmt::format("{}  {}\n", c.id, c.summary);
    return kExitOk;
  }
  std::string id = options.files.front();
  for (char& ch : id) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  const CodeInfo* c = find_code(id);
  if (!c) {
    std::vector<std::string> ids;
    for (const CodeInfo& info : all_codes()) ids.emplace_back(info.id);
    const auto guess = closest_match(id, ids);
    std::cerr << fmt::format(
        "xenplan: no diagnostic code is named `{}`{}; `xenplan explain` lists them all\n",
        options.files.front(), guess ? fmt::format(" (did you mean {}?)", *guess) : "");
    return kExitUsage;
  }
  std::cout << fmt::format("{}: {}\n\nWhy it matters: {}\n\nExample fix: {}\n", c->id, c->summary, c->why,
                           c->fix);
  return kExitOk;
}

}  // namespace xenplan
