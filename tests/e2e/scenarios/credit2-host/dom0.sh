#!/bin/bash
# Runs in dom0 of the credit2 host (host.yaml) on Debian's stock Xen 4.17: up creates exactly the
# described layout, a second up changes nothing, down then up gives the same state again. The
# domain spare (autostart: false) stays down until `xenplan-up --domain spare` starts it alone.
# shellcheck source=../../dom0/checks.sh
source /e2e/checks.sh

step "xenplan-up" succeeds_with "domain spare: left down (autostart: false)" xenplan-up
step "guest web booted" guest_booted web
step "guest batch-1 booted" guest_booted batch-1

expect "cpupools and their CPUs (xl cpupool-list, -c)" "$(pools)" \
"Pool-0 credit2 0,1
batch credit2 2,3"
expect "each domain's UUID reads back as xenplan wrote it, uuidgen --sha1 of HOST/NAME (xl list -v)" \
  "$(domain_uuids web batch-1)" \
"web 4ae391d7-58d5-514c-b0d3-36873355afa4
batch-1 73092b71-ed4f-54d2-b35f-1ad6aee9ff37"
expect "domains, memory and vCPUs (xl list)" "$(domains)" \
"Domain-0 512 1
web 128 2
batch-1 128 1"
expect "the pool of each domain (xl list -c)" "$(domain_pools)" \
"Domain-0 Pool-0
web Pool-0
batch-1 batch"
expect "credit2 weight and cap (xl sched-credit2)" "$(credit2_params web batch-1)" \
"web 512 0
batch-1 128 100"
expect "dom0's vCPU is pinned (dom0_vcpus_pin); the guests' are not" "$(vcpus_affinity)" \
"Domain-0 0 0
web 0 all
web 1 all
batch-1 0 all"

up_state=$(host_state)
up_ids=$(domain_ids)
step "xenplan-up again" \
  succeeds_with "xenplan: nothing to do: every pool and domain is already up" xenplan-up
expect "a second up leaves the state as it was" "$(host_state)" "$up_state"
expect "a second up leaves the same domains running (same IDs)" "$(domain_ids)" "$up_ids"

step "xenplan-up --domain of a domain not described" \
  fails_with "--domain: the description has no domain of that name; its domains are: web, batch-1, spare" \
  xenplan-up --domain nosuch
step "xenplan-up --domain spare" xenplan-up --domain spare
step "guest spare booted" guest_booted spare
expect "--domain starts spare, in its pool, and nothing else (xl list, xl list -c)" "$(domains; domain_pools)" \
"Domain-0 512 1
web 128 2
batch-1 128 1
spare 128 1
Domain-0 Pool-0
web Pool-0
batch-1 batch
spare batch"
expect "--domain leaves the other domains running (same IDs)" "$(domain_ids | grep -v '^spare ')" "$up_ids"

step "xenplan-down" xenplan-down
expect "down leaves Pool-0 with every CPU and dom0 alone" "$(pools; domains)" \
"Pool-0 credit2 0,1,2,3
Domain-0 512 1"

step "xenplan-up --domain spare on a host that is down" xenplan-up --domain spare
step "guest spare booted again" guest_booted spare 2
expect "--domain brings up spare's pool and spare, and nothing else" "$(pools; domains; domain_pools)" \
"Pool-0 credit2 0,1
batch credit2 2,3
Domain-0 512 1
spare 128 1
Domain-0 Pool-0
spare batch"

step "xenplan-up after down" xenplan-up
step "guest web booted again" guest_booted web 2
expect "down then up gives the same state, spare aside (up leaves it running)" \
  "$(host_state | grep -v '^spare ')" "$up_state"
expect_in "spare still runs" "$(domains)" "spare 128 1"

finish
