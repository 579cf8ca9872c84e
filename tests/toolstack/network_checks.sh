# shellcheck shell=bash disable=SC2154  # work: scripts_test.sh's
# Sourced by scripts_test.sh: what Debian's real ifupdown makes of the files provision rewrote.

# check_port_manual SCENARIO ROOT PORT BRIDGE: ROOT's /etc/network files still parse (ifquery),
# the bridge has PORT, and bringing PORT up configures no address on it: ifup's dry run (-n)
# only sets the link up, for IPv4 and IPv6 alike.
check_port_manual() {
  local scenario=$1 root=$2 port=$3 bridge=$4 net=$work/$1.network file plan
  rm -rf "$net"
  cp -r "$root/etc/network" "$net"
  # The files name /etc/network/...: read this copy instead of the machine's.
  for file in "$net/interfaces" "$net"/interfaces.d/*; do sed -i "s|/etc/network/|$net/|g" "$file"; done
  /sbin/ifquery -i "$net/interfaces" --list >/dev/null || fail "$scenario: ifquery cannot read the network files"
  [[ $(/sbin/ifquery -i "$net/interfaces" "$bridge") == *"bridge_ports: $port"* ]] ||
    fail "$scenario: ifquery does not show $port as a port of $bridge"
  plan=$(/sbin/ifup -n -v -i "$net/interfaces" --state-dir "$net/state" --no-scripts "$port" 2>&1) ||
    fail "$scenario: ifup -n $port failed: $plan"
  grep -qF "configuring interface $port=$port (inet)" <<<"$plan" || fail "$scenario: ifup -n did not configure $port: $plan"
  if grep -v -e '^ifup: ' -e '^$' -e "^ip link set dev $port up 2>/dev/null || true\$" <<<"$plan" | grep -q .; then
    fail "$scenario: bringing $port up would do more than set its link up:"
    sed 's/^/    /' <<<"$plan"
  fi
}
