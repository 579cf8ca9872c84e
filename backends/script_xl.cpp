#include "script_xl.h"

#include <fmt/format.h>

#include "model/identity.h"
#include "quote.h"
#include "script_common.h"

namespace xenplan {
namespace {

// How long the scripts wait for a domain to go away, unless XENPLAN_TIMEOUT says otherwise.
constexpr int kDefaultTimeoutSeconds = 60;

constexpr const char* kXlHelpers = R"BASH([[ $TIMEOUT =~ ^[0-9]+$ ]] || die "XENPLAN_TIMEOUT must be a number of seconds, not '$TIMEOUT'"

XEN_RUNNING=0
if [[ -e $ROOT/proc/xen/capabilities ]] && xl info >/dev/null 2>&1; then
  XEN_RUNNING=1
elif ((DRY_RUN)); then
  say "Xen is not running here: printing what a freshly booted host would need"
else
  die "checking Xen failed: Xen is not running (boot into Xen first; xenplan-provision sets it up)"
fi

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

# pool_exists POOL: whether xl lists the pool (never, before Xen runs).
pool_exists() { ((XEN_RUNNING)) && xl cpupool-list "$1" >/dev/null 2>&1; }

# The CPUs of pool $1 as `xl cpupool-list -c` reports them. xl pads the name to 19 columns and
# prints longer names with no gap, so the name is cut off by its length, not by a space.
pool_cpus() {
  local line
  line=$(xl cpupool-list -c "$1" 2>/dev/null | sed -n 2p) || return 1
  [[ -n $line ]] || return 1
  line=${line:${#1}}
  expand_cpus "${line//[[:space:]]/}"
}

# The scheduler of pool $1: `xl cpupool-list POOL` prints "Name CPUs Sched Active Domain count".
pool_sched() {
  local line sched
  line=$(xl cpupool-list "$1" 2>/dev/null | sed -n 2p) || return 1
  [[ -n $line ]] || return 1
  read -r _ sched _ <<<"${line:${#1}}"
  echo "$sched"
}

# free_cpus CPUS: those of CPUS ("6-7") that no pool holds, as `xl cpupool-list -c` lists every
# pool. A name of 19 characters or more runs into its CPU list; the list is then what the line
# ends with, digits and commas (a name ending in a digit can only make a free CPU look taken).
free_cpus() {
  local listing line held=' ' cpu out=()
  listing=$(xl cpupool-list -c) || die "listing the pools failed (xl cpupool-list -c)"
  while IFS= read -r line; do
    if [[ ${line:18:1} == ' ' ]]; then line=${line:19}; else line=${line##*[!0-9,]}; fi
    held+="$(expand_cpus "${line//[[:space:]]/}") "
  done <<<"${listing#*$'\n'}"
  for cpu in $(expand_cpus "$1"); do
    if [[ $held != *" $cpu "* ]]; then out+=("$cpu"); fi
  done
  echo "${out[*]}"
}

# The domains as `xl list -v` lists them, read again once a command ran (RUNS) or when asked
# to (`again`: a caller waiting for Xen). Before Xen runs there are none.
LISTING='' LISTED_AT=-1
list_domains() {
  ((XEN_RUNNING)) || return 0
  if [[ ${1:-} == again || $LISTED_AT != "$RUNS" ]]; then
    LISTING=$(xl list -v) || die "listing the domains failed (xl list -v)"
    LISTED_AT=$RUNS
  fi
}

# find_domain NAME [again]: DOM_STATE and DOM_UUID of the domain named NAME, both empty when
# there is none. DOM_STATE has xl's six flags r b p s <shutdown reason> d, such as "--p---"
# (paused) or "---s--" (shut down).
find_domain() {
  local line
  local -a f
  list_domains "${2:-}"
  DOM_STATE='' DOM_UUID=''
  while IFS= read -r line; do
    read -ra f <<<"$line"
    # Name ID Mem VCPUs State Time(s) UUID Reason-Code Security-Label: the name is what precedes the last 8.
    if ((${#f[@]} >= 9)) && [[ ${f[*]:0:${#f[@]}-8} == "$1" ]]; then
      DOM_STATE=${f[-5]} DOM_UUID=${f[-3]}
      return 0
    fi
  done <<<"${LISTING#*$'\n'}"
}

# stopped STATE: shut down (the guest has ended; xl's monitor destroys or restarts it) or dying.
stopped() { [[ ${1:3:1} == s || ${1:5:1} == d ]]; }

# Everything that keeps the script from changing the host is reported first, then it stops.
PROBLEMS=0
problem() {
  printf 'xenplan: error: %s\n' "$*" >&2
  PROBLEMS=$((PROBLEMS + 1))
}

# check_pool NAME SCHED CPUS ADVICE: a pool named NAME, when there is one, must have exactly the
# described scheduler and CPUs; otherwise it is not the pool xenplan made.
check_pool() {
  local sched have want
  pool_exists "$1" || return 0
  sched=$(pool_sched "$1") || die "reading pool $1 failed (xl cpupool-list $1)"
  have=$(pool_cpus "$1") || die "reading pool $1 failed (xl cpupool-list -c $1)"
  want=$(expand_cpus "$3")
  [[ $sched == "$2" ]] || problem "pool $1 exists with scheduler $sched, the description gives $2: $4"
  [[ $have == "$want" ]] || problem "pool $1 exists with CPUs '$have', the description gives '$want': $4"
}

# check_pool0 SCHED: Pool-0 runs the scheduler the Xen command line names (sched=).
check_pool0() {
  local sched
  ((XEN_RUNNING)) || return 0
  sched=$(pool_sched "$POOL0") || die "reading $POOL0 failed (xl cpupool-list $POOL0)"
  [[ $sched == "$1" ]] || problem "$POOL0 runs $sched, the description gives $1: Xen did not boot with sched=$1 (xenplan-provision sets it in GRUB; reboot into that entry), or this hypervisor lacks $1"
}

# check_domain NAME UUID [WHAT FILE]...: a domain named NAME, when there is one, must carry the
# UUID xenplan wrote into its xl.cfg. When it is to be created, each FILE (its kernel, ramdisk,
# file-backed disks) must exist.
check_domain() {
  local name=$1 uuid=$2
  shift 2
  find_domain "$name"
  if [[ -n $DOM_STATE ]]; then
    if [[ $DOM_UUID != "$uuid" ]]; then
      problem "domain $name exists with UUID $DOM_UUID, not $uuid, which xenplan gives it: it is not the described domain; xenplan leaves it alone (rename or remove it yourself)"
      return 0
    fi
    stopped "$DOM_STATE" || return 0
  fi
  while (($# >= 2)); do
    [[ -e $ROOT$2 ]] || problem "domain $name cannot be created: its $1 $2 does not exist"
    shift 2
  done
}
)BASH";

std::string pool_advice(const Pool& p, ScriptKind kind) {
  if (kind == ScriptKind::Down) {
    return fmt::format(
        "xenplan-down leaves it alone (to remove it yourself: xl cpupool-destroy {}, then xl cpupool-cpu-add "
        "{} with the CPUs it held)",
        p.name.value, kPool0Name);
  }
  if (p.scheduler.value == SchedulerKind::Rtds) {
    return "reboot to apply the new layout: xenplan never takes CPUs out of an RTDS pool, which "
           "can crash Xen 4.17 (fixed upstream in f294e3abe4)";
  }
  return fmt::format(
      "stop its domains, destroy it and give its CPUs back (xl cpupool-destroy {}, then xl cpupool-cpu-add "
      "{} with the CPUs it held), then run xenplan-up again",
      p.name.value, kPool0Name);
}

// The files `xl create` needs for a domain: "kernel PATH", "ramdisk PATH", "disk PATH".
std::vector<std::string> needed_files(const Domain& d) {
  std::vector<std::string> out;
  if (d.kernel.usable()) out.insert(out.end(), {"kernel", d.kernel.value});
  if (d.ramdisk.usable()) out.insert(out.end(), {"ramdisk", d.ramdisk.value});
  for (const Disk& disk : d.disks) {
    if (disk.source == DiskSource::File) out.insert(out.end(), {"disk", disk.path.value});
  }
  return out;
}

}  // namespace

std::string xl_helpers() {
  return fmt::format("\n# Seconds to wait for a domain to go away.\nTIMEOUT=${{XENPLAN_TIMEOUT:-{}}}\nPOOL0={}\n",
                     kDefaultTimeoutSeconds, shell_word(kPool0Name)) +
         kXlHelpers;
}

std::string ownership_checks(const CheckedModel& checked, ScriptKind kind) {
  const Model& m = checked.model();
  std::string out = "\n# Nothing changes unless every described pool and domain is missing or is xenplan's own.\n";
  if (kind == ScriptKind::Up) out += script_line({"check_pool0", std::string(scheduler_name(m.host.xen.scheduler.value))});
  for (const Pool& p : m.pools) {
    // xenplan-down never touches an RTDS pool, so it has nothing to check there.
    if (kind == ScriptKind::Down && p.scheduler.value == SchedulerKind::Rtds) continue;
    out += script_line({"check_pool", p.name.value, std::string(scheduler_name(p.scheduler.value)), p.cpus.value.to_string(), pool_advice(p, kind)});
  }
  for (const Domain& d : m.domains) {
    std::vector<std::string> words{"check_domain", d.name.value, domain_uuid(m, d)};
    if (kind == ScriptKind::Up) {
      const auto files = needed_files(d);
      words.insert(words.end(), files.begin(), files.end());
    }
    out += script_line(words);
  }
  out += R"BASH(((PROBLEMS == 0)) || die "nothing was changed: $PROBLEMS problem(s), each reported above")BASH";
  out += "\n";
  return out;
}

}  // namespace xenplan
