#include "script_network.h"

#include <fmt/format.h>

#include "paths.h"
#include "quote.h"
#include "script_common.h"

namespace xenplan {
namespace {

constexpr const char* kNetworkHelpers = R"BASH(
# Set when a bridge is left for the next boot to bring up.
NETWORK_PENDING=0

# need_port BRIDGE PORT: the interface a bridge takes over exists.
need_port() {
  ip link show "$2" >/dev/null 2>&1 ||
    die "checking the network failed: $2, a port of bridge $1, does not exist (ip link show $2): name an interface of this host in the description"
}

# interface_files: ifupdown's files that may hold a port's stanza: the main file and every file
# in its drop-in directory but xenplan's own bridge stanzas.
interface_files() {
  local file
  [[ ! -f $ROOT$NETWORK_INTERFACES ]] || echo "$NETWORK_INTERFACES"
  for file in "$ROOT$NETWORK_INTERFACES_DIR"/*; do
    if [[ -f $file && ${file##*/} != "$NETWORK_STANZA_PREFIX"* ]]; then echo "${file#"$ROOT"}"; fi
  done
}

# ports_manual FILE PORT...: FILE as it reads with each `iface PORT inet|inet6 METHOD` stanza of
# the ports made `manual` and the stanza's options commented out (an `up` command, an address):
# the port's bridge takes the address; a port that kept one too would answer beside it.
ports_manual() {
  local file=$1
  shift
  awk -v ports=" $* " '
    $1 ~ /^(iface|mapping|auto|allow-.*|source|source-directory|no-auto-down|no-scripts|rename)$/ { inside = 0 }
    $1 == "iface" && index(ports, " " $2 " ") && ($3 == "inet" || $3 == "inet6") && $4 != "manual" {
      print "# xenplan-provision: its bridge takes this port over; it was: " $0
      print "iface " $2 " " $3 " manual"
      inside = 1
      next
    }
    inside && NF && $1 !~ /^#/ { print "#xenplan-provision# " $0; next }
    { print }
  ' "$ROOT$file"
  # Debian's main file reads the drop-ins; without that line the bridge stanzas would be ignored.
  if [[ $file == "$NETWORK_INTERFACES" ]] &&
    ! grep -Eq "^[[:space:]]*source(-directory)?[[:space:]]+$NETWORK_INTERFACES_DIR" "$ROOT$file"; then
    printf '\n# xenplan-provision: the bridge stanzas are there\nsource %s/*\n' "$NETWORK_INTERFACES_DIR"
  fi
}

# backup_path FILE: where the original of FILE goes, below BACKUP_DIR at its own path (never in
# interfaces.d, whose every file ifupdown reads); an older backup is kept as it is.
backup_path() {
  local path=$BACKUP_DIR$1 n=1
  if [[ -e $ROOT$path ]]; then
    while [[ -e $ROOT$path.$n ]]; do n=$((n + 1)); done
    path=$path.$n
  fi
  echo "$path"
}

# set_ports_manual PORT...: in every ifupdown file, the ports' own stanzas become manual. Each
# file that changes is backed up first, and the messages say where.
set_ports_manual() {
  local file files new backup
  files=$(interface_files)
  new=$(mktemp)
  while IFS= read -r file; do
    [[ -n $file ]] || continue
    ports_manual "$file" "$@" >"$new"
    if cmp -s "$new" "$ROOT$file"; then continue; fi
    backup=$(backup_path "$file")
    run "backing up $file" install -D -m 0600 "$ROOT$file" "$ROOT$backup"
    run "setting the stanzas of $* in $file to manual" cp "$new" "$ROOT$file"
    say "$file: the stanzas of $* are now manual, their bridges take the address; the original is kept in $backup"
  done <<<"$files"
  rm -f "$new"
}

# bridge_up BRIDGE: whether the bridge exists already.
bridge_up() { ip link show "$1" >/dev/null 2>&1; }

# ports_down BRIDGE PORT...: with --apply-network-now, before their stanzas change, the ports
# ifupdown has up go down the way they came up (a DHCP lease is released, an address removed).
ports_down() {
  local port
  bridge_up "$1" && return 0
  shift
  for port in "$@"; do
    if ifquery --state "$port" >/dev/null 2>&1; then run "taking $port down" ifdown "$port"; fi
  done
}

# apply_bridge BRIDGE PORT...: up now with --apply-network-now, otherwise at the next boot.
apply_bridge() {
  local bridge=$1
  shift
  bridge_up "$bridge" && return 0
  if ((APPLY_NETWORK_NOW)); then
    run "bringing up bridge $bridge" ifup "$bridge"
    return 0
  fi
  NETWORK_PENDING=1
  say "bridge $bridge: comes up at the next boot, the reboot into Xen (${*:-no port}). --apply-network-now brings it up now and takes its ports down first: do that from a console, not over them"
}
)BASH";

std::vector<std::string> ports_of(const Bridge& b) {
  std::vector<std::string> out;
  for (const auto& p : b.ports) out.push_back(p.value);
  return out;
}

std::vector<std::string> words(std::string first, std::string second, const std::vector<std::string>& rest) {
  std::vector<std::string> out{std::move(first), std::move(second)};
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

}  // namespace

std::string network_helpers() {
  std::string out = "\n";
  for (const auto& [var, value] : {std::pair{"NETWORK_INTERFACES", paths::kNetworkInterfaces},
                                   std::pair{"NETWORK_INTERFACES_DIR", paths::kNetworkInterfacesDir},
                                   std::pair{"NETWORK_STANZA_PREFIX", paths::kNetworkStanzaPrefix},
                                   std::pair{"BACKUP_DIR", paths::kBackupDir}}) {
    out += fmt::format("{}={}\n", var, shell_word(value));
  }
  return out + kNetworkHelpers;
}

std::string port_checks(const Model& m) {
  std::string out;
  for (const Bridge& b : m.host.bridges) {
    for (const auto& port : b.ports) out += script_line({"need_port", b.name.value, port.value});
  }
  return out;
}

std::string network_lines(const Model& m, const Artifacts& installed) {
  std::vector<std::string> all_ports;
  std::string out = "\n# Network: each bridge's ports give up their own stanzas to the bridge.\n";
  for (const Bridge& b : m.host.bridges) {
    if (b.ports.empty()) continue;
    const auto ports = ports_of(b);
    all_ports.insert(all_ports.end(), ports.begin(), ports.end());
    out += "if ((APPLY_NETWORK_NOW)); then " + shell_words(words("ports_down", b.name.value, ports)) + "; fi\n";
  }
  if (!all_ports.empty()) out += script_line(words("set_ports_manual", all_ports[0], {all_ports.begin() + 1, all_ports.end()}));
  for (const Artifact& a : installed) {
    if (a.kind == ArtifactKind::Network) out += "((COPY)) && " + script_line({"install_file", a.path, fmt::format("{:04o}", a.mode)});
  }
  for (const Bridge& b : m.host.bridges) out += script_line(words("apply_bridge", b.name.value, ports_of(b)));
  return out;
}

}  // namespace xenplan
