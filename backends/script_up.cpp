// xenplan-up: brings the pools and domains up at every boot under Xen, and repairs what a failed
// earlier run (or a hand) left: a domain paused, or running with other scheduling parameters,
// gets them back, read back to be sure. A run on a host already up only reads and says so.
#include <fmt/format.h>

#include "paths.h"
#include "quote.h"
#include "script_common.h"
#include "script_xl.h"

namespace xenplan {
namespace {

// --check only reads: `run` is replaced before anything can call it, and a host that cannot be
// read is exit 2, not the exit 1 of a drifted host.
constexpr const char* kCheckMode = R"BASH(
if ((CHECK)); then
  ((!DRY_RUN)) && [[ -z $ONLY_DOMAIN ]] || { usage >&2; exit 2; }
  case $FORMAT in '' | text | json) ;; *) usage >&2; exit 2 ;; esac
  run() { printf 'xenplan-up: error: --check never changes the host, yet it reached: %s\n' "$*" >&2; exit 2; }
  die() { printf 'xenplan-up: cannot read the host: %s\n' "$*" >&2; exit 2; }
elif [[ -n $FORMAT ]]; then
  usage >&2
  exit 2
fi
)BASH";

constexpr const char* kUpHelpers = R"BASH(
# The CPUs still in Pool-0 (all of the host's before Xen runs, for --dry-run).
pool0_cpus() {
  if ((XEN_RUNNING)); then pool_cpus "$POOL0"; else expand_cpus "$HOST_CPUS"; fi
}

