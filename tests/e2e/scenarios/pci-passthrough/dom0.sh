#!/bin/bash
# Runs in dom0 of the passthrough host (host.yaml) on Debian's stock Xen 4.17 with QEMU's emulated
# IOMMU: xenplan-up makes the emulated e1000 assignable and gives it to a PV guest, which sees it.
# shellcheck source=../../dom0/checks.sh
source /e2e/checks.sh

nic=/sys/bus/pci/devices/0000:00:03.0
expect "dom0 sees the emulated e1000 at 0000:00:03.0 (vendor:device)" \
  "$(cat "$nic/vendor"):$(cat "$nic/device")" "0x8086:0x100e"
expect_in "Xen runs with its IOMMU on (xl info: virt_caps)" "$(xl info | grep virt_caps)" "hvm_directio"
step "xen-pciback loaded" insmod /lib/modules/xen/xen-pciback.ko

step "xenplan-up" succeeds_with "domain nic-owner: started" xenplan-up
# xenplan-up checked `xl pci-assignable-list` before create; an assigned device leaves that list.
expect "the NIC, now assigned, is no longer listed as assignable (xl pci-assignable-list)" \
  "$(xl pci-assignable-list)" ""
expect "dom0's pciback holds the NIC" "$(basename "$(readlink "$nic/driver")")" "pciback"
expect "the guest owns the NIC (xl pci-list)" "$(xl pci-list nic-owner | tail -n +2 | awk '{print $2}')" \
  "0000:00:03.0"
step "guest nic-owner booted" guest_booted nic-owner
expect_in "the guest sees the e1000 on its PCI bus, through pcifront (its console)" \
  "$(cat /var/log/xen/console/guest-nic-owner.log)" "0x8086:0x100e"

step "xenplan-up again" \
  succeeds_with "xenplan: nothing to do: every pool and domain is already up" xenplan-up
step "xenplan-down" xenplan-down
expect "down leaves dom0 alone" "$(domains)" "Domain-0 512 1"
expect_in "the NIC is back in dom0's pciback, assignable (xl pci-assignable-list)" \
  "$(xl pci-assignable-list)" "0000:00:03.0"

finish
