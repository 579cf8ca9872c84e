#!/bin/bash
# Brings the RTDS pool up with xenplan-up, then destroys it by hand, which xenplan-down never does.
# shellcheck source=../../dom0/checks.sh
source /e2e/checks.sh
step "xenplan-up" xenplan-up
expect "the RTDS pool is up" "$(pools)" \
"Pool-0 credit2 0,3
rt rtds 1,2"
echo "destroying pool rt by hand: this hypervisor is expected to crash now"
xl cpupool-destroy rt
echo "Xen survived destroying an RTDS pool"
finish
