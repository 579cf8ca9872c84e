#!/bin/bash
# Runs the generated provision, up and down scripts against the fake toolstack (fake-tool) and
# compares each run's command sequence with expected/<scenario>.log: examples/rt-node.yaml from a
# fresh Debian to up, down and up again; a rerun after each of several injected failures, and
# after changes by hand, converging to the described state; foreign domains and pools of
# described names refused before anything changes; dom0's RTDS parameters; the management NIC's
# stanza made manual; a fresh Debian 12 whose hypervisor lacks RTDS.
# XENPLAN_UPDATE_GOLDEN=1 rewrites the expectations.
# usage: scripts_test.sh XENPLAN_BINARY SOURCE_DIR
set -euo pipefail
xenplan=$(realpath "$1")
src=$(realpath "$2")
here=$src/tests/toolstack
expected=$here/expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

build() {  # NAME DESCRIPTION: compiles it into $work/NAME
  "$xenplan" build "$2" -o "$work/$1" >/dev/null
  local script
  for script in "$work/$1"/usr/local/sbin/*; do
    bash -n "$script" || fail "bash -n rejects $1's $(basename "$script")"
    shellcheck -S warning "$script" || fail "shellcheck finds problems in $1's $(basename "$script")"
  done
}
build rt "$src/examples/rt-node.yaml"
sbin=$work/rt/usr/local/sbin

# Each domain's UUID is the one util-linux derives from "<host>/<domain>" in xenplan's namespace.
for cfg in "$work"/rt/etc/xen/xenplan/domains/*.cfg; do
  name=$(basename "$cfg" .cfg)
  want=$(uuidgen --sha1 --namespace 6ca9060d-f0a5-4af9-80e9-97ef5da98709 --name "rt-node-1/$name")
  grep -qx "uuid = \"$want\"" "$cfg" || fail "$name.cfg does not carry uuid \"$want\" (uuidgen --sha1)"
done

mkdir -p "$work/bin"
tools=(xl id sleep dpkg-query apt-get ip ifup ifdown ifquery pvs pvcreate vgs vgcreate lvs lvcreate update-grub systemctl)
for tool in "${tools[@]}"; do ln -s "$here/fake-tool" "$work/bin/$tool"; done
export PATH="$work/bin:$PATH" FAKE_CPUS=8 FAKE_XEN_CONFIG=$here/debian/xen-4.14-amd64.config
# Never let a generated script reach a real tool: every faked name must resolve to the fake.
for tool in "${tools[@]}"; do
  [[ $(command -v "$tool") == "$work/bin/$tool" ]] || {
    echo "FAIL: $tool does not resolve to the fake toolstack; refusing to run the scripts"
    exit 1
  }
done

# new_host NAME: a fresh Debian as the installer leaves it, no Xen yet, at $work/NAME.root.
new_host() {
  export XENPLAN_SYSROOT=$work/$1.root FAKE_STATE=$work/$1.state
  local root=$XENPLAN_SYSROOT
  mkdir -p "$root/etc/xen" "$root/etc/network/interfaces.d" "$root/boot" "$root/proc" "$root/srv/images" \
    "$FAKE_STATE/links" "$FAKE_STATE/up"
  echo 12.5 >"$root/etc/debian_version"
  echo 'flags : fpu vme vmx' >"$root/proc/cpuinfo"
  printf '#autoballoon="auto"\n' >"$root/etc/xen/xl.conf"
  cp "$here/installer-interfaces" "$root/etc/network/interfaces"
  touch "$root/boot/vmlinuz-5.10.0-28-amd64" "$root/boot/initrd.img-5.10.0-28-amd64" "$root/boot/vmlinuz" \
    "$root/srv/images/web-data.img"
  touch "$FAKE_STATE/links/eth0" "$FAKE_STATE/up/eth0"  # the NIC the installer set up, up by DHCP
}
boot_xen() { mkdir -p "$XENPLAN_SYSROOT/proc/xen" && touch "$XENPLAN_SYSROOT/proc/xen/capabilities"; }
by_hand() { FAKE_LOG=/dev/null "$@" >/dev/null; }  # an administrator's command: not in any log

# pin NAME FILE: FILE must equal expected/NAME.
pin() {
  if [[ -n ${XENPLAN_UPDATE_GOLDEN:-} ]]; then
    cp "$2" "$expected/$1"
  elif ! diff -u "$expected/$1" "$2" >"$work/$1.diff"; then
    fail "$1 differs from the expectation:"
    sed 's/^/    /' "$work/$1.diff"
  fi
}

# scenario NAME [STATUS] COMMAND...: run it (it must exit STATUS, default 0), keep its output,
# compare the commands it ran with expected/NAME.log (after LOG_FILTER FILE, when set).
scenario() {
  local name=$1 want=0 status=0
  shift
  if [[ $1 =~ ^[0-9]+$ ]]; then want=$1; shift; fi
  export FAKE_LOG=$work/$name.log
  : >"$FAKE_LOG"
  "$@" >"$work/$name.out" 2>&1 || status=$?
  if ((status != want)); then
    fail "$name exited $status, not $want:"
    sed 's/^/    /' "$work/$name.out"
  fi
  [[ -z ${LOG_FILTER:-} ]] || "$LOG_FILTER" "$FAKE_LOG"
  pin "$name.log" "$FAKE_LOG"
}

# Commands that change a host; a dry run, or a refusal, must not run any of them.
mutating='^(apt-get|ifup|ifdown|pvcreate|vgcreate|lvcreate|update-grub|systemctl (enable|daemon-reload)|xl (create|pause|unpause|destroy|sched-[a-z0-9]+ .* -[wcpbe] |cpupool-(create|cpu-remove|cpu-add|destroy|migrate)|vcpu-(pin|set)|mem-set|shutdown))'
changes_nothing() {  # SCENARIO WHAT
  if grep -Eq "$mutating" "$work/$1.log"; then fail "$2: $(grep -Em1 "$mutating" "$work/$1.log")"; fi
}
says() {  # SCENARIO TEXT
  grep -qF -- "$2" "$work/$1.out" || { fail "$1 did not say: $2"; sed 's/^/    /' "$work/$1.out"; }
}

# The fake host's state, every field the scripts set, for comparing runs (no domain IDs).
# shellcheck disable=SC1090,SC2154  # fake-tool's records: bash assignments
host_state() {
  local f
  for f in "$FAKE_STATE"/pools/*; do (source "$f" && echo "pool ${f##*/} $sched $cpus"); done
  echo "free CPUs: $(cat "$FAKE_STATE/free")"
  for f in "$FAKE_STATE"/domains/*; do
    (source "$f" && echo "domain ${f##*/} $uuid $state $pool rtds ${rtds[*]} weight $weight cap $cap")
  done
}
# A field of a domain's record in the fake.
# shellcheck disable=SC1090
domain_field() { (source "$FAKE_STATE/domains/$1" && eval "echo \"\${$2[*]}\""); }