# ensure_pool NAME SCHED CONFIG CPUS: create the pool from CONFIG unless it exists (check_pool
# has made sure an existing one is as described), then check that it holds exactly CPUS under
# SCHED: xl's cpupool commands exit 0 even when they fail halfway.
ensure_pool() {
  local name=$1 want have cpu pool0 move=()
  if pool_exists "$name"; then
    say "pool $name: already up with CPUs $4"
    return 0
  fi
  want=$(expand_cpus "$4")
  pool0=" $(pool0_cpus) " || die "reading the CPUs of $POOL0 failed"
  for cpu in $want; do
    if [[ $pool0 == *" $cpu "* ]]; then move+=("$cpu"); fi
  done
  if ((${#move[@]})); then
    local list
    list=$(IFS=,; echo "${move[*]}")
    run "moving CPUs $list out of $POOL0" xl cpupool-cpu-remove "$POOL0" "$list"
  fi
  run "creating pool $name" xl cpupool-create "$3"
  if ((!DRY_RUN)); then
    have=$(pool_cpus "$name") || die "creating pool $name failed: xl does not list it"
    [[ $have == "$want" ]] || die "creating pool $name failed: it holds CPUs '${have}', not '$want'"
    [[ $(pool_sched "$name") == "$2" ]] || die "creating pool $name failed: it does not run $2"
  fi
  say "pool $name: created with CPUs $4"
}

# What happened to the domain being brought up: created by this run, or repaired.
CREATED='' REPAIRED=''

# wait_gone NAME: until no domain has that name, at most TIMEOUT seconds.
wait_gone() {
  local i
  ((DRY_RUN)) && return 0
  for ((i = 0; i < TIMEOUT; i++)); do
    find_domain "$1" again
    [[ -n $DOM_STATE ]] || return 0
    sleep 1
  done
  die "removing domain $1 failed: it is still there after $TIMEOUT s (xl list: $DOM_STATE)"
}

# ensure_assignable BDF...: each PCI device bound to xen-pciback, as `xl create` needs it, and
# checked with `xl pci-assignable-list` (the device's driver in dom0 lets go of it).
ensure_assignable() {
  local bdf listed
  for bdf in "$@"; do
    listed=$( ((XEN_RUNNING)) && xl pci-assignable-list 2>/dev/null) || listed=''
    if [[ $'\n'$listed == *$'\n'"$bdf "* ]]; then continue; fi
    run "making PCI device $bdf assignable" xl pci-assignable-add "$bdf"
    if ((!DRY_RUN)); then
      listed=$(xl pci-assignable-list 2>/dev/null) || listed=''
      [[ $'\n'$listed == *$'\n'"$bdf "* ]] || die "making PCI device $bdf assignable failed: xl pci-assignable-list does not list it (is xen-pciback loaded, and the IOMMU on?)"
    fi
  done
}

# create_domain NAME CONFIG [PASSWORD_FILE hvm|vfb]: `xl create -p`. With a VNC password file, from
# a root-only copy of CONFIG that holds the password, removed at once: the password is never in
# a file xenplan writes, nor on a command line.
create_domain() {
  if (($# < 3)); then
    run "creating domain $1" xl create -p "$2"
    return 0
  fi
  local pass='' copy
  [[ -r $ROOT$3 ]] || die "reading the VNC password of $1 failed: $3 is missing"
  IFS= read -r pass <"$ROOT$3" || [[ -n $pass ]] || die "reading the VNC password of $1 failed: $3 is empty"
  [[ $pass =~ ^[A-Za-z0-9_.:+@%-]{1,8}$ ]] || die "the VNC password in $3 must be 1 to 8 letters, digits or _.:+@%- (VNC reads at most 8)"
  # In /run: a tmpfs on Debian, so the password never reaches a disk.
  copy=$(umask 077 && mktemp "$ROOT/run/xenplan-$1-XXXXXX.cfg") || die "creating domain $1 failed: no file in /run"
  if [[ $4 == hvm ]]; then
    { cat "$ROOT$2"; printf 'vncpasswd = "%s"\n' "$pass"; } >"$copy"
  else
    sed "s|^vfb = \\[\"\\(.*\\)\"\\]\$|vfb = [\"\\1,vncpasswd=$pass\"]|" "$ROOT$2" >"$copy"
  fi
  if ! run "creating domain $1" xl create -p "${copy#"$ROOT"}"; then rm -f "$copy"; return 1; fi
  rm -f "$copy"
}

# start_domain NAME CONFIG [--pci BDF]... [--vnc-password FILE hvm|vfb]: when it returns, the
# domain exists and has not shut down. A missing one is created paused from CONFIG, its PCI
# devices made assignable first; what is left of one that shut down (or is dying) is removed
# first, since xl cannot create a second domain of the same name.
start_domain() {
  local name=$1 config=$2 pci=() password=()
  shift 2
  while (($#)); do
    case $1 in
      --pci) pci+=("$2"); shift 2 ;;
      --vnc-password) password=("$2" "$3"); shift 3 ;;
    esac
  done
  CREATED='' REPAIRED=''
  find_domain "$name"
  if [[ -n $DOM_STATE ]] && ! stopped "$DOM_STATE"; then return 0; fi
  if [[ -n $DOM_STATE ]]; then
    say "domain $name: not running (xl list: $DOM_STATE): removing what is left of it to start it again"
    if [[ ${DOM_STATE:5:1} != d ]]; then run "destroying what is left of $name" xl destroy "$name"; fi
    wait_gone "$name"
  fi
  ((${#pci[@]} == 0)) || ensure_assignable "${pci[@]}"
  create_domain "$name" "$config" "${password[@]}"
  CREATED=$name
}

# wanted NAME AUTOSTART: whether this run brings the domain up: with --domain only that one,
# otherwise every domain whose autostart is on (1).
wanted() {
  if [[ -n $ONLY_DOMAIN ]]; then
    [[ $1 == "$ONLY_DOMAIN" ]]
    return
  fi
  (($2)) && return 0
  say "domain $1: left down (autostart: false); xenplan-up --domain $1 starts it"
  return 1
}

# pool_wanted DOMAIN...: with --domain, only the pool of that domain is brought up.
pool_wanted() {
  [[ -z $ONLY_DOMAIN ]] && return 0
  local d
  for d in "$@"; do [[ $d == "$ONLY_DOMAIN" ]] && return 0; done
  return 1
}

# rtds_is DOMAIN P/B/E...: whether xl reads back exactly these period/budget/extratime (µs, µs,
# yes|no) for the domain's vCPUs, in order (`xl sched-rtds -d D -v all`: Name ID VCPU Period
# Budget Extratime). READ_BACK and WANT keep both sides for messages.
rtds_is() {
  local domain=$1 lines vcpu period budget extra got=()
  shift
  WANT="$*" READ_BACK='nothing'
  ((XEN_RUNNING)) || return 1
  lines=$(xl sched-rtds -d "$domain" -v all 2>/dev/null | sed 1d) || return 1
  while read -r _ _ vcpu period budget extra; do
    if [[ -n $vcpu ]]; then got+=("$period/$budget/$extra"); fi
  done <<<"$lines"
  READ_BACK=${got[*]}
  [[ $READ_BACK == "$WANT" ]]
}

# credit_is DOMAIN SCHED WEIGHT CAP: whether `xl sched-SCHED -d D` (Name ID Weight Cap) reads
# back the described weight and cap; "-" is one the description leaves to Xen.
credit_is() {
  local line weight cap
  WANT="weight $3, cap $4" READ_BACK='nothing'
  ((XEN_RUNNING)) || return 1
  line=$(xl "sched-$2" -d "$1" 2>/dev/null | sed -n 2p) || return 1
  read -r _ _ weight cap <<<"$line"
  [[ $3 != - ]] || weight=-
  [[ $4 != - ]] || cap=-
  READ_BACK="weight $weight, cap $cap"
  [[ $READ_BACK == "$WANT" ]]
}

# repairing DOMAIN WHAT: says that a domain found running is put back as described.
repairing() {
  if ((XEN_RUNNING)) && [[ $CREATED != "$1" ]]; then
    say "domain $1: $2 are $READ_BACK, the description gives $WANT: setting them"
    REPAIRED=$1
  fi
}

# verify STEP CHECK ARGS...: after a change, what xl reads back must be what was set.
verify() {
  local step=$1
  shift
  ((DRY_RUN)) || "$@" || die "$step failed: xl reads back $READ_BACK, not $WANT"
}

# unpause_domain NAME: the domain runs, checked by reading its state back (`xl unpause` exits 0
# even when it fails).
unpause_domain() {
  find_domain "$1"
  if [[ -n $DOM_STATE && ${DOM_STATE:2:1} != p ]]; then
    if [[ $REPAIRED == "$1" ]]; then say "domain $1: running, repaired"; else say "domain $1: already running"; fi
    return 0
  fi
  if [[ -n $DOM_STATE && $CREATED != "$1" ]]; then say "domain $1: paused (xl list: $DOM_STATE): unpausing it"; fi
  run "unpausing $1" xl unpause "$1"
  if ((!DRY_RUN)); then
    find_domain "$1"
    [[ -n $DOM_STATE && ${DOM_STATE:2:1} != p ]] || die "unpausing $1 failed: xl list shows it ${DOM_STATE:-gone}"
  fi
  say "domain $1: started"
}
)BASH";

// Set the described RTDS parameters unless xl reads them back already, then read them back.
// RTDS cannot be set from xl.cfg; -e is mandatory in xl 4.17 (reference §5.3.3, §5.3.4).
std::string rtds_block(std::string_view domain, const std::vector<VcpuRtds>& per_vcpu) {
  const std::string name(domain);
  const std::string step = fmt::format("setting RTDS parameters of {}", name);
  std::vector<std::string> check{"rtds_is", name};
  for (const auto& p : rtds_readback(per_vcpu)) check.push_back(p);
  std::string out = "if ! " + shell_words(check) + "; then\n";
  out += script_line({"repairing", name, "RTDS parameters"}, 2);
  for (const RtdsCall& c : rtds_calls(per_vcpu)) {
    out += run_line(step,
                    {"xl", "sched-rtds", "-d", name, "-v", c.vcpu, "-p", std::to_string(c.params.period_us),
                     "-b", std::to_string(c.params.budget_us), "-e", c.params.extratime ? "1" : "0"},
                    2);
  }
  std::vector<std::string> verify{"verify", step};
  verify.insert(verify.end(), check.begin(), check.end());
  return out + script_line(verify, 2) + "fi\n";
}

std::string credit_block(SchedulerKind sched, const Domain& d) {
  const std::string name = d.name.value, sched_name(scheduler_name(sched));
  const std::string step = fmt::format("setting {} parameters of {}", sched_name, name);
  const std::string weight = d.credit->weight.usable() ? std::to_string(d.credit->weight.value) : "-";
  const std::string cap = d.credit->cap.usable() ? std::to_string(d.credit->cap.value) : "-";
  std::vector<std::string> set{"xl", "sched-" + sched_name, "-d", name};
  if (weight != "-") set.insert(set.end(), {"-w", weight});
  if (cap != "-") set.insert(set.end(), {"-c", cap});
  const std::vector<std::string> check{"credit_is", name, sched_name, weight, cap};
  std::string out = "if ! " + shell_words(check) + "; then\n";
  out += script_line({"repairing", name, sched_name + " parameters"}, 2);
  out += run_line(step, set, 2);
  std::vector<std::string> verify{"verify", step};
  verify.insert(verify.end(), check.begin(), check.end());
  return out + script_line(verify, 2) + "fi\n";
}

std::vector<std::string> start_line(const Domain& d) {
  std::vector<std::string> words{"start_domain", d.name.value, paths::domain_config(d.name.value)};
  for (const PciDevice& dev : d.pci) words.insert(words.end(), {"--pci", dev.bdf.value.text()});
  if (d.vnc && d.vnc->password_file.usable()) {
    words.insert(words.end(), {"--vnc-password", d.vnc->password_file.value,
                               d.type.value == DomainType::Hvm ? "hvm" : "vfb"});
  }
  return words;
}

std::string domain_lines(const Model& m, const Domain& d) {
  std::string out = fmt::format("\n# {} ({}, {})\n", d.name.value, m.domain_pool_name(d),
                                scheduler_name(m.domain_scheduler(d)));
  out += "if " + shell_words({"wanted", d.name.value, d.autostart.value ? "1" : "0"}) + "; then\n";
  std::string body = script_line(start_line(d));
  const SchedulerKind sched = m.domain_scheduler(d);
  if (sched == SchedulerKind::Rtds) {
    body += rtds_block(d.name.value, m.rtds_parameters(d));
  } else if (is_credit_family(sched) && d.credit && (d.credit->weight.usable() || d.credit->cap.usable())) {
    body += credit_block(sched, d);
  }
  body += script_line({"unpause_domain", d.name.value});
  return out + indented(body, 2) + "fi\n";
}

// The check that --domain names a described domain, before anything changes.
std::string only_domain_check(const Model& m) {
  std::string names, patterns;
  for (const Domain& d : m.domains) {
    names += (names.empty() ? "" : ", ") + d.name.value;
    patterns += (patterns.empty() ? "" : " | ") + shell_word(d.name.value);
  }
  if (patterns.empty()) patterns = "''";
  return fmt::format(
      "\n# --domain NAME: that domain and its pool only.\n"
      "if [[ -n $ONLY_DOMAIN ]]; then\n"
      "  case $ONLY_DOMAIN in\n"
      "    {}) ;;\n"
      "    *) die {} ;;\n"
      "  esac\n"
      "fi\n",
      patterns,
      shell_word(fmt::format("--domain: the description has no domain of that name; its domains are: {}",
                             names.empty() ? "none" : names)));
}

}  // namespace

std::string up_script(const BuildInput& in) {
  const CheckedModel& checked = in.checked;
  const Model& m = checked.model();
  std::string out = script_prelude(
      "xenplan-up", fmt::format("Brings up the cpupools and domains of host {}.", m.host.name.value),
      "Run at every boot under Xen (xenplan.service does). Creates each missing pool and\n"
      "checks its CPUs; starts each domain that is not running, paused until its scheduling\n"
      "parameters are set and read back; gives a domain found paused, or with other\n"
      "parameters, the described ones. A pool or domain of a described name that xenplan did\n"
      "not make (other CPUs or scheduler; another UUID) stops it before anything changes.\n"
      "A second run changes nothing. A domain with autostart: false is left down unless\n"
      "--domain names it. XENPLAN_TIMEOUT: seconds to wait for a domain to go away (default 60).\n"
      "--check compares the running host with the description and changes nothing: one line\n"
      "per difference; exit 0 when it matches, 1 when it differs, 2 when the host cannot be read.\n",
      {{"--domain", "ONLY_DOMAIN", "bring up only this domain, and its pool", "NAME"},
       {"--check", "CHECK", "report how the host differs from the description; change nothing", ""},
       {"--format", "FORMAT", "with --check: text (default) or json", "FORMAT"}});
  out += fmt::format("\nHOST_CPUS={}\n", shell_word(fmt::format("0-{}", m.host.cpus.value - 1)));
  out += kCheckMode;
  out += xl_helpers();
  out += check_section(in);
  out += kUpHelpers;
  out += only_domain_check(m);
  out += ownership_checks(checked, ScriptKind::Up);
  if (m.host.xen.scheduler.value == SchedulerKind::Rtds) {
    out += fmt::format("\n# Dom0 runs in Pool-0, under RTDS: its vCPUs get the described parameters.\n");
    out += "if [[ -z $ONLY_DOMAIN ]]; then\n" + indented(rtds_block(kDom0Name, m.dom0_rtds_parameters()), 2) +
           "fi\n";
  }
  out += "\n# Pools before domains: a domain's pool must exist when it is created.\n";
  for (const Pool& p : m.pools) {
    std::vector<std::string> members{"pool_wanted"};
    for (const Domain& d : m.domains) {
      if (checked.pool_of(d) == &p) members.push_back(d.name.value);
    }
    out += "if " + shell_words(members) + "; then\n";
    out += script_line({"ensure_pool", p.name.value, std::string(scheduler_name(p.scheduler.value)),
                        paths::pool_config(p.name.value), p.cpus.value.to_string()},
                       2);
    out += "fi\n";
  }
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

}  // namespace xenplan
