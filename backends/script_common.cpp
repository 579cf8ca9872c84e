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

std::string script_prelude(std::string_view name, std::string_view purpose, std::string_view usage_details) {
  std::string out = fmt::format("#!/bin/bash\n# {}\n# {}\nset -euo pipefail\n# A failure inside $(...) stops the script too, not only the command that holds it.\nshopt -s inherit_errexit\n\n", kBanner, purpose);
  out += fmt::format(R"BASH(usage() {{
  cat <<'USAGE'
usage: {} [--dry-run] [--help]

{}
{}
  --dry-run   print the commands that would change the host, and change nothing
  --help      show this help
USAGE
}}
)BASH",
                     name, purpose, usage_details);
  out += R"BASH(
DRY_RUN=0
for arg in "$@"; do
  case $arg in
    --dry-run) DRY_RUN=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

# Files are read under XENPLAN_SYSROOT (empty: the real root); tests point it at a fake host.
# shellcheck disable=SC2034  # not every script reads files
ROOT=${XENPLAN_SYSROOT:-}
CHANGED=0

say() { printf 'xenplan: %s\n' "$*"; }
die() { printf 'xenplan: error: %s\n' "$*" >&2; exit 1; }

# run STEP COMMAND...: a command that changes the host. With --dry-run it is only printed.
run() {
  local step=$1
  shift
  CHANGED=1
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

# "2-5,7" -> "2 3 4 5 7". Plain bash: no process substitution (it needs /dev/fd), no seq.
expand_cpus() {
  local part cpu out=()
  local -a parts
  IFS=, read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    if [[ $part =~ ^([0-9]+)-([0-9]+)$ ]]; then
      for ((cpu = 10#${BASH_REMATCH[1]}; cpu <= 10#${BASH_REMATCH[2]}; cpu++)); do out+=("$cpu"); done
    elif [[ $part =~ ^[0-9]+$ ]]; then
      out+=("$part")
    elif [[ -n $part ]]; then
      return 1
    fi
  done
  echo "${out[*]}"
}

# The CPUs of pool $1 as `xl cpupool-list -c` reports them. xl pads the name to 19 columns and
# prints longer names with no gap, so the name is cut off by its length, not by a space.
pool_cpus() {
  local line
  line=$(xl cpupool-list -c "$1" 2>/dev/null | sed -n 2p) || return 1
  [[ -n $line ]] || return 1
  line=${line:${#1}}
  expand_cpus "${line//[[:space:]]/}"
}
)BASH";
  return out;
}

std::vector<RtdsCall> rtds_calls(const std::optional<RtdsSpec>& spec, const std::vector<VcpuRtds>& per_vcpu) {
  if (!spec || per_vcpu.empty()) return {};
  const bool all_equal =
      std::all_of(per_vcpu.begin(), per_vcpu.end(), [&](const VcpuRtds& v) { return v == per_vcpu[0]; });
  if (all_equal) return {{"all", per_vcpu[0]}};
  // One call per vCPU: xl's arrays for repeated -v/-p/-b/-e overrun their buffer (reference §5.3.3).
  std::vector<RtdsCall> out;
  for (size_t v = 0; v < per_vcpu.size(); ++v) out.push_back({std::to_string(v), per_vcpu[v]});
  return out;
}

}  // namespace xenplan
