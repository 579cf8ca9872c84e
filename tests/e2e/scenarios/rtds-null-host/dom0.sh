#!/bin/bash
# Runs in dom0 of the RTDS and null host (host.yaml) on Xen 4.17 rebuilt with both schedulers,
# unpatched: up creates the pools and guests with exactly the described parameters; a second up
# changes nothing; down leaves the RTDS pool in place (removing its CPUs would crash this
# hypervisor, see the teardown-panic scenario) and up after down gives the same state.
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

step "xenplan-up after down" xenplan-up
step "guest plc-a booted again" guest_booted plc-a 2
step "guest gw booted again" guest_booted gw 2
expect "down then up gives the same state, RTDS parameters included" \
  "$(host_state; rtds_params plc-a plc-b)" "$up_state"
expect "null pool after down and up: each vCPU of gw still on its own CPU" "$(vcpus_running gw)" \
"gw 0 3
gw 1 4"

finish
