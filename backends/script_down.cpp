// xenplan-down: stops the domains and the pools of host, and only those xenplan made: a domain
// of a described name with another UUID, or a pool with other CPUs or another scheduler, stops it
// before anything changes. It waits until Xen has destroyed each domain, within a bound.
#include <fmt/format.h>

#include "script_common.h"
#include "script_xl.h"

namespace xenplan {
namespace {

// Why no script takes CPUs out of an RTDS pool (reference, pitfall 5), as both scripts say it.
constexpr std::string_view kRtdsTeardownCrash = "can crash Xen 4.17 (fixed upstream in f294e3abe4)";

constexpr const char* kDownHelpers = R"BASH(
# Seconds after which a domain that shut down but was not destroyed is destroyed.
GRACE=10
STOPPING=()

# stop_domain NAME: asks the domain to shut down. A paused one cannot, and is destroyed.
stop_domain() {
  find_domain "$1"
  [[ -n $DOM_STATE ]] || return 0
  if stopped "$DOM_STATE"; then
    :  # it has ended already; wait_stopped waits until it is gone
  elif [[ ${DOM_STATE:2:1} == p ]]; then
    run "destroying $1 (paused, it cannot shut itself down)" xl destroy "$1"
  else
    run "shutting down $1" xl shutdown "$1"
  fi
  STOPPING+=("$1")
}

# still_there NAME SECOND: whether the domain exists yet, in this second's listing. At the
# GRACE-th second, one that has shut down but is not destroyed (on_poweroff="preserve", or no xl
# process watching it) is.
still_there() {
  find_domain "$1"
  if [[ -z $DOM_STATE ]]; then
    say "domain $1: stopped"
    return 1
  fi
  if (($2 == GRACE)) && [[ ${DOM_STATE:3:1} == s && ${DOM_STATE:5:1} != d ]]; then
    run "destroying $1 (shut down $GRACE s ago, not destroyed)" xl destroy "$1"
  fi
  LAST_STATE[$1]=$DOM_STATE
}

# wait_stopped: until Xen has destroyed every domain in STOPPING, at most TIMEOUT seconds.
declare -A LAST_STATE=()
wait_stopped() {
  local second=0 name left
  ((!DRY_RUN)) || return 0
  while ((${#STOPPING[@]})); do
    left=()
    list_domains again
    for name in "${STOPPING[@]}"; do
      if still_there "$name" "$second"; then left+=("$name"); fi
    done
    STOPPING=("${left[@]}")
    ((${#STOPPING[@]})) || return 0
    if ((second >= TIMEOUT)); then
      left=()
      for name in "${STOPPING[@]}"; do left+=("$name (xl list: ${LAST_STATE[$name]})"); done
      die "stopping the domains failed: after $TIMEOUT s, Xen still has ${left[*]}; xl destroy NAME forces one off"
    fi
    sleep 1
    second=$((second + 1))
  done
}

# destroy_pool NAME CPUS: destroys the pool (check_pool found it as described) and gives the
# CPUs it held back to Pool-0. When it is gone already, those of its CPUs that no pool holds (a
# run stopped between the two steps) are given back. Pool-0 is read back: xl's cpupool commands
# exit 0 when they fail halfway.
destroy_pool() {
  local name=$1 held='' what cpu pool0 missing=()
  if pool_exists "$name"; then
    held=$(pool_cpus "$name") || die "reading pool $name failed (xl cpupool-list -c $name)"
    run "destroying pool $name" xl cpupool-destroy "$name"
    what=destroyed
  elif ((XEN_RUNNING)); then
    held=$(free_cpus "$2")
    what="gone already, and no pool held its CPUs"
  fi
  [[ -n $held ]] || { [[ -z ${what:-} ]] || say "pool $name: $what"; return 0; }
  local list=${held// /,}
  run "returning CPUs $list to $POOL0" xl cpupool-cpu-add "$POOL0" "$list"
  if ((!DRY_RUN)); then
    pool0=" $(pool_cpus "$POOL0") " || die "reading $POOL0 failed (xl cpupool-list -c $POOL0)"
    for cpu in $held; do
      if [[ $pool0 != *" $cpu "* ]]; then missing+=("$cpu"); fi
    done
    ((${#missing[@]} == 0)) || die "returning CPUs $list to $POOL0 failed: $POOL0 does not hold ${missing[*]}"
  fi
  say "pool $name: $what; CPUs $list back in $POOL0"
}
)BASH";

}  // namespace

std::string down_script(const CheckedModel& checked) {
  const Model& m = checked.model();
  std::string out = script_prelude(
      "xenplan-down", fmt::format("Stops the domains and cpupools of host {}.", m.host.name.value),
      "Shuts the domains down and waits until Xen has destroyed them, then destroys the pools\n"
      "and returns the CPUs they held to Pool-0. Only what xenplan made: a domain of a\n"
      "described name with another UUID, or a pool with other CPUs or another scheduler, stops\n"
      "it before anything changes. RTDS pools stay in place: on Xen 4.17 (and every stable\n"
      "release so far), removing the CPU that holds RTDS's replenishment timer crashes the\n"
      "hypervisor (fixed upstream in f294e3abe4). xenplan-up reuses them. XENPLAN_TIMEOUT:\n"
      "seconds to wait for the domains to be destroyed (default 60).\n");
  out += xl_helpers();
  out += kDownHelpers;
  out += ownership_checks(checked, ScriptKind::Down);
  out += "\n# Domains, the last described first; then wait until Xen has destroyed them all.\n";
  for (auto it = m.domains.rbegin(); it != m.domains.rend(); ++it) out += script_line({"stop_domain", it->name.value});
  out += "wait_stopped\n";
  out += "\n# Pools, the last described first.\n";
  for (auto it = m.pools.rbegin(); it != m.pools.rend(); ++it) {
    if (it->scheduler.value == SchedulerKind::Rtds) {
      out += script_line(
          {"say", fmt::format("pool {}: left in place with its CPUs, because taking CPUs out of an RTDS pool {}",
                              it->name.value, kRtdsTeardownCrash)});
      continue;
    }
    out += script_line({"destroy_pool", it->name.value, it->cpus.value.to_string()});
  }
  out +=
      "\nif ((CHANGED)); then say \"host is down\"; else say \"nothing to do: the host is already down\"; "
      "fi\n";
  return out;
}

}  // namespace xenplan
