// What the generated bash scripts share: the prelude (options, --dry-run, --help, step runner),
// the one function that writes a command line with every value passed through shell_word(), and
// the grouping of `xl sched-rtds` calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "emitters.h"
#include "model/model.h"

namespace xenplan {

// A script's own option beyond --dry-run and --help: `flag` sets the bash variable `variable` to 1,
// or, when it takes a value (`value` names it in --help), to that value (empty by default).
struct ScriptOption {
  std::string_view flag;      // "--apply-network-now", "--domain"
  std::string_view variable;  // "APPLY_NETWORK_NOW", "ONLY_DOMAIN"
  std::string_view help;      // one line for --help
  std::string_view value;     // "NAME": the option takes a value; empty: a switch
};

// The opening of a script: shebang, banner, strict mode, option parsing and the helpers
//   say MSG...        print progress
//   die MSG...        print an error naming the step and exit 1
//   run STEP CMD...   run a command that changes the host (print it instead with --dry-run)
std::string script_prelude(std::string_view name, std::string_view purpose, std::string_view usage_details,
                           const std::vector<ScriptOption>& options = {});

// "word word word": every argument quoted for bash.
std::string shell_words(const std::vector<std::string>& words);

// The one door for generated commands: one line, `indent` spaces deep, every word quoted.
std::string script_line(const std::vector<std::string>& words, int indent = 0);
// Every non-empty line of `lines` indented by `indent` more spaces.
std::string indented(const std::string& lines, int indent);
// `run STEP COMMAND...`, the line of a command that changes the host, through script_line().
std::string run_line(std::string_view step, const std::vector<std::string>& command, int indent = 0);

// The `xl sched-rtds` calls that give vCPUs these parameters (one per vCPU, as the model's
// rtds_parameters() lists them): one call for all vCPUs when they are equal, otherwise one per vCPU.
struct RtdsCall {
  std::string vcpu;  // "all" or a vCPU number
  VcpuRtds params;
};
std::vector<RtdsCall> rtds_calls(const std::vector<VcpuRtds>& per_vcpu);
// "PERIOD/BUDGET/yes|no" per vCPU (µs), as xenplan-up's read-backs compare what xl prints.
std::vector<std::string> rtds_readback(const std::vector<VcpuRtds>& per_vcpu);


std::string up_script(const BuildInput& in);
// xenplan-up --check: read-only helpers, then the comparison of the live host with the
// description, which reports and exits; it never reaches a command that changes the host.
std::string check_section(const BuildInput& in);
std::string down_script(const CheckedModel& checked);
std::string provision_script(const BuildInput& in, const Artifacts& installed);

}  // namespace xenplan
