#!/bin/bash
# Brings up the first build (Pool-0 under RTDS: dom0's parameters are set and read back, and set
# back after a change by hand), deploys the second over it as xenplan-provision would install
# it, and runs its xenplan-up.
# shellcheck source=../../dom0/checks.sh
source /e2e/checks.sh

step "xenplan-up of the first build" xenplan-up
step "guest plc booted" guest_booted plc
expect "the RTDS pool holds CPUs 1-2; Pool-0 runs RTDS" "$(pools)" \
"Pool-0 rtds 0,3
rt rtds 1,2"
expect "dom0's RTDS parameters (xl sched-rtds -d Domain-0 -v all)" "$(rtds_params Domain-0 plc)" \
"Domain-0 0 10000 5000 yes
plc 0 10000 4000 yes"
expect "plc's UUID reads back as xenplan wrote it (xl list -v)" "$(domain_uuids plc)" \
  "plc a931ef7e-5af1-5eb6-8b57-0f5c089bd667"

step "changing dom0's budget by hand" xl sched-rtds -d Domain-0 -v all -p 10000 -b 4000 -e 1
step "xenplan-up sets dom0's parameters back" \
  succeeds_with "xenplan: domain Domain-0: RTDS parameters are 10000/4000/yes, the description gives 10000/5000/yes: setting them" xenplan-up
expect "dom0's RTDS parameters after the repair" "$(rtds_params Domain-0)" "Domain-0 0 10000 5000 yes"
before=$(pools; domains; rtds_params Domain-0 plc)

step "deploying the second build (pool rt on CPUs 1-3)" cp -a /e2e/next/. /
step "xenplan-up of the second build refuses to re-partition the RTDS pool" \
  fails_with "xenplan: error: pool rt exists with CPUs '1 2', the description gives '1 2 3': reboot to apply the new layout" xenplan-up
expect "Xen is alive and the pools, guests and RTDS parameters are as they were" \
  "$(pools; domains; rtds_params Domain-0 plc)" "$before"

finish
