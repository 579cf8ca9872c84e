# Sourced by scripts_test.sh: what xenplan-up does for real guests. PCI devices are made assignable
# before their domain is created, and not again; a VNC password reaches xl from a root-only copy
# of the config that is removed at once; autostart: false leaves a domain down until
# `xenplan-up --domain NAME`, which brings up that domain and its pool only.
# shellcheck shell=bash

# The temporary copy's random suffix, made stable for the expectations.
stable_tmp() { sed -i -E 's/(xenplan-[A-Za-z0-9_.+-]+)-[A-Za-z0-9]{6}\.cfg/\1-XXXXXX.cfg/' "$1"; }

build guests "$src/tests/golden/readers/all-guest-keys.yaml"
new_host guests
boot_xen
touch "$XENPLAN_SYSROOT/srv/images/hvm.qcow2"
mkdir -p "$XENPLAN_SYSROOT/etc/xen/xenplan"
echo 's3cret' >"$XENPLAN_SYSROOT/etc/xen/xenplan/hvm-all.vncpasswd"
mkdir -p "$XENPLAN_SYSROOT/run"
cp -r "$work/guests/etc/xen/xenplan/." "$XENPLAN_SYSROOT/etc/xen/xenplan/"
LOG_FILTER=stable_tmp scenario guests-up "$work/guests/usr/local/sbin/xenplan-up"
says guests-up "host is up"
assign=$(grep -n '^xl pci-assignable-add 0000:08:00.1' "$work/guests-up.log" | cut -d: -f1)
create=$(grep -n '^xl create -p /etc/xen/xenplan/domains/pv-all.cfg' "$work/guests-up.log" | cut -d: -f1)
[[ -n $assign && -n $create ]] && ((assign < create)) || fail "up did not make pv-all's PCI devices assignable before creating it"
[[ $(cat "$FAKE_STATE/vncpasswd.hvm-all" 2>/dev/null) == s3cret ]] || fail "hvm-all did not get its VNC password"
[[ -z $(ls -A "$XENPLAN_SYSROOT/run") ]] || fail "up left the config copy with the VNC password: $(ls "$XENPLAN_SYSROOT/run")"
grep -rq s3cret "$work/guests" && fail "a generated file holds the VNC password"
grep -q s3cret "$work/guests-up.log" "$work/guests-up.out" && fail "the VNC password was on a command line or in the output"

scenario guests-up-again "$work/guests/usr/local/sbin/xenplan-up"
changes_nothing guests-up-again "a second up changed a host with passed-through devices"
grep -q '^xl pci-assignable-add' "$work/guests-up-again.log" && fail "a second up made a device assignable again"

# autostart: false, and --domain.
build lab "$src/examples/hvm-install.yaml"
new_host lab
boot_xen
mkdir -p "$XENPLAN_SYSROOT/srv/iso" "$XENPLAN_SYSROOT/etc/xen/xenplan"
touch "$XENPLAN_SYSROOT/srv/iso/debian-12.5.0-amd64-netinst.iso"
cp -r "$work/lab/etc/xen/xenplan/." "$XENPLAN_SYSROOT/etc/xen/xenplan/"
scenario lab-up "$work/lab/usr/local/sbin/xenplan-up"
says lab-up "domain installer: left down (autostart: false); xenplan-up --domain installer starts it"
grep -q '^xl create' "$work/lab-up.log" && fail "up started a domain whose autostart is false"
scenario lab-up-unknown-domain 1 "$work/lab/usr/local/sbin/xenplan-up" --domain nosuch
changes_nothing lab-up-unknown-domain "--domain with an unknown name changed the host"
says lab-up-unknown-domain "--domain: the description has no domain of that name; its domains are: installer"
scenario lab-up-domain "$work/lab/usr/local/sbin/xenplan-up" --domain installer
says lab-up-domain "domain installer: started"
[[ $(domain_field installer state) == -b---- ]] || fail "--domain installer did not leave it running"
scenario lab-down "$work/lab/usr/local/sbin/xenplan-down"
[[ ! -e $FAKE_STATE/domains/installer ]] || fail "down left the installer running"
