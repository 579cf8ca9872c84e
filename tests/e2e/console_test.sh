#!/usr/bin/env bash
# lib/console on made-up serial logs: each way a boot can end gives its own exit status and
# message, and the script's output comes out without Xen's or the kernel's lines.
set -euo pipefail
console=$(cd "$(dirname "$0")" && pwd)/lib/console
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# check NAME QEMU_STATUS WANT_STATUS WANT_TEXT < LOG
check() {
  local name=$1 qemu_status=$2 want=$3 text=$4 status=0
  cat >"$work/log"
  "$console" "$work/log" "$qemu_status" 30 >"$work/out" 2>&1 || status=$?
  if ((status != want)) || ! grep -qF -- "$text" "$work/out"; then
    printf 'FAIL %s: exit %d (want %d), output:\n%s\n' "$name" "$status" "$want" "$(cat "$work/out")"
    failures=$((failures + 1))
  else
    printf 'ok   %s\n' "$name"
  fi
}

printf '(XEN) Xen version 4.17\r\nXENPLAN-E2E-BEGIN\r\nhello\r\n(XEN) d1v0 noise\r\n[   12.345678] kernel noise\r\nworld\r\nXENPLAN-E2E-END rc=0\r\n' |
  check "a passing script" 0 0 "hello"
printf 'XENPLAN-E2E-BEGIN\nhello\n(XEN) noise\nworld\nXENPLAN-E2E-END rc=0\n' >"$work/log"
if [[ $("$console" "$work/log" 0 30) == $'hello\nworld' ]]; then
  echo "ok   the output is exactly the script's lines"
else
  echo "FAIL the output is not exactly the script's lines"; failures=$((failures + 1))
fi
printf 'XENPLAN-E2E-BEGIN\nFAIL: step\nXENPLAN-E2E-END rc=1\n' | check "a failing script" 0 1 "FAIL: step"
printf 'XENPLAN-E2E-BEGIN\nstep\n(XEN) ----[ Xen-4.17.5  x86_64  debug=n  Not tainted ]----\n(XEN) RIP:    e008:[<ffff82d04024d65c>] common/sched/rt.c#move_repl_timer+0x2c/0xa0\n(XEN) ****************************************\n(XEN) Panic on CPU 0:\n(XEN) FATAL PAGE FAULT\n' |
  check "a Xen panic" 0 90 "move_repl_timer"
printf 'XENPLAN-E2E-BEGIN\n(XEN) Hardware Dom0 crashed: rebooting machine in 5 seconds.\n' |
  check "a dom0 crash" 0 91 "dom0 crashed"
printf 'XENPLAN-E2E-BEGIN\nwaiting\n' | check "a hang" 124 92 "no end marker after 30 s"
printf '(XEN) booting\n' | check "QEMU ending early" 1 93 "QEMU exited (1)"

((failures == 0))