# --- rt-node-1: from a fresh Debian 11 to up, down and up again ---------------------------------

new_host rt
scenario provision-dry-run "$sbin/xenplan-provision" --dry-run
changes_nothing provision-dry-run "provision --dry-run changed the host"
[[ ! -e $XENPLAN_SYSROOT/usr/local/sbin/xenplan-up ]] || fail "provision --dry-run installed files"
says provision-dry-run "+ apt-get install -y xen-system-amd64 bridge-utils lvm2"
says provision-dry-run "once xen-system-amd64 is installed, /boot/xen-4.14*.config must have CONFIG_SCHED_RTDS=y"

# The hypervisor is checked after apt installed it: Debian 11's 4.14 has RTDS and null.
scenario provision "$sbin/xenplan-provision"
cmp -s "$sbin/xenplan-up" "$XENPLAN_SYSROOT/usr/local/sbin/xenplan-up" || fail "provision did not install xenplan-up"
[[ $(stat -c %a "$XENPLAN_SYSROOT/usr/local/sbin/xenplan-up") == 755 ]] || fail "xenplan-up is not executable"
grep -qx 'autoballoon="off"' "$XENPLAN_SYSROOT/etc/xen/xl.conf" || fail "provision did not set autoballoon off"
says provision "reboot into Xen next"
says provision "bridge xenbr0: comes up at the next boot"
says provision "the original is kept in /var/backups/xenplan/etc/network/interfaces"
# shellcheck source=/dev/null
source "$here/network_checks.sh"
check_port_manual provision "$XENPLAN_SYSROOT" eth0 xenbr0
cmp -s "$here/installer-interfaces" "$XENPLAN_SYSROOT/var/backups/xenplan/etc/network/interfaces" ||
  fail "provision did not keep the original /etc/network/interfaces"
pin interfaces.provisioned "$XENPLAN_SYSROOT/etc/network/interfaces"

scenario provision-again "$sbin/xenplan-provision"
changes_nothing provision-again "a second provision changed the host"
says provision-again "nothing to change: the host is already provisioned"

scenario up-dry-run-before-xen "$sbin/xenplan-up" --dry-run
changes_nothing up-dry-run-before-xen "up --dry-run changed the host"
says up-dry-run-before-xen "+ xl cpupool-cpu-remove Pool-0 2,3,4,5"

