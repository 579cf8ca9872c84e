// What the generated bash scripts share: the prelude (options, --dry-run, --help, step runner)
// and helpers to write bash lines with every value passed through shell_word().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "emitters.h"
#include "model/model.h"

namespace xenplan {

// The opening of a script: shebang, banner, strict mode, option parsing and the helpers
//   say MSG...        print progress
//   die MSG...        print an error naming the step and exit 1
//   run STEP CMD...   run a command that changes the host (print it instead with --dry-run)
//   expand_cpus SET   "2-5,7" → "2 3 4 5 7"
//   pool_cpus POOL    the CPUs xl reports for a pool, as expand_cpus prints them
std::string script_prelude(std::string_view name, std::string_view purpose, std::string_view usage_details);

// "word word word": every argument quoted for bash.
std::string shell_words(const std::vector<std::string>& words);

// The RTDS parameters for `xl sched-rtds`, and the CPU list of a pool, for the script bodies.
struct RtdsCall {
  std::string vcpu;  // "all" or a vCPU number
  uint64_t period_us, budget_us;
  bool extratime;
};
std::vector<RtdsCall> rtds_calls(const Domain& d);

std::string provision_script(const BuildInput& in, const Artifacts& installed);

}  // namespace xenplan
