# shellcheck shell=bash
# Sourced by a scenario's dom0 script: steps that stop the scenario when they fail, checks that
# compare what Xen reports with what the description says, and snapshots of the host's state.

FAILURES=0

# step NAME COMMAND...: runs a step of the scenario, its output shown; a failure ends the scenario.
step() {
  local name=$1 status=0
  shift
  printf '\n== %s: %s\n' "$name" "$*"
  "$@" || status=$?
  if ((status != 0)); then
    printf 'FAIL: step "%s" failed (exit %d): %s\n' "$name" "$status" "$*"
    exit 1
  fi
}

# expect WHAT ACTUAL EXPECTED: compares two texts line for line; a mismatch fails the scenario at
# the end, after the remaining checks ran.
expect() {
  if [[ $2 == "$3" ]]; then
    printf 'ok: %s\n' "$1"
  else
    printf 'FAIL: %s\n--- expected\n%s\n--- actual\n%s\n---\n' "$1" "$3" "$2"
    FAILURES=$((FAILURES + 1))
  fi
}

# expect_in WHAT TEXT NEEDLE: TEXT has a line containing NEEDLE.
expect_in() {
  if grep -qF -- "$3" <<<"$2"; then
    printf 'ok: %s\n' "$1"
  else
    printf 'FAIL: %s: no line contains "%s" in\n%s\n' "$1" "$3" "$2"
    FAILURES=$((FAILURES + 1))
  fi
}

finish() {
  if ((FAILURES)); then
    printf '\n%d check(s) failed\n' "$FAILURES"
    exit 1
  fi
  printf '\nall checks passed\n'
}

# --- what Xen reports, one normalised line per item, in a stable order ---

# "NAME SCHED CPUS", e.g. "rt rtds 1-2": `xl cpupool-list` for the scheduler, -c for the CPUs.
pools() {
  local name sched cpus
  xl cpupool-list | tail -n +2 | while read -r name _ sched _; do
    cpus=$(xl cpupool-list -c "$name" | tail -n 1)
    cpus=${cpus:${#name}}
    printf '%s %s %s\n' "$name" "$sched" "${cpus//[[:space:]]/}"
  done
}

# "NAME MEMORY_MIB VCPUS" of each domain, Domain-0 first.
domains() { xl list | tail -n +2 | awk '{print $1, $3, $4}'; }

# "NAME ID" of each domain: the same after a run that changed nothing.
domain_ids() { xl list | tail -n +2 | awk '{print $1, $2}'; }

# "NAME UUID" of each domain given, as `xl list -v` reads it back.
domain_uuids() {
  local domain
  for domain in "$@"; do xl list -v "$domain" | tail -n 1 | awk '{print $1, $7}'; done
}

# "NAME paused|running" of each domain: the p of xl list's state flags.
domain_paused() {
  xl list | tail -n +2 | awk '{print $1, (substr($5, 3, 1) == "p" ? "paused" : "running")}'
}

# "NAME POOL" of each domain.
domain_pools() { xl list -c | tail -n +2 | awk '{print $1, $NF}'; }

# "DOMAIN VCPU PERIOD BUDGET EXTRATIME" for every vCPU of the domains in RTDS pools.
rtds_params() {
  local domain
  for domain in "$@"; do
    xl sched-rtds -d "$domain" -v all | tail -n +2 | awk '{print $1, $3, $4, $5, $6}'
  done
}

# "DOMAIN WEIGHT CAP" of the domains in credit2 pools.
credit2_params() {
  local domain
  for domain in "$@"; do
    xl sched-credit2 -d "$domain" | tail -n +2 | awk '{print $1, $3, $4}'
  done
}

# "DOMAIN VCPU CPU" of every vCPU: where it runs now (stable only for pinned vCPUs).
vcpus_running() { xl vcpu-list "$@" | tail -n +2 | awk '{print $1, $3, $4}'; }

# "DOMAIN VCPU HARD_AFFINITY" of every vCPU (of the domains given, or of all).
# shellcheck disable=SC2120  # the scenarios pass domains
vcpus_affinity() { xl vcpu-list "$@" | tail -n +2 | awk '{print $1, $3, $7}'; }

# Everything above that must survive a down and an up: no domain IDs, no run times, no states.
host_state() {
  echo "[pools]"; pools
  echo "[domains]"; domains
  echo "[domain pools]"; domain_pools
  echo "[vcpu affinity]"; vcpus_affinity
}

# guest_booted DOMAIN [BOOTS]: its console log, which xenconsoled appends to, shows our guest's init
# ran BOOTS times (default 1), within a minute.
guest_booted() {
  local log=/var/log/xen/console/guest-$1.log boots=${2:-1} waited seen
  for ((waited = 0; waited < 60; waited++)); do
    seen=$(grep -c 'xenplan-e2e guest: booted' "$log" 2>/dev/null) || true  # no log yet: empty
    if ((${seen:-0} >= boots)); then
      grep 'xenplan-e2e guest: booted' "$log" | tail -n 1
      return 0
    fi
    sleep 1
  done
  echo "guest $1 has not booted $boots time(s) after 60 s; its console:"
  cat "$log" 2>/dev/null
  return 1
}

# succeeds_with TEXT COMMAND... / fails_with TEXT COMMAND...: COMMAND succeeds (fails), and its
# output has a line containing TEXT.
succeeds_with() { outcome_with 0 "$@"; }
fails_with() { outcome_with 1 "$@"; }
outcome_with() {
  local want_failure=$1 text=$2 out status=0
  shift 2
  out=$("$@" 2>&1) || status=$?
  printf '%s\n' "$out"
  if ((want_failure && status == 0)); then echo "expected a failure, got exit 0"; return 1; fi
  if ((!want_failure && status != 0)); then echo "failed with exit $status"; return 1; fi
  grep -qF -- "$text" <<<"$out" || { echo "expected a line containing: $text"; return 1; }
}
