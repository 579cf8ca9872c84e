#!/bin/bash
# Runs the generated provision, up and down scripts of examples/rt-node.yaml against the fake
# toolstack (fake-tool) and compares each run's command sequence with expected/<scenario>.log.
# XENPLAN_UPDATE_GOLDEN=1 rewrites the expectations.
# usage: scripts_test.sh XENPLAN_BINARY SOURCE_DIR
set -euo pipefail
xenplan=$(realpath "$1")
src=$(realpath "$2")
expected=$src/tests/toolstack/expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

"$xenplan" build "$src/examples/rt-node.yaml" -o "$work/out" >/dev/null
sbin=$work/out/usr/local/sbin

# What bash and shellcheck make of the generated scripts.
for script in "$sbin"/*; do
  bash -n "$script" || fail "bash -n rejects $(basename "$script")"
  if command -v shellcheck >/dev/null; then
    shellcheck -S warning "$script" || fail "shellcheck finds problems in $(basename "$script")"
  fi
done

mkdir -p "$work/bin" "$work/root/etc/xen" "$work/root/boot" "$work/root/proc"
for tool in xl id dpkg-query apt-get ip ifup pvs pvcreate vgs vgcreate lvs lvcreate update-grub systemctl; do
  ln -s "$src/tests/toolstack/fake-tool" "$work/bin/$tool"
done
echo 12.5 >"$work/root/etc/debian_version"
printf 'CONFIG_SCHED_CREDIT2=y\nCONFIG_SCHED_RTDS=y\nCONFIG_SCHED_NULL=y\n' >"$work/root/boot/xen-4.14-amd64.config"
echo 'flags : fpu vme vmx' >"$work/root/proc/cpuinfo"
printf '#autoballoon="auto"\n' >"$work/root/etc/xen/xl.conf"
export PATH="$work/bin:$PATH" FAKE_STATE=$work/state FAKE_CPUS=8 XENPLAN_SYSROOT=$work/root

# Never let a generated script reach a real tool: every faked name must resolve to the fake.
for tool in "$work"/bin/*; do
  [[ -x $tool && $(command -v "$(basename "$tool")") == "$tool" ]] || {
    echo "FAIL: $(basename "$tool") does not resolve to the fake toolstack; refusing to run the scripts"
    exit 1
  }
done

# scenario NAME COMMAND...: run it, keep its log and output, compare the log with the expectation.
scenario() {
  local name=$1
  shift
  export FAKE_LOG=$work/$name.log
  : >"$FAKE_LOG"
  if ! "$@" >"$work/$name.out" 2>&1; then
    fail "$name exited non-zero:"
    sed 's/^/    /' "$work/$name.out"
  fi
  if [[ -n ${XENPLAN_UPDATE_GOLDEN:-} ]]; then
    cp "$FAKE_LOG" "$expected/$name.log"
  elif ! diff -u "$expected/$name.log" "$FAKE_LOG" >"$work/$name.diff"; then
    fail "$name ran other commands than expected:"
    sed 's/^/    /' "$work/$name.diff"
  fi
}

# Commands that change a host; a dry run must not run any of them.
mutating='^(apt-get|ifup|pvcreate|vgcreate|lvcreate|update-grub|systemctl (enable|daemon-reload)|xl (create|unpause|sched-|cpupool-(create|cpu-remove|cpu-add|destroy)|shutdown))'
expect_output() {  # SCENARIO TEXT
  grep -qF -- "$2" "$work/$1.out" || fail "$1 did not say: $2"
}

scenario provision-dry-run "$sbin/xenplan-provision" --dry-run
grep -Eq "$mutating" "$work/provision-dry-run.log" && fail "provision --dry-run ran a command that changes the host"
[[ ! -e $work/root/usr/local/sbin/xenplan-up ]] || fail "provision --dry-run installed files"
expect_output provision-dry-run "+ apt-get install -y xen-system-amd64 bridge-utils lvm2"

scenario provision "$sbin/xenplan-provision"
cmp -s "$sbin/xenplan-up" "$work/root/usr/local/sbin/xenplan-up" || fail "provision did not install xenplan-up"
[[ $(stat -c %a "$work/root/usr/local/sbin/xenplan-up") == 755 ]] || fail "xenplan-up is not executable"
grep -qx 'autoballoon="off"' "$work/root/etc/xen/xl.conf" || fail "provision did not set autoballoon off"
expect_output provision "reboot into Xen next"

scenario provision-again "$sbin/xenplan-provision"
grep -Eq "$mutating" "$work/provision-again.log" && fail "a second provision changed the host"
expect_output provision-again "nothing to change: the host is already provisioned"

scenario up-dry-run-before-xen "$sbin/xenplan-up" --dry-run
grep -Eq "$mutating" "$work/up-dry-run-before-xen.log" && fail "up --dry-run ran a command that changes the host"
expect_output up-dry-run-before-xen "+ xl cpupool-cpu-remove Pool-0 2,3,4,5"

mkdir -p "$work/root/proc/xen" && touch "$work/root/proc/xen/capabilities"
scenario up "$sbin/xenplan-up"
expect_output up "host is up"
# Order: every pool before the first domain; each domain's parameters before its unpause.
last_pool=$(grep -n '^xl cpupool-create' "$work/up.log" | tail -1 | cut -d: -f1)
first_domain=$(grep -n '^xl create' "$work/up.log" | head -1 | cut -d: -f1)
((last_pool < first_domain)) || fail "up created a domain before every pool existed"
sched=$(grep -n '^xl sched-rtds -d plc-1' "$work/up.log" | cut -d: -f1)
unpause=$(grep -n '^xl unpause plc-1' "$work/up.log" | cut -d: -f1)
((sched < unpause)) || fail "up unpaused plc-1 before setting its RTDS parameters"

scenario up-again "$sbin/xenplan-up"
grep -Eq "$mutating" "$work/up-again.log" && fail "a second up changed the host"
expect_output up-again "nothing to do: every pool and domain is already up"

scenario down "$sbin/xenplan-down"
expect_output down "pool rt: left in place with its CPUs"
scenario up-after-down "$sbin/xenplan-up"
expect_output up-after-down "pool rt: already up with CPUs 2-5"

# Hostile values: a device path with spaces, quotes, $(), backticks, ; , and = must reach the
# tools as one argument, exactly, and nothing in it may run.
"$xenplan" build "$src/tests/golden/readers/hostile-values.yaml" -o "$work/hostile" >/dev/null
rm -rf "$FAKE_STATE"
cd "$work"  # a $(touch x) that ran would leave ./x here
scenario hostile-provision "$work/hostile/usr/local/sbin/xenplan-provision"
cd - >/dev/null
device='/dev/disk/by-id/ata-A b$(touch x);`id`,c=d"q'"'"
# shellcheck disable=SC2016  # the text itself, not an expansion
logged=$(printf 'pvcreate %q' "$device")
grep -qxF -- "$logged" "$work/hostile-provision.log" || fail "pvcreate did not receive the device path as one exact argument"
grep -qxF -- "$(printf 'vgcreate vg0 %q' "$device")" "$work/hostile-provision.log" || fail "vgcreate did not receive the exact device path"
[[ ! -e $work/x ]] || fail "a \$(...) inside a value was executed"

if ((failures)); then
  echo "$failures failed"
  exit 1
fi
echo "generated scripts: provision, up and down behave as expected against the fake toolstack"