boot_xen
scenario up "$sbin/xenplan-up"
says up "host is up"
up_state=$(host_state)
# Order: every pool before the first domain; each domain's parameters before its unpause.
last_pool=$(grep -n '^xl cpupool-create' "$work/up.log" | tail -1 | cut -d: -f1)
first_domain=$(grep -n '^xl create' "$work/up.log" | head -1 | cut -d: -f1)
((last_pool < first_domain)) || fail "up created a domain before every pool existed"
sched=$(grep -n '^xl sched-rtds -d plc-1 -v all -p' "$work/up.log" | cut -d: -f1)
unpause=$(grep -n '^xl unpause plc-1' "$work/up.log" | cut -d: -f1)
((sched < unpause)) || fail "up unpaused plc-1 before setting its RTDS parameters"

scenario up-again "$sbin/xenplan-up"
changes_nothing up-again "a second up changed the host"
says up-again "nothing to do: every pool and domain is already up"

scenario down "$sbin/xenplan-down"
says down "pool rt: left in place with its CPUs"
says down "pool iso: destroyed; CPUs 6,7 back in Pool-0"
down_state=$(host_state)  # for convergence_checks.sh
export down_state
scenario up-after-down "$sbin/xenplan-up"
says up-after-down "pool rt: already up with CPUs 2-5"
[[ $(host_state) == "$up_state" ]] || fail "down then up did not give the state up gave"

# shellcheck source=/dev/null
source "$here/convergence_checks.sh"

# --- real guests: PCI devices, a VNC password, autostart and --domain -----------------------------

# shellcheck source=/dev/null
source "$here/guest_checks.sh"

# --- xenplan-up --check: the live host compared with the description -----------------------------

# shellcheck source=/dev/null
source "$here/drift_checks.sh"

# --- a fresh Debian 12 whose stock hypervisor lacks RTDS, for a description that needs it --------

build rtds "$src/tests/e2e/scenarios/rtds-null-host/host.yaml"
new_host debian12
FAKE_XEN_CONFIG=$here/debian/xen-4.17-amd64.config scenario debian12-lacks-rtds 1 \
  "$work/rtds/usr/local/sbin/xenplan-provision"
says debian12-lacks-rtds "xenplan: error: checking the hypervisor failed: the rtds scheduler the description uses is missing from /boot/xen-4.17-amd64.config (no CONFIG_SCHED_RTDS=y)"

# --- the network: a port that does not exist; --apply-network-now on a cloud-init host ----------

new_host no-port
rm "$FAKE_STATE/links/eth0"
scenario provision-missing-port 1 "$sbin/xenplan-provision"
changes_nothing provision-missing-port "provision changed a host whose bridge port is missing"
says provision-missing-port "xenplan: error: checking the network failed: eth0, a port of bridge xenbr0, does not exist (ip link show eth0)"

build edge "$src/examples/small-debian12.yaml"
new_host cloud
FAKE_XEN_CONFIG=$here/debian/xen-4.17-amd64.config
printf 'auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n' >"$XENPLAN_SYSROOT/etc/network/interfaces"
printf '# cloud-init\nauto enp1s0\niface enp1s0 inet static\n    address 192.0.2.10/24\n    gateway 192.0.2.1\n' \
  >"$XENPLAN_SYSROOT/etc/network/interfaces.d/50-cloud-init"
cp "$XENPLAN_SYSROOT/etc/network/interfaces.d/50-cloud-init" "$work/50-cloud-init.orig"
touch "$FAKE_STATE/links/enp1s0" "$FAKE_STATE/up/enp1s0"
FAKE_XEN_CONFIG=$here/debian/xen-4.17-amd64.config scenario provision-apply-network-now \
  "$work/edge/usr/local/sbin/xenplan-provision" --apply-network-now
check_port_manual provision-apply-network-now "$XENPLAN_SYSROOT" enp1s0 xenbr0
cmp -s "$work/50-cloud-init.orig" "$XENPLAN_SYSROOT/var/backups/xenplan/etc/network/interfaces.d/50-cloud-init" ||
  fail "provision did not keep the original 50-cloud-init outside interfaces.d"
[[ $(ls "$XENPLAN_SYSROOT/etc/network/interfaces.d") == $'50-cloud-init\nxenplan-xenbr0' ]] ||
  fail "interfaces.d holds other files than the port's and the bridge's: $(ls "$XENPLAN_SYSROOT/etc/network/interfaces.d")"
cmp -s "$XENPLAN_SYSROOT/etc/network/interfaces" <(printf 'auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n') ||
  fail "provision changed an /etc/network/interfaces that has no port stanza"

# --- hostile values: every value reaches the tools as one exact argument, nothing in it runs ----

"$xenplan" build "$src/tests/golden/readers/hostile-values.yaml" -o "$work/hostile" >/dev/null
new_host hostile
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
