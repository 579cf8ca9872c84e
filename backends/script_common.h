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

// The `xl sched-rtds` calls that give vCPUs the parameters the model says they run with: none
// when the description gives none (Xen's defaults apply), one for all vCPUs when they are equal,
// otherwise one per vCPU.
struct RtdsCall {
  std::string vcpu;  // "all" or a vCPU number
  VcpuRtds params;
};
std::vector<RtdsCall> rtds_calls(const std::optional<RtdsSpec>& spec, const std::vector<VcpuRtds>& per_vcpu);

std::string provision_script(const BuildInput& in, const Artifacts& installed);

}  // namespace xenplan
