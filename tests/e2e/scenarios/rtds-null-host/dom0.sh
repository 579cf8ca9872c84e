#!/bin/bash
# Runs in dom0 of the RTDS and null host (host.yaml) on Xen 4.17 rebuilt with both schedulers,
# unpatched: up creates the pools and guests with exactly the described parameters; a second up
# changes nothing; up puts back a domain paused and a budget changed by hand; down leaves the
# RTDS pool in place (removing its CPUs would crash this hypervisor, see the teardown-panic
# scenario); a foreign domain named like a described one stops up and down before they change
# anything; up after down gives the same state.
# shellcheck source=../../dom0/checks.sh
source /e2e/checks.sh

step "xenplan-up" xenplan-up
step "guest plc-a booted" guest_booted plc-a
step "guest plc-b booted" guest_booted plc-b
step "guest gw booted" guest_booted gw

expect "cpupools, schedulers and CPUs (xl cpupool-list, -c)" "$(pools)" \
"Pool-0 credit2 0
rt rtds 1,2
iso null 3,4"
expect "the pool of each domain (xl list -c)" "$(domain_pools)" \
"Domain-0 Pool-0
plc-a rt
plc-b rt
gw iso"
expect "RTDS period, budget and extratime of every vCPU (xl sched-rtds -d D -v all)" \
  "$(rtds_params plc-a plc-b)" \
"plc-a 0 10000 4000 no
plc-a 1 20000 6000 no
plc-b 0 10000 3000 yes"
expect "each domain's UUID reads back as xenplan wrote it, uuidgen --sha1 of HOST/NAME (xl list -v)" \
  "$(domain_uuids plc-a plc-b gw)" \
"plc-a f8544ce6-b7a3-5b20-8cf5-6e197c238cdd
plc-b f8b1510f-e92d-5508-b71e-d7297460395b
gw 989c9c23-7374-541a-9ea1-822fcbcfa3cb"
expect "null pool: each vCPU of gw on a CPU of its own (xl vcpu-list)" "$(vcpus_running gw)" \
"gw 0 3
gw 1 4"
expect "null pool: each vCPU of gw pinned to that CPU" "$(vcpus_affinity gw)" \
"gw 0 3
gw 1 4"

up_state=$(host_state; rtds_params plc-a plc-b)
up_ids=$(domain_ids)
step "xenplan-up again" \
  succeeds_with "xenplan: nothing to do: every pool and domain is already up" xenplan-up
expect "a second up leaves the state as it was" "$(host_state; rtds_params plc-a plc-b)" "$up_state"
expect "a second up leaves the same domains running (same IDs)" "$(domain_ids)" "$up_ids"

# By hand: plc-b paused, the budget of plc-a's vCPU 1 changed. Up sets both back, in place.
step "pausing plc-b by hand" xl pause plc-b
step "changing plc-a's budget by hand" xl sched-rtds -d plc-a -v 1 -p 20000 -b 2000 -e 1
step "xenplan-up after changes by hand" succeeds_with "xenplan: domain plc-a: running, repaired" xenplan-up
expect "up gives plc-a its budget back" "$(host_state; rtds_params plc-a plc-b)" "$up_state"
expect "up unpauses plc-b (xl list's state flags)" "$(domain_paused)" \
"Domain-0 running
plc-a running
plc-b running
gw running"
expect "up repairs the domains in place (same IDs)" "$(domain_ids)" "$up_ids"

# The hypervisor is unpatched: if down took a CPU out of the RTDS pool, Xen would panic here and
# the harness would report the crash instead of the checks below.
step "xenplan-down" succeeds_with \
  "xenplan: pool rt: left in place with its CPUs, because taking CPUs out of an RTDS pool can crash Xen 4.17" \
  xenplan-down
expect "down stops every guest, frees the null pool's CPUs and keeps the RTDS pool" \
  "$(pools; domains)" \
"Pool-0 credit2 0,3,4
rt rtds 1,2
Domain-0 512 1"

# A foreign domain named gw (its own UUID, in Pool-0, paused so that it never boots): up and down
# refuse, name it, and change nothing.
sed -e '/^uuid = /d' -e '/^pool = /d' -e '/^cpus = /d' /etc/xen/xenplan/domains/gw.cfg >/tmp/foreign-gw.cfg
step "a foreign domain gw, created by hand" xl create -p /tmp/foreign-gw.cfg
before=$(pools; domains)
step "xenplan-up refuses the foreign gw" fails_with "xenplan: error: domain gw exists with UUID" xenplan-up
step "xenplan-down refuses it too" fails_with "xenplan: error: nothing was changed: 1 problem(s)" xenplan-down
expect "up and down changed nothing" "$(pools; domains)" "$before"
step "removing the foreign gw" xl destroy gw

step "xenplan-up after down" xenplan-up
step "guest plc-a booted again" guest_booted plc-a 2
step "guest gw booted again" guest_booted gw 2
expect "down then up gives the same state, RTDS parameters included" \
  "$(host_state; rtds_params plc-a plc-b)" "$up_state"
expect "null pool after down and up: each vCPU of gw still on its own CPU" "$(vcpus_running gw)" \
"gw 0 3
gw 1 4"

finish
