#!/bin/bash
# Brings up the first build, deploys the second over it as xenplan-provision would install it,
# and runs its xenplan-up.
# shellcheck source=../../dom0/checks.sh
source /e2e/checks.sh

step "xenplan-up of the first build" xenplan-up
step "guest plc booted" guest_booted plc
before=$(pools; domains; rtds_params plc)
expect "the RTDS pool holds CPUs 1-2" "$(pools)" \
"Pool-0 credit2 0,3
rt rtds 1,2"

step "deploying the second build (pool rt on CPUs 1-3)" cp -a /e2e/next/. /
step "xenplan-up of the second build refuses to re-partition the RTDS pool" \
  fails_with "xenplan: error: pool rt exists with CPUs '1 2', the description gives '1 2 3': reboot to apply the new layout" xenplan-up
expect "Xen is alive and the pools, guests and RTDS parameters are as they were" \
  "$(pools; domains; rtds_params plc)" "$before"

finish
