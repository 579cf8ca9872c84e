// xenplan-up --check: the live host compared with the description, in the read helpers of
// script_xl.cpp and those below only. Nothing here writes a `run` line, and kCheckMode in
// script_up.cpp has replaced `run` by a refusal, so this path cannot change the host.
// The output is a contract (README, "xenplan-up --check"), shared with `xenplan diff`.
#include <fmt/format.h>

#include "base/units.h"
#include "model/identity.h"
#include "quote.h"
#include "script_common.h"

namespace xenplan {
namespace {

constexpr const char* kCheckHelpers = R"BASH(
# --- xenplan-up --check: every difference between the host and the description ---------------

# DIFFS: one entry per difference, its members KIND POOL DOMAIN VCPU FIELD EXPECTED ACTUAL split
# by US (unit separator: validation keeps control characters out of every value); empty: absent.
US=$'\x1f'
DIFFS=() NOTES=()
differ() {
  local IFS=$US
  DIFFS+=("$*")
}

# canonical_cpus LIST: "2,3,4,6" or "2-4,6" -> "2-4,6"; "all" stays; no CPU at all is "none".
canonical_cpus() {
  [[ $1 != all ]] || { echo all; return 0; }
  local cpus cpu first='' last='' out=()
  cpus=$(expand_cpus "$1") || return 1
  for cpu in $cpus; do
    if [[ -n $last ]] && ((cpu == last + 1)); then last=$cpu; continue; fi
    if [[ -n $first ]]; then if ((first == last)); then out+=("$first"); else out+=("$first-$last"); fi; fi
    first=$cpu last=$cpu
  done
  if [[ -n $first ]]; then if ((first == last)); then out+=("$first"); else out+=("$first-$last"); fi; fi
  ((${#out[@]})) || { echo none; return 0; }
  local IFS=,
  echo "${out[*]}"
}

# json_string TEXT: TEXT as one JSON string, `"` and `\` escaped and control characters as \u00XX.
json_string() {
  local s=$1 escaped='' c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      \" | \\) escaped+="\\$c" ;;
      [[:cntrl:]]) printf -v c '\\u%04x' "'$c"; escaped+=$c ;;
      *) escaped+=$c ;;
    esac
  done
  printf '"%s"' "$escaped"
}

# The listings every comparison reads, once: xl cpupool-list, xl list -v (list_domains), xl list -c
# (Name ID Mem VCPUs State Time(s) Cpupool) and xl vcpu-list (Name ID VCPU CPU State Time(s)
# Hard / Soft). A listing xl cannot give is exit 2: nothing can be said of the host.
read_live() {
  xl cpupool-list >/dev/null 2>&1 || die "listing the pools failed (xl cpupool-list)"
  list_domains
  POOL_LISTING=$(xl list -c) || die "listing the domains' pools failed (xl list -c)"
  VCPU_LISTING=$(xl vcpu-list) || die "listing the vCPUs failed (xl vcpu-list)"
}

# check_pool_drift NAME SCHED CPUS: the pool exists, with this scheduler and exactly these CPUs.
check_pool_drift() {
  local sched have want
  if ! xl cpupool-list "$1" >/dev/null 2>&1; then
    differ pool-missing "$1"
    return 0
  fi
  sched=$(pool_sched "$1") || die "reading pool $1 failed (xl cpupool-list $1)"
  have=$(pool_cpus "$1") || die "reading pool $1 failed (xl cpupool-list -c $1)"
  have=$(canonical_cpus "${have// /,}")
  want=$(canonical_cpus "$3")
  [[ $sched == "$2" ]] || differ pool-scheduler "$1" '' '' scheduler "$2" "$sched"
  [[ $have == "$want" ]] || differ pool-cpus "$1" '' '' cpus "$want" "$have"
}

# pool_runs NAME SCHED: the pool exists under this scheduler (its domains' parameters can be read).
pool_runs() {
  local sched
  sched=$(pool_sched "$1") || return 1
  [[ $sched == "$2" ]]
}

# live_domain NAME: LIVE_MEM (MiB) LIVE_VCPUS LIVE_STATE LIVE_UUID LIVE_POOL of the domain of that
# name; LIVE_STATE is empty when there is none. The name is what precedes the fixed columns.
live_domain() {
  local line
  local -a f
  LIVE_MEM='' LIVE_VCPUS='' LIVE_STATE='' LIVE_UUID='' LIVE_POOL=''
  while IFS= read -r line; do
    read -ra f <<<"$line"
    if ((${#f[@]} >= 9)) && [[ ${f[*]:0:${#f[@]}-8} == "$1" ]]; then
      LIVE_MEM=${f[-7]} LIVE_VCPUS=${f[-6]} LIVE_STATE=${f[-5]} LIVE_UUID=${f[-3]}
    fi
  done <<<"${LISTING#*$'\n'}"
  while IFS= read -r line; do
    read -ra f <<<"$line"
    if ((${#f[@]} >= 7)) && [[ ${f[*]:0:${#f[@]}-6} == "$1" ]]; then LIVE_POOL=${f[-1]}; fi
  done <<<"${POOL_LISTING#*$'\n'}"
}

# check_domain_drift NAME UUID AUTOSTART VCPUS MEMORY POOL SCHED AFFINITY...: the described domain
# runs, unpaused, with these vCPUs, memory (MiB), pool and hard affinity per vCPU. Returns 0 when
# its scheduling parameters can be compared: it runs in its pool, under the described scheduler.
check_domain_drift() {
  local name=$1 uuid=$2 autostart=$3 vcpus=$4 memory=$5 pool=$6 sched=$7 line vcpu have want all
  local -a f affinity
  shift 7
  affinity=("$@")
  live_domain "$name"
  if [[ -z $LIVE_STATE ]] || stopped "$LIVE_STATE"; then
    if ((autostart)); then
      differ domain-missing '' "$name"
    else
      NOTES+=("domain $name: not running; its autostart is false, so that is no difference")
    fi
    return 1
  fi
  if [[ $LIVE_UUID != "$uuid" ]]; then
    # Another domain under the described name: the described one is missing, that one is extra.
    NOTES+=("domain $name: the one running has UUID $LIVE_UUID, not $uuid: it is not the described domain")
    differ domain-missing '' "$name"
    differ domain-extra '' "$name"
    return 1
  fi
  [[ ${LIVE_STATE:2:1} != p ]] || differ domain-paused '' "$name" '' state running paused
  [[ $LIVE_VCPUS == "$vcpus" ]] || differ domain-vcpus '' "$name" '' vcpus "$vcpus" "$LIVE_VCPUS"
  [[ $LIVE_MEM == "$memory" ]] || differ domain-memory '' "$name" '' memory "${memory}MiB" "${LIVE_MEM}MiB"
  all=$(canonical_cpus "$HOST_CPUS")
  while IFS= read -r line; do
    read -ra f <<<"$line"
    ((${#f[@]} >= 9)) && [[ ${f[*]:0:${#f[@]}-8} == "$name" ]] || continue
    vcpu=${f[-7]}
    have=$(canonical_cpus "${f[-3]}") || die "reading the affinity of $name failed (xl vcpu-list: ${f[-3]})"
    want=$(canonical_cpus "${affinity[vcpu]:-all}")
    [[ $have != "$all" ]] || have=all
    [[ $want != "$all" ]] || want=all
    [[ $have == "$want" ]] || differ domain-affinity '' "$name" "$vcpu" affinity "$want" "$have"
  done <<<"${VCPU_LISTING#*$'\n'}"
  if [[ $LIVE_POOL != "$pool" ]]; then
    differ domain-pool '' "$name" '' pool "$pool" "$LIVE_POOL"
    return 1
  fi
  pool_runs "$pool" "$sched"
}

# check_rtds_drift DOMAIN P/B/E...: each described vCPU's period, budget (µs) and extratime.
check_rtds_drift() {
  local domain=$1 lines vcpu period budget extra p b e
  local -a want
  shift
  want=("$@")
  lines=$(xl sched-rtds -d "$domain" -v all) ||
    die "reading the RTDS parameters of $domain failed (xl sched-rtds -d $domain -v all)"
  while read -r _ _ vcpu period budget extra; do
    [[ $vcpu =~ ^[0-9]+$ && -n ${want[vcpu]:-} ]] || continue
    IFS=/ read -r p b e <<<"${want[vcpu]}"
    [[ $period == "$p" ]] || differ domain-rtds '' "$domain" "$vcpu" period "${p}us" "${period}us"
    [[ $budget == "$b" ]] || differ domain-rtds '' "$domain" "$vcpu" budget "${b}us" "${budget}us"
    [[ $extra == "$e" ]] || differ domain-rtds '' "$domain" "$vcpu" extratime "$e" "$extra"
  done <<<"${lines#*$'\n'}"
}

# check_credit2_drift DOMAIN WEIGHT CAP: "-" is one the description leaves to Xen.
check_credit2_drift() {
  local line weight cap
  line=$(xl sched-credit2 -d "$1" | sed -n 2p) || die "reading the credit2 parameters of $1 failed (xl sched-credit2 -d $1)"
  read -r _ _ weight cap <<<"$line"
  [[ $2 == - || $weight == "$2" ]] || differ domain-credit2 '' "$1" '' weight "$2" "$weight"
  [[ $3 == - || $cap == "$3" ]] || differ domain-credit2 '' "$1" '' cap "$3" "$cap"
}

# check_extra_domains: every domain running that the description does not have, but dom0.
check_extra_domains() {
  local line name known
  local -a f
  while IFS= read -r line; do
    read -ra f <<<"$line"
    ((${#f[@]} >= 9)) || continue
    name=${f[*]:0:${#f[@]}-8}
    [[ $name != Domain-0 ]] || continue
    for known in "${DESCRIBED[@]}"; do [[ $name != "$known" ]] || continue 2; done
    differ domain-extra '' "$name"
  done <<<"${LISTING#*$'\n'}"
}

# report_drift: the differences in the --format asked for, then exit 0 (none) or 1.
report_drift() {
  local d kind pool domain vcpu field want have object n=${#DIFFS[@]} note
  if [[ $FORMAT == json ]]; then
    local out sep='' matches=true
    ((n == 0)) || matches=false
    for note in "${NOTES[@]}"; do printf 'xenplan-up: %s\n' "$note" >&2; done
    out="{\"host\": $(json_string "$HOST_NAME"), \"matches\": $matches, \"differences\": ["
    for d in "${DIFFS[@]}"; do
      IFS=$US read -r kind pool domain vcpu field want have <<<"$d"
      out+="$sep{\"kind\": $(json_string "$kind")"
      [[ -z $pool ]] || out+=", \"pool\": $(json_string "$pool")"
      [[ -z $domain ]] || out+=", \"domain\": $(json_string "$domain")"
      [[ -z $vcpu ]] || out+=", \"vcpu\": $vcpu"
      [[ -z $field ]] || out+=", \"field\": $(json_string "$field")"
      [[ -z $want ]] || out+=", \"expected\": $(json_string "$want")"
      [[ -z $have ]] || out+=", \"actual\": $(json_string "$have")"
      out+='}'
      sep=', '
    done
    printf '%s]}\n' "$out"
  else
    for note in "${NOTES[@]}"; do printf 'xenplan-up: %s\n' "$note"; done
    for d in "${DIFFS[@]}"; do
      IFS=$US read -r kind pool domain vcpu field want have <<<"$d"
      object=${pool:-$domain}
      case $kind in
        pool-missing) printf 'drift: %s %s: not there, the description has it\n' "$kind" "$object" ;;
        domain-missing) printf 'drift: %s %s: not running, the description has it\n' "$kind" "$object" ;;
        domain-extra) printf 'drift: %s %s: running, the description does not have it\n' "$kind" "$object" ;;
        *)
          [[ -z $vcpu ]] || field="vcpu $vcpu $field"
          printf 'drift: %s %s: %s is %s, the description says %s\n' "$kind" "$object" "$field" "$have" "$want"
          ;;
      esac
    done
    if ((n)); then printf 'xenplan-up: %d differences\n' "$n"; else printf 'xenplan-up: host matches the description\n'; fi
  fi
  ((n == 0)) || exit 1
  exit 0
}
)BASH";

// The calls that compare one domain; its scheduling parameters only when it runs in its pool.
std::string domain_check(const BuildInput& in, DomainIndex index) {
  const Model& m = in.model;
  const Domain& d = m.domains[index];
  const SchedulerKind sched = m.domain_scheduler(d);
  std::vector<std::string> words{"check_domain_drift", d.name.value, domain_uuid(m, d),
                                 d.autostart.value ? "1" : "0", std::to_string(d.vcpus.value),
                                 std::to_string(d.memory.value / kMiB), std::string(m.domain_pool_name(d)),
                                 std::string(scheduler_name(sched))};
  for (auto& a : vcpu_hard_affinity(in, index)) words.push_back(std::move(a));
  std::vector<std::string> params;
  if (sched == SchedulerKind::Rtds) {
    params = {"check_rtds_drift", d.name.value};
    for (auto& p : rtds_readback(m.rtds_parameters(d))) params.push_back(std::move(p));
  } else if (sched == SchedulerKind::Credit2 && d.credit && (d.credit->weight.usable() || d.credit->cap.usable())) {
    params = {"check_credit2_drift", d.name.value,
              d.credit->weight.usable() ? std::to_string(d.credit->weight.value) : "-",
              d.credit->cap.usable() ? std::to_string(d.credit->cap.value) : "-"};
  }
  if (params.empty()) return shell_words(words) + " || true\n";
  return "if " + shell_words(words) + "; then\n" + script_line(params, 2) + "fi\n";
}

}  // namespace

std::string check_section(const BuildInput& in) {
  const Model& m = in.model;
  std::string out = kCheckHelpers;
  std::vector<std::string> names;
  for (const Domain& d : m.domains) names.push_back(d.name.value);
  out += fmt::format("\n# shellcheck disable=SC2100  # a name, not arithmetic\nHOST_NAME={}\nDESCRIBED=({})\n", shell_word(m.host.name.value), shell_words(names));

  // Pool-0 holds every CPU of the host that no described pool takes.
  CpuSet pool0 = CpuSet::range(0, m.host.cpus.value - 1);
  for (const Pool& p : m.pools) pool0 = pool0.minus(p.cpus.value);
  const std::string host_sched(scheduler_name(m.host.xen.scheduler.value));
  std::string body = script_line({"read_live"});
  body += script_line({"check_pool_drift", std::string(kPool0Name), host_sched, pool0.to_string()});
  for (const Pool& p : m.pools)
    body += script_line({"check_pool_drift", p.name.value, std::string(scheduler_name(p.scheduler.value)),
                         p.cpus.value.to_string()});
  if (m.host.xen.scheduler.value == SchedulerKind::Rtds) {
    std::vector<std::string> dom0{"check_rtds_drift", std::string(kDom0Name)};
    for (auto& p : rtds_readback(m.dom0_rtds_parameters())) dom0.push_back(std::move(p));
    body += "if " + shell_words({"pool_runs", std::string(kPool0Name), host_sched}) + "; then\n" +
            script_line(dom0, 2) + "fi\n";
  }
  for (DomainIndex i = 0; i < m.domains.size(); ++i) body += domain_check(in, i);
  body += script_line({"check_extra_domains"});
  body += script_line({"report_drift"});
  return out + "\n# --check: compare, report, exit; the lines that bring the host up come after.\nif ((CHECK)); then\n" +
         indented(body, 2) + "fi\n";
}

}  // namespace xenplan
