# shellcheck shell=bash disable=SC2154  # work, src, sbin, up_state, down_state: scripts_test.sh's
# Sourced by scripts_test.sh once rt-node-1 is up ($up_state) and its state after down is known
# ($down_state): reruns converge after any single failed command and after changes by hand;
# foreign domains and pools of described names stop both scripts before anything changes;
# down waits until Xen has destroyed each domain; dom0's RTDS parameters.

same_state() {  # WHAT WANT: the fake host's state is WANT
  [[ $(host_state) == "$2" ]] || fail "$1: the host is not as described:$(diff <(echo "$2") <(host_state) | sed 's/^/    /')"
}

# A rerun of up after a run that one failed command stopped gives the described host. FAIL_ONCE:
# the command exits 1; NOOP_ONCE: it exits 0 and does nothing, as xl's unpause and cpupool
# commands do when they fail.
rerun_repairs() {  # SCRIPT WANT HOW PATTERN
  local script=$1 want=$2 how=$3 pattern=$4 status=0
  rm -f "$FAKE_STATE"/injected.*
  env "FAKE_$how=$pattern" FAKE_LOG=/dev/null XENPLAN_TIMEOUT=3 "$sbin/$script" >"$work/injected.out" 2>&1 || status=$?
  ((status == 1)) || fail "$script with \"$pattern\" failing ($how) exited $status, not 1"
  [[ -e $FAKE_STATE/injected.FAKE_$how ]] || fail "$script never ran \"$pattern\""
  by_hand "$sbin/$script" || fail "$script after \"$pattern\" failed ($how): the rerun failed"
  same_state "$script after \"$pattern\" failed ($how), then again" "$want"
}

# Each failure is injected into a copy of the host as it was before the run.
snapshot() { rm -rf "$work/$1.snapshot" && cp -a "$FAKE_STATE" "$work/$1.snapshot"; }
restore() { rm -rf "$FAKE_STATE" && cp -a "$work/$1.snapshot" "$FAKE_STATE"; }
snapshot up
by_hand "$sbin/xenplan-down"
snapshot down
for failure in "FAIL_ONCE:xl cpupool-cpu-remove Pool-0 6,7" "NOOP_ONCE:xl cpupool-cpu-remove Pool-0 6,7" \
  "FAIL_ONCE:xl cpupool-create /etc/xen/xenplan/pools/iso.cfg" "NOOP_ONCE:xl cpupool-create /etc/xen/xenplan/pools/iso.cfg" \
  "FAIL_ONCE:xl create -p /etc/xen/xenplan/domains/plc-2.cfg" "FAIL_ONCE:xl sched-rtds -d plc-2 -v 1 *" \
  "NOOP_ONCE:xl sched-rtds -d plc-1 -v all -p *" "FAIL_ONCE:xl sched-credit2 -d web -w 512 -c 0" \
  "FAIL_ONCE:xl unpause hmi" "NOOP_ONCE:xl unpause hmi"; do
  restore down
  rerun_repairs xenplan-up "$up_state" "${failure%%:*}" "${failure#*:}"
done
for failure in "FAIL_ONCE:xl shutdown hmi" "NOOP_ONCE:xl shutdown web" "FAIL_ONCE:xl destroy sensor-gw" \
  "FAIL_ONCE:xl cpupool-destroy iso" "FAIL_ONCE:xl cpupool-cpu-add Pool-0 6,7" "NOOP_ONCE:xl cpupool-cpu-add Pool-0 6,7"; do
  restore up
  [[ $failure != *sensor-gw ]] || by_hand xl pause sensor-gw  # a paused domain is destroyed, not shut down
  rerun_repairs xenplan-down "$down_state" "${failure%%:*}" "${failure#*:}"
done
restore up

# Changes by hand: a domain paused, another's budget changed, a weight changed; up sets them back.
by_hand xl pause plc-1
by_hand xl sched-rtds -d plc-2 -v 1 -p 20000 -b 1000 -e 1
by_hand xl sched-credit2 -d web -w 100
scenario up-repairs-hand-changes "$sbin/xenplan-up"
says up-repairs-hand-changes "domain plc-1: paused (xl list: --p---): unpausing it"
says up-repairs-hand-changes "domain plc-2: RTDS parameters are 5000/1000/no 20000/1000/yes, the description gives 5000/1000/no 20000/4000/no: setting them"
says up-repairs-hand-changes "domain web: credit2 parameters are weight 100, cap 0, the description gives weight 512, cap 0: setting them"
same_state "up after changes by hand" "$up_state"

# A domain that shut down and stayed (on_poweroff="preserve") is removed and started again.
FAKE_PRESERVE=hmi by_hand xl shutdown hmi
scenario up-restarts-shut-down-domain "$sbin/xenplan-up"
says up-restarts-shut-down-domain "domain hmi: not running (xl list: ---s--): removing what is left of it to start it again"
same_state "up after hmi shut down" "$up_state"

