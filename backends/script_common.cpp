#include "script_common.h"

#include <fmt/format.h>

#include <algorithm>

#include "artifact.h"
#include "quote.h"

namespace xenplan {

std::string shell_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + shell_word(w);
  return out;
}

std::string script_line(const std::vector<std::string>& words, int indent) {
  return std::string(static_cast<size_t>(indent), ' ') + shell_words(words) + "\n";
}

std::string indented(const std::string& lines, int indent) {
  std::string out;
  size_t start = 0;
  while (start < lines.size()) {
    const size_t end = lines.find('\n', start);
    const std::string_view line(lines.data() + start,
                                (end == std::string::npos ? lines.size() : end) - start);
    if (!line.empty()) out.append(static_cast<size_t>(indent), ' ');
    out.append(line);
    out += '\n';
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string run_line(std::string_view step, const std::vector<std::string>& command, int indent) {
  std::vector<std::string> words{"run", std::string(step)};
  words.insert(words.end(), command.begin(), command.end());
  return script_line(words, indent);
}

namespace {

std::string usage_function(std::string_view name, std::string_view purpose, std::string_view usage_details,
                           const std::vector<ScriptOption>& options) {
  std::string flags, help;
  for (const ScriptOption& o : options) {
    const std::string spelt = o.value.empty() ? std::string(o.flag) : fmt::format("{} {}", o.flag, o.value);
    flags += fmt::format(" [{}]", spelt);
    help += fmt::format("  {:<22}{}\n", spelt, o.help);
  }
  return fmt::format(R"BASH(usage() {{
  cat <<'USAGE'
usage: {} [--dry-run]{} [--help]

{}
{}
  --dry-run             print the commands that would change the host, and change nothing
{}  --help                show this help
USAGE
}}
)BASH",
                     name, flags, purpose, usage_details, help);
}

std::string option_parser(const std::vector<ScriptOption>& options) {
  std::string vars = "DRY_RUN=0\n", cases;
  for (const ScriptOption& o : options) {
    if (o.value.empty()) {
      vars += fmt::format("{}=0\n", o.variable);
      cases += fmt::format("    {}) {}=1 ;;\n", o.flag, o.variable);
    } else {
      vars += fmt::format("{}=''\n", o.variable);
      cases += fmt::format(
          "    {0}) (($# > 1)) || {{ usage >&2; exit 2; }}; {1}=$2; shift ;;\n"
          "    {0}=*) {1}=${{1#*=}} ;;\n",
          o.flag, o.variable);
    }
  }
  return fmt::format(R"BASH(
{}while (($#)); do
  case $1 in
    --dry-run) DRY_RUN=1 ;;
{}    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
)BASH",
                     vars, cases);
}

}  // namespace

std::string script_prelude(std::string_view name, std::string_view purpose, std::string_view usage_details,
                           const std::vector<ScriptOption>& options) {
  std::string out = fmt::format(
      "#!/bin/bash\n# {}\n# {}\nset -euo pipefail\n# A failure inside $(...) stops the script too, not only "
      "the command that holds it.\nshopt -s inherit_errexit\n\n",
      kBanner, purpose);
  out += usage_function(name, purpose, usage_details, options);
  out += option_parser(options);
  out += R"BASH(
# Files are read under XENPLAN_SYSROOT (empty: the real root); tests point it at a fake host.
# shellcheck disable=SC2034  # not every script reads files
ROOT=${XENPLAN_SYSROOT:-}
CHANGED=0
RUNS=0  # commands run so far: what was read before the last one may be stale

say() { printf 'xenplan: %s\n' "$*"; }
die() { printf 'xenplan: error: %s\n' "$*" >&2; exit 1; }

# run STEP COMMAND...: a command that changes the host. With --dry-run it is only printed.
run() {
  local step=$1
  shift
  CHANGED=1
  RUNS=$((RUNS + 1))
  if ((DRY_RUN)); then
    local word line='+'
    for word in "$@"; do
      # Bare when bash reads it back as it is, as xenplan quotes; otherwise single-quoted.
      if [[ $word =~ ^[A-Za-z0-9_./:=,+@%-]+$ ]]; then line+=" $word"; else line+=" ${word@Q}"; fi
    done
    printf '%s\n' "$line"
    return 0
  fi
  "$@" || die "$step failed: $*"
}
)BASH";
  return out;
}

std::vector<RtdsCall> rtds_calls(const std::vector<VcpuRtds>& per_vcpu) {
  if (per_vcpu.empty()) return {};
  const bool all_equal =
      std::all_of(per_vcpu.begin(), per_vcpu.end(), [&](const VcpuRtds& v) { return v == per_vcpu[0]; });
  if (all_equal) return {{"all", per_vcpu[0]}};
  // One call per vCPU: xl's arrays for repeated -v/-p/-b/-e overrun their buffer (reference §5.3.3).
  std::vector<RtdsCall> out;
  for (size_t v = 0; v < per_vcpu.size(); ++v) out.push_back({std::to_string(v), per_vcpu[v]});
  return out;
}

std::vector<std::string> rtds_readback(const std::vector<VcpuRtds>& per_vcpu) {
  std::vector<std::string> out;
  for (const VcpuRtds& v : per_vcpu)
    out.push_back(fmt::format("{}/{}/{}", v.period_us, v.budget_us, v.extratime ? "yes" : "no"));
  return out;
}

}  // namespace xenplan
