// xenplan-up and xenplan-down: bring the pools and domains up at every boot under Xen, and take
// them down again. Idempotent: `up` on a host already up runs only probes and says so.
#include <fmt/format.h>

#include <string_view>

#include "emitters.h"
#include "paths.h"
#include "quote.h"
#include "script_common.h"

namespace xenplan {
namespace {

// Why no script takes CPUs out of an RTDS pool (reference, pitfall 5), as both scripts say it.
constexpr std::string_view kRtdsTeardownCrash = "can crash Xen 4.17 (fixed upstream in f294e3abe4)";

constexpr const char* kUpHelpers = R"BASH(
XEN_RUNNING=0
if [[ -e $ROOT/proc/xen/capabilities ]] && xl info >/dev/null 2>&1; then
  XEN_RUNNING=1
elif ((DRY_RUN)); then
  say "Xen is not running here: printing what a freshly booted host would need"
else
  die "checking Xen failed: Xen is not running (boot into Xen first; xenplan-provision sets it up)"
fi

# The CPUs still in Pool-0 (all of the host's before Xen runs, for --dry-run).
pool0_cpus() {
  if ((XEN_RUNNING)); then pool_cpus Pool-0; else expand_cpus "$HOST_CPUS"; fi
}

# ensure_pool NAME CONFIG CPUS HOW_TO_REPARTITION: create the pool from CONFIG unless it exists,
# then check that it holds exactly CPUS: xl's cpupool commands exit 0 even when they fail halfway.
# An existing pool with other CPUs is never re-partitioned here; the message says what to do.
ensure_pool() {
  local name=$1 config=$2 want have cpu move=()
  want=$(expand_cpus "$3")
  if xl cpupool-list "$name" >/dev/null 2>&1; then
    have=$(pool_cpus "$name") || die "reading pool $name failed"
    [[ $have == "$want" ]] || die "pool $name exists with CPUs '${have}', the description gives '$want': $4"
    say "pool $name: already up with CPUs $3"
    return 0
  fi
  local pool0
  pool0=$(pool0_cpus) || die "reading the CPUs of Pool-0 failed"
  pool0=" $pool0 "
  for cpu in $want; do
    if [[ $pool0 == *" $cpu "* ]]; then move+=("$cpu"); fi
  done
  if ((${#move[@]})); then
    local list
    list=$(IFS=,; echo "${move[*]}")
    run "moving CPUs $list out of Pool-0" xl cpupool-cpu-remove Pool-0 "$list"
  fi
  run "creating pool $name" xl cpupool-create "$config"
  if ((!DRY_RUN)); then
    have=$(pool_cpus "$name") || die "creating pool $name failed: xl does not list it"
    [[ $have == "$want" ]] || die "creating pool $name failed: it holds CPUs '${have}', not '$want'"
  fi
  say "pool $name: created with CPUs $3"
}

# create_paused NAME CONFIG: false when the domain already runs.
create_paused() {
  if xl domid "$1" >/dev/null 2>&1; then
    say "domain $1: already running"
    return 1
  fi
  run "creating domain $1" xl create -p "$2"
}
)BASH";

std::string pool_lines(const Model& m) {
  std::string out;
  for (const Pool& p : m.pools) {
    // Only a reboot re-partitions an RTDS pool safely.
    const std::string how =
        p.scheduler.value == SchedulerKind::Rtds
            ? fmt::format(
                  "reboot to apply the new layout: xenplan never takes CPUs out of an RTDS pool, which {}",
                  kRtdsTeardownCrash)
            : "stop its domains and destroy it (xl cpupool-destroy), then run xenplan-up again";
    out += fmt::format("ensure_pool {}\n", shell_words({p.name.value, paths::pool_config(p.name.value),
                                                        p.cpus.value.to_string(), how}));
  }
  return out;
}

std::string domain_lines(const Model& m, const Domain& d) {
  const std::string name = shell_word(d.name.value);
  std::string out =
      fmt::format("if create_paused {} {}; then\n", name, shell_word(paths::domain_config(d.name.value)));
  const SchedulerKind sched = m.domain_scheduler(d);
  if (sched == SchedulerKind::Rtds) {
    // RTDS cannot be set from xl.cfg; -e is mandatory in xl 4.17 (reference §5.3.3, §5.3.4).
    for (const RtdsCall& c : rtds_calls(d.rtds, m.rtds_parameters(d))) {
      out += fmt::format("  run {} xl sched-rtds -d {} -v {} -p {} -b {} -e {}\n",
                         shell_word(fmt::format("setting RTDS parameters of {}", d.name.value)), name, c.vcpu,
                         c.params.period_us, c.params.budget_us, c.params.extratime ? 1 : 0);
    }
  } else if (is_credit_family(sched) && d.credit && (d.credit->weight.usable() || d.credit->cap.usable())) {
    std::string args;
    if (d.credit->weight.usable()) args += fmt::format(" -w {}", d.credit->weight.value);
    if (d.credit->cap.usable()) args += fmt::format(" -c {}", d.credit->cap.value);
    out += fmt::format(
        "  run {} xl sched-{} -d {}{}\n",
        shell_word(fmt::format("setting {} parameters of {}", scheduler_name(sched), d.name.value)),
        scheduler_name(sched), name, args);
  }
  out += fmt::format("  run {} xl unpause {}\n", shell_word(fmt::format("unpausing {}", d.name.value)), name);
  out += fmt::format("  say {}\nfi\n", shell_word(fmt::format("domain {}: started", d.name.value)));
  return out;
}

std::string up_script(const Model& m) {
  std::string out = script_prelude(
      "xenplan-up", fmt::format("Brings up the cpupools and domains of host {}.", m.host.name.value),
      "Run at every boot under Xen (xenplan.service does). Creates each missing pool,\n"
      "checks its CPUs, and starts each domain that is not running, paused until its\n"
      "scheduling parameters are set. A second run changes nothing.\n");
  out += fmt::format("\nHOST_CPUS={}\n", shell_word(fmt::format("0-{}", m.host.cpus.value - 1)));
  out += kUpHelpers;
  out += "\n# Pools before domains: a domain's pool must exist when it is created.\n";
  out += pool_lines(m);
  out += "\n# Each domain is created paused, given its scheduling parameters, then unpaused.\n";
  for (const Domain& d : m.domains) out += domain_lines(m, d);
  out += R"BASH(
if ((CHANGED)); then
  say "host is up"
else
  say "nothing to do: every pool and domain is already up"
fi
)BASH";
  return out;
}

std::string down_script(const Model& m) {
  std::string out = script_prelude(
      "xenplan-down", fmt::format("Stops the domains and cpupools of host {}.", m.host.name.value),
      "Shuts the domains down, then destroys the pools and returns their CPUs to Pool-0.\n"
      "RTDS pools stay in place: on Xen 4.17 (and every stable release so far),\n"
      "removing the CPU that holds RTDS's replenishment timer crashes the hypervisor\n"
      "(fixed upstream in f294e3abe4). xenplan-up reuses them.\n");
  out += "\nxl info >/dev/null 2>&1 || ((DRY_RUN)) || die \"checking Xen failed: Xen is not running\"\n\n";
  for (auto it = m.domains.rbegin(); it != m.domains.rend(); ++it) {
    const std::string name = shell_word(it->name.value);
    out += fmt::format("if xl domid {} >/dev/null 2>&1; then\n  run {} xl shutdown -w {}\nfi\n", name,
                       shell_word(fmt::format("shutting down {}", it->name.value)), name);
  }
  for (auto it = m.pools.rbegin(); it != m.pools.rend(); ++it) {
    const std::string name = shell_word(it->name.value);
    if (it->scheduler.value == SchedulerKind::Rtds) {
      out += fmt::format(
          "say {}\n",
          shell_word(fmt::format("pool {}: left in place with its CPUs, because taking CPUs out of an RTDS "
                                 "pool {}",
                                 it->name.value, kRtdsTeardownCrash)));
      continue;
    }
    out += fmt::format(
        "if xl cpupool-list {} >/dev/null 2>&1; then\n"
        "  run {} xl cpupool-destroy {}\n"
        "  run {} xl cpupool-cpu-add Pool-0 {}\n"
        "fi\n",
        name, shell_word(fmt::format("destroying pool {}", it->name.value)), name,
        shell_word(fmt::format("returning CPUs {} to Pool-0", it->cpus.value.to_string())),
        shell_word(it->cpus.value.to_string()));
  }
  out +=
      "\nif ((CHANGED)); then say \"host is down\"; else say \"nothing to do: the host is already down\"; "
      "fi\n";
  return out;
}

}  // namespace

Artifacts emit_scripts(const BuildInput& in) {
  return {artifact_at(paths::kUp, ArtifactKind::Script, up_script(in.model), 0755),
          artifact_at(paths::kDown, ArtifactKind::Script, down_script(in.model), 0755)};
}

}  // namespace xenplan
