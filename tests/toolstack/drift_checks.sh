# Sourced by scripts_test.sh after guest_checks.sh (the lab host is current, its installer down):
# xenplan-up --check names every difference between the host and the description, in the
# contract's lines (README, "xenplan-up --check") or JSON, changes nothing, and exits 0 when the
# host matches, 1 when it drifted, 2 when it cannot be read.
# shellcheck shell=bash disable=SC2154  # work, src, sbin, expected: scripts_test.sh's

# check_run NAME STATUS SCRIPT ARGS...: a --check run; its commands and its output are pinned.
check_run() {
  local name=$1
  scenario "$@"
  changes_nothing "$name" "$name: --check changed the host"
  pin "$name.out" "$work/$name.out"
}

# autostart: false: a domain that is down is no difference (the fake host has 8 CPUs, not 4).
check_run drift-lab-autostart-off 1 "$work/lab/usr/local/sbin/xenplan-up" --check

new_host drift
boot_xen
cp -r "$work/rt/etc/xen" "$XENPLAN_SYSROOT/etc"  # the configs, as provision installs them
by_hand "$sbin/xenplan-up"
check_run drift-matches 0 "$sbin/xenplan-up" --check
check_run drift-matches-json 0 "$sbin/xenplan-up" --check --format json

# Every kind of difference a domain can have, each made by hand, plus a domain of its own.
by_hand xl pause plc-1
by_hand xl sched-rtds -d plc-2 -v 1 -p 20000 -b 1000 -e 1
by_hand xl mem-set hmi 512m
by_hand xl cpupool-migrate hmi Pool-0
by_hand xl vcpu-pin sensor-gw 1 6
by_hand xl vcpu-set web 1
by_hand xl sched-credit2 -d web -w 100
by_hand xl cpupool-cpu-remove iso 7
sed -e '/^uuid = /d' -e 's/^name = .*/name = "scratch"/' "$XENPLAN_SYSROOT/etc/xen/xenplan/domains/web.cfg" \
  >"$XENPLAN_SYSROOT/tmp-scratch.cfg"
by_hand xl create /tmp-scratch.cfg
drifted=$(host_state)
check_run drift-by-hand 1 "$sbin/xenplan-up" --check
check_run drift-by-hand-json 1 "$sbin/xenplan-up" --check --format json
python3 -m json.tool "$work/drift-by-hand-json.out" >"$work/drift-by-hand.json" ||
  fail "--format json is not JSON: $(cat "$work/drift-by-hand-json.out")"
pin drift-by-hand.json "$work/drift-by-hand.json"
[[ $(host_state) == "$drifted" ]] || fail "--check changed the fake host's state"

# Down: every domain missing, pool iso missing, its CPUs back in Pool-0; then a foreign iso.
by_hand xl destroy scratch
by_hand xl cpupool-cpu-add iso 7
by_hand "$sbin/xenplan-down"
check_run drift-after-down 1 "$sbin/xenplan-up" --check
printf 'name = "iso"\nsched = "credit"\ncpus = ["6"]\n' >"$XENPLAN_SYSROOT/tmp-iso.cfg"
by_hand xl cpupool-cpu-remove Pool-0 6
by_hand xl cpupool-create /tmp-iso.cfg
check_run drift-foreign-pool 1 "$sbin/xenplan-up" --check

# A host that cannot be read is exit 2, not drift.
FAKE_FAIL_ONCE='xl list -v' check_run drift-unreadable 2 "$sbin/xenplan-up" --check
rm -f "$FAKE_STATE"/injected.*
rm "$XENPLAN_SYSROOT/proc/xen/capabilities"
check_run drift-xen-not-running 2 "$sbin/xenplan-up" --check
boot_xen
check_run drift-format-without-check 2 "$sbin/xenplan-up" --format json
check_run drift-check-dry-run 2 "$sbin/xenplan-up" --check --dry-run

# The one escaping function of the JSON output.
escape=$(sed -n '/^json_string() {/,/^}/p' "$sbin/xenplan-up")
got=$(bash -c "$escape"$'\n''json_string "$1"' _ $'a"b\\c\td\x01')
[[ $got == '"a\"b\\c\u0009d\u0001"' ]] || fail "json_string escapes wrongly: $got"
