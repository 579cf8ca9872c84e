// xenplan-provision: run once as root on the Debian host, from the output directory. Checks the
// host, installs Xen and tools, then checks that the installed hypervisor has the schedulers the
// description uses, sets the bridges up for the next boot, creates the LVM volumes (never
// destroying or shrinking anything), installs the artifacts, updates GRUB, enables xenplan.service.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/units.h"
#include "paths.h"
#include "quote.h"
#include "script_common.h"
#include "script_network.h"

namespace xenplan {
namespace {

constexpr const char* kProvisionHelpers = R"BASH(
# installed PACKAGE: whether dpkg has it installed.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# ensure_packages PACKAGE...: install what dpkg does not have yet.
ensure_packages() {
  local p missing=()
  for p in "$@"; do
    installed "$p" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) || run "installing ${missing[*]}" apt-get install -y "${missing[@]}"
}

# hypervisor_configs: the build configurations of the hypervisors GRUB may boot, as Xen's install
# puts them beside each image: the one host.boot names, or every /boot/xen-<version>*.config.
hypervisor_configs() {
  local config
  if [[ -n $XEN_CONFIG ]]; then
    [[ ! -e $ROOT$XEN_CONFIG ]] || echo "$XEN_CONFIG"
    return 0
  fi
  for config in "$ROOT"/boot/xen-"$XEN_VERSION"*.config; do
    if [[ -e $config ]]; then echo "${config#"$ROOT"}"; fi
  done
}

# need_scheduler NAME KCONFIG: each of those builds has the scheduler (KCONFIG=y). Checked after
# the packages are installed: on a fresh host, only then is there a hypervisor to check.
need_scheduler() {
  local configs config lacking=() where=${XEN_CONFIG:-/boot/xen-$XEN_VERSION*.config}
  configs=$(hypervisor_configs)
  if [[ -z $configs ]]; then
    if ((DRY_RUN)) && ! installed xen-system-amd64; then
      say "once xen-system-amd64 is installed, $where must have $2=y (the $1 scheduler)"
      return 0
    fi
    die "checking the hypervisor failed: there is no $where to tell whether the installed Xen has the $1 scheduler the description uses (is Xen $XEN_VERSION installed? /boot has: $(cd "$ROOT/boot" && echo xen-*.config))"
  fi
  while IFS= read -r config; do
    grep -q "^$2=y\$" "$ROOT$config" || lacking+=("$config")
  done <<<"$configs"
  ((${#lacking[@]})) || return 0
  die "checking the hypervisor failed: the $1 scheduler the description uses is missing from ${lacking[*]} (no $2=y). Debian's own Xen 4.16 and later are built without rtds and null; install a build with CONFIG_EXPERT=y, CONFIG_UNSUPPORTED=y and $2=y (and name its image in host.boot), then run xenplan-provision again"
}

need_virtualisation() {
  if [[ -e $ROOT/proc/xen/capabilities ]]; then
    xl info 2>/dev/null | grep -q '^virt_caps.*hvm' && return 0
  elif grep -Eqw 'vmx|svm' "$ROOT/proc/cpuinfo" 2>/dev/null; then
    return 0
  fi
  die "checking the CPU failed: PVH and HVM guests need VT-x or AMD-V, and this host shows neither"
}

# install_file PATH MODE [grub|unit]: copy one artifact from the output directory when it
# differs; a GRUB file needs update-grub, a unit a daemon-reload.
install_file() {
  if ! cmp -s "$SOURCE/$1" "$ROOT/$1"; then
    run "installing /$1" install -D -m "$2" "$SOURCE/$1" "$ROOT/$1"
    case ${3:-} in grub) GRUB_CHANGED=1 ;; unit) UNIT_CHANGED=1 ;; esac
  fi
}

# set_xl_conf KEY VALUE: xl.conf has no drop-in directory, so set the one key in place.
set_xl_conf() {
  local conf=$ROOT$XL_CONF
  if [[ ! -e $conf ]]; then
    run "writing $conf" install -D -m 0644 /dev/null "$conf"
    run "setting $1 in $conf" sed -i "\$a $1=$2" "$conf"
  elif ! grep -qx "$1=$2" "$conf"; then
    if grep -Eq "^[#[:space:]]*$1[[:space:]]*=" "$conf"; then
      run "setting $1 in $conf" sed -i -E "s|^[#[:space:]]*$1[[:space:]]*=.*|$1=$2|" "$conf"
    else
      run "setting $1 in $conf" sed -i "\$a $1=$2" "$conf"
    fi
  fi
}

ensure_volume_group() {
  local vg=$1 dev
  shift
  for dev in "$@"; do
    pvs "$dev" >/dev/null 2>&1 || run "creating physical volume $dev" pvcreate "$dev"
  done
  vgs "$vg" >/dev/null 2>&1 || run "creating volume group $vg" vgcreate "$vg" "$@"
}

# ensure_volume VG LV BYTES: create it, or accept it when it has exactly that size (rounded up to
# the group's extents). Never resize or remove a volume.
ensure_volume() {
  local have extent want
  if have=$(lvs --noheadings --units b --nosuffix -o lv_size "$1/$2" 2>/dev/null); then
    extent=$(vgs --noheadings --units b --nosuffix -o vg_extent_size "$1") || die "reading volume group $1 failed"
    have=${have//[[:space:]]/}
    extent=${extent//[[:space:]]/}
    want=$((($3 + extent - 1) / extent * extent))
    [[ $have == "$want" ]] || die "logical volume $1/$2 exists with $have bytes but the description asks for $want; xenplan never resizes or removes a volume"
    say "volume $1/$2: present"
  else
    run "creating logical volume $1/$2" lvcreate -y -L "$3b" -n "$2" "$1"
  fi
}
)BASH";

std::set<SchedulerKind> schedulers_used(const Model& m) {
  std::set<SchedulerKind> used{m.host.xen.scheduler.value};
  for (const Pool& p : m.pools) used.insert(p.scheduler.value);
  return used;
}

// What can be checked before anything changes.
std::string preflight(const Model& m) {
  std::string out = "\n# Preflight: nothing changes unless all of this holds.\n";
  out += "if [[ $(id -u) -ne 0 ]] && ((!DRY_RUN)); then die \"checking the user failed: run as root\"; fi\n";
  out += "[[ -e $ROOT/etc/debian_version ]] || die \"checking the system failed: this is not Debian\"\n";
  if (std::any_of(m.domains.begin(), m.domains.end(),
                  [](const Domain& d) { return d.type.value != DomainType::Pv; })) {
    out += "need_virtualisation\n";
  }
  return out + port_checks(m);
}

// The schedulers a stock build may lack, checked in the hypervisor the packages installed.
std::string scheduler_checks(const Model& m) {
  const auto used = schedulers_used(m);
  std::string out;
  if (used.count(SchedulerKind::Rtds)) out += script_line({"need_scheduler", "rtds", "CONFIG_SCHED_RTDS"});
  if (used.count(SchedulerKind::Null)) out += script_line({"need_scheduler", "null", "CONFIG_SCHED_NULL"});
  if (out.empty()) return out;
  return "\n# The installed hypervisor has the schedulers the description uses.\n" + out;
}

std::string storage(const CheckedModel& checked) {
  const Model& m = checked.model();
  std::string out;
  for (const VolumeGroup& vg : m.host.volume_groups) {
    std::vector<std::string> words{"ensure_volume_group", vg.name.value};
    for (const auto& dev : vg.devices) words.push_back(dev.value);
    out += script_line(words);
  }
  for (const Domain& d : m.domains) {
    for (const Disk& disk : d.disks) {
      if (disk.source != DiskSource::Volume) continue;
      out += script_line({"ensure_volume", checked.group_of(disk).name.value, volume_name(d, disk),
                          std::to_string(disk.size.value)});
    }
  }
  return out;
}

std::string install_line(const Artifact& a) {
  std::vector<std::string> words{"install_file", a.path, fmt::format("{:04o}", a.mode)};
  if (a.kind == ArtifactKind::Grub) words.push_back("grub");
  if (a.kind == ArtifactKind::Systemd) words.push_back("unit");
  return script_line(words, 2);
}

// The output directory, from the provision script's own directory: "../../.." for /usr/local/sbin.
std::string source_directory() {
  const std::string_view dir = std::string_view(paths::kProvision).substr(0, std::string_view(paths::kProvision).rfind('/'));
  std::string up;
  for (char c : dir) {
    if (c == '/') up += up.empty() ? ".." : "/..";
  }
  return up;
}

std::string variables(const Model& m) {
  std::string out = fmt::format("\nXEN_VERSION={}\n", shell_word(m.host.xen.version.value));
  const bool image = m.host.boot && m.host.boot->xen.usable();
  out += fmt::format("XEN_CONFIG={}\n", image ? shell_word(paths::hypervisor_config(m.host.boot->xen.value)) : "''");
  out += fmt::format("XL_CONF={}\n", shell_word(paths::kXlConf));
  out += fmt::format("SOURCE=$(cd \"$(dirname \"${{BASH_SOURCE[0]}}\")/{}\" && pwd)\n", source_directory());
  out += "COPY=1\n[[ $SOURCE -ef ${ROOT:-/} ]] && COPY=0  # running from the installed files\n";
  out += "GRUB_CHANGED=0\nUNIT_CHANGED=0\n";
  return out;
}

std::string boot_lines() {
  return fmt::format(R"BASH(
# Boot: GRUB's Xen entry, and the unit that runs xenplan-up at every boot.
if ((GRUB_CHANGED)); then run "updating GRUB" update-grub; fi
if ((UNIT_CHANGED)); then run "reloading systemd" systemctl daemon-reload; fi
systemctl is-enabled --quiet {0} 2>/dev/null || run "enabling {0}" systemctl enable {0}

if ((!CHANGED)); then
  say "nothing to change: the host is already provisioned"
elif [[ -e $ROOT/proc/xen/capabilities ]] && ((!NETWORK_PENDING)); then
  say "provisioned: run xenplan-up (or reboot) to bring the pools and domains up"
elif [[ -e $ROOT/proc/xen/capabilities ]]; then
  say "provisioned: reboot next, for the network; {0} then brings the pools and domains up"
else
  say "provisioned: reboot into Xen next; {0} then brings the pools and domains up"
fi
)BASH",
                     paths::kUnitName);
}

}  // namespace

std::string provision_script(const BuildInput& in, const Artifacts& installed) {
  const Model& m = in.model;
  std::string out = script_prelude(
      "xenplan-provision", fmt::format("Provisions host {} for Xen, once, as root.", m.host.name.value),
      "Run it from the output directory xenplan wrote. It checks the host, installs Xen and the\n"
      "tools, checks that the installed hypervisor has the schedulers the description uses, sets\n"
      "the bridges up (their ports' own ifupdown stanzas become manual, backed up first in\n"
      "/var/backups/xenplan), creates missing LVM volumes (never shrinking or removing one),\n"
      "installs the generated files, updates GRUB and enables xenplan.service. The network\n"
      "changes apply at the next boot, the reboot into Xen, unless --apply-network-now.\n",
      {{kApplyNetworkNowFlag, "APPLY_NETWORK_NOW",
        "bring the bridges up now, taking their ports down first (from a console, not over SSH)", ""}});
  out += variables(m);
  out += kProvisionHelpers;
  out += network_helpers();
  out += preflight(m);
  out += "\n# Packages: Xen, the bridge tools, LVM.\nensure_packages xen-system-amd64 bridge-utils lvm2\n";
  out += scheduler_checks(m);
  out += network_lines(m, installed);
  out += "\n# Storage: physical volumes, volume groups, one logical volume per volume disk.\n" + storage(in.checked);
  out += "\n# The generated files, at their paths.\nif ((COPY)); then\n";
  for (const Artifact& a : installed) {
    if (a.kind != ArtifactKind::Network) out += install_line(a);
  }
  out += install_line(artifact_at(paths::kProvision, ArtifactKind::Script, "", 0755)) + "fi\n";
  out += "# Fixed dom0 memory: xl must not balloon dom0.\n";
  for (const XlConfSetting& s : xl_conf_settings()) out += script_line({"set_xl_conf", s.key, s.value});
  return out + boot_lines();
}

}  // namespace xenplan