# A foreign domain of a described name (another UUID): up and down refuse, changing nothing.
by_hand xl destroy hmi
sed '/^uuid = /d' "$XENPLAN_SYSROOT/etc/xen/xenplan/domains/hmi.cfg" >"$XENPLAN_SYSROOT/tmp-hmi.cfg"
by_hand xl create /tmp-hmi.cfg
foreign=$(host_state)
hmi_uuid=$(domain_field hmi uuid)
scenario up-foreign-domain 1 "$sbin/xenplan-up"
scenario down-foreign-domain 1 "$sbin/xenplan-down"
for run in up-foreign-domain down-foreign-domain; do
  changes_nothing $run "${run%%-*} changed a host with a foreign domain hmi"
  says $run "xenplan: error: domain hmi exists with UUID $hmi_uuid, not 0ee4e777-6a5d-51ca-b8e9-0a71dff53a39, which xenplan gives it"
  says $run "xenplan: error: nothing was changed: 1 problem(s), each reported above"
done
same_state "up and down with a foreign hmi" "$foreign"
by_hand xl destroy hmi
by_hand "$sbin/xenplan-up"

# A foreign pool of a described name (other CPUs, or another scheduler): the same.
by_hand "$sbin/xenplan-down"
printf 'name = "iso"\nsched = "credit"\ncpus = ["6"]\n' >"$XENPLAN_SYSROOT/tmp-iso.cfg"
by_hand xl cpupool-cpu-remove Pool-0 6
by_hand xl cpupool-create /tmp-iso.cfg
foreign=$(host_state)
scenario up-foreign-pool 1 "$sbin/xenplan-up"
scenario down-foreign-pool 1 "$sbin/xenplan-down"
for run in up-foreign-pool down-foreign-pool; do
  changes_nothing $run "${run%%-*} changed a host with a foreign pool iso"
  says $run "xenplan: error: pool iso exists with scheduler credit, the description gives null:"
  says $run "xenplan: error: pool iso exists with CPUs '6', the description gives '6 7':"
done
same_state "up and down with a foreign pool iso" "$foreign"
by_hand xl cpupool-destroy iso
by_hand xl cpupool-cpu-add Pool-0 6

# A file xl create needs is missing: up says which, and changes nothing.
mv "$XENPLAN_SYSROOT/srv/images/web-data.img" "$work/web-data.img"
scenario up-missing-disk 1 "$sbin/xenplan-up"
changes_nothing up-missing-disk "up changed the host although web's disk is missing"
says up-missing-disk "xenplan: error: domain web cannot be created: its disk /srv/images/web-data.img does not exist"
mv "$work/web-data.img" "$XENPLAN_SYSROOT/srv/images/web-data.img"
by_hand "$sbin/xenplan-up"

# down waits until each domain is destroyed: one left shut down is destroyed after the grace
# period; one that never goes away is a timeout error, and a later run finishes the job.
FAKE_PRESERVE=web scenario down-destroys-preserved-domain "$sbin/xenplan-down"
says down-destroys-preserved-domain "domain web: stopped"
same_state "down with web preserved" "$down_state"
by_hand "$sbin/xenplan-up"
FAKE_STUCK=web XENPLAN_TIMEOUT=3 scenario down-timeout 1 "$sbin/xenplan-down"
says down-timeout "xenplan: error: stopping the domains failed: after 3 s, Xen still has web (xl list: -b----); xl destroy NAME forces one off"
by_hand "$sbin/xenplan-down"
same_state "down after a timeout, then again" "$down_state"

# dom0's RTDS parameters, when Pool-0 runs RTDS: set and read back, per vCPU; set back after a
# change by hand.
build dom0 "$src/tests/golden/analyze/dom0-rtds-params.yaml"
new_host dom0
boot_xen
cp -r "$work/dom0/etc/xen" "$XENPLAN_SYSROOT/etc"  # the domain configs, as provision installs them
FAKE_CPUS=2 FAKE_POOL0_SCHED=rtds FAKE_DOM0_VCPUS=2 scenario dom0-rtds "$work/dom0/usr/local/sbin/xenplan-up"
[[ $(domain_field Domain-0 rtds) == "10000 1000 no 10000 1000 yes" ]] ||
  fail "up did not give dom0 its RTDS parameters: $(domain_field Domain-0 rtds)"
by_hand xl sched-rtds -d Domain-0 -v all -p 10000 -b 4000 -e 1
FAKE_CPUS=2 FAKE_POOL0_SCHED=rtds FAKE_DOM0_VCPUS=2 scenario dom0-rtds-repair "$work/dom0/usr/local/sbin/xenplan-up"
says dom0-rtds-repair "domain Domain-0: RTDS parameters are 10000/4000/yes 10000/4000/yes, the description gives 10000/1000/no 10000/1000/yes: setting them"
[[ $(domain_field Domain-0 rtds) == "10000 1000 no 10000 1000 yes" ]] ||
  fail "up did not set dom0's RTDS parameters back: $(domain_field Domain-0 rtds)"
