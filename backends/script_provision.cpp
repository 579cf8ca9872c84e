// xenplan-provision: run once as root on the Debian host, from the output directory. Checks the
// host, installs Xen and tools, creates the bridge and the LVM volumes (never destroying or
// shrinking anything), installs the artifacts, updates GRUB and enables xenplan.service.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/units.h"
#include "paths.h"
#include "quote.h"
#include "script_common.h"

namespace xenplan {
namespace {

constexpr const char* kProvisionHelpers = R"BASH(
# ensure_packages PACKAGE...: install what dpkg does not have yet.
ensure_packages() {
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) || run "installing ${missing[*]}" apt-get install -y "${missing[@]}"
}

# need_scheduler NAME KCONFIG: the installed hypervisor build must have the scheduler.
need_scheduler() {
  local config
  for config in "$ROOT"/boot/xen-"$XEN_VERSION"*.config; do
    if [[ -e $config ]] && grep -q "^$2=y" "$config"; then return 0; fi
  done
  die "checking the hypervisor failed: no Xen $XEN_VERSION build in $ROOT/boot has the $1 scheduler ($2=y); install a build with CONFIG_EXPERT, CONFIG_UNSUPPORTED and $2 first"
}

need_virtualisation() {
  if [[ -e $ROOT/proc/xen/capabilities ]]; then
    xl info 2>/dev/null | grep -q '^virt_caps.*hvm' && return 0
  elif grep -Eqw 'vmx|svm' "$ROOT/proc/cpuinfo" 2>/dev/null; then
    return 0
  fi
  die "checking the CPU failed: PVH and HVM guests need VT-x or AMD-V, and this host shows neither"
}

# install_file PATH MODE: copy one artifact from the output directory, when it differs.
install_file() {
  if ! cmp -s "$SOURCE/$1" "$ROOT/$1"; then
    run "installing /$1" install -D -m "$2" "$SOURCE/$1" "$ROOT/$1"
    case $1 in etc/default/grub.d/* | etc/grub.d/*) GRUB_CHANGED=1 ;; esac
    case $1 in etc/systemd/*) UNIT_CHANGED=1 ;; esac
  fi
}

# set_xl_conf KEY VALUE: xl.conf has no drop-in directory, so set the one key in place.
set_xl_conf() {
  local conf=$ROOT/etc/xen/xl.conf
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

ensure_bridge() {
  ip link show "$1" >/dev/null 2>&1 || run "bringing up bridge $1" ifup "$1"
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

std::string preflight(const Model& m) {
  std::string out = "\n# Preflight.\n";
  out += "if [[ $(id -u) -ne 0 ]] && ((!DRY_RUN)); then die \"checking the user failed: run as root\"; fi\n";
  out += "[[ -e $ROOT/etc/debian_version ]] || die \"checking the system failed: this is not Debian\"\n";
  std::set<SchedulerKind> used{m.host.xen.scheduler.value};
  for (const Pool& p : m.pools) used.insert(p.scheduler.value);
  if (used.count(SchedulerKind::Rtds)) out += "need_scheduler rtds CONFIG_SCHED_RTDS\n";
  if (used.count(SchedulerKind::Null)) out += "need_scheduler null CONFIG_SCHED_NULL\n";
  if (std::any_of(m.domains.begin(), m.domains.end(),
                  [](const Domain& d) { return d.type.value != DomainType::Pv; })) {
    out += "need_virtualisation\n";
  }
  return out;
}

std::string storage(const CheckedModel& checked) {
  const Model& m = checked.model();
  std::string out;
  for (const VolumeGroup& vg : m.host.volume_groups) {
    std::vector<std::string> words{vg.name.value};
    for (const auto& dev : vg.devices) words.push_back(dev.value);
    out += fmt::format("ensure_volume_group {}\n", shell_words(words));
  }
  for (const Domain& d : m.domains) {
    for (const Disk& disk : d.disks) {
      if (disk.source != DiskSource::Volume) continue;
      out += fmt::format("ensure_volume {} {}\n",
                         shell_words({checked.group_of(disk).name.value, volume_name(d, disk)}),
                         disk.size.value);
    }
  }
  return out;
}

}  // namespace

std::string provision_script(const BuildInput& in, const Artifacts& installed) {
  const Model& m = in.model;
  std::string out = script_prelude(
      "xenplan-provision", fmt::format("Provisions host {} for Xen, once, as root.", m.host.name.value),
      "Run it from the output directory xenplan wrote. It checks the host, installs Xen and the\n"
      "tools, brings up the bridges, creates missing LVM volumes (never shrinking or removing\n"
      "one), installs the generated files, updates GRUB and enables xenplan.service.\n");
  out += fmt::format("\nXEN_VERSION={}\n", shell_word(m.host.xen.version.value));
  out += "SOURCE=$(cd \"$(dirname \"${BASH_SOURCE[0]}\")/../../..\" && pwd)\n";
  out += "COPY=1\n[[ $SOURCE -ef ${ROOT:-/} ]] && COPY=0  # running from the installed files\n";
  out += "GRUB_CHANGED=0\nUNIT_CHANGED=0\n";
  out += kProvisionHelpers;
  out += preflight(m);
  out += "\n# Packages: Xen, the bridge tools, LVM.\nensure_packages xen-system-amd64 bridge-utils lvm2\n";
  out += "\n# Bridges: their stanzas, then up.\n";
  for (const Artifact& a : installed) {
    if (a.kind == ArtifactKind::Network)
      out += fmt::format("((COPY)) && install_file {} {:04o}\n", shell_word(a.path), a.mode);
  }
  for (const Bridge& b : m.host.bridges) out += fmt::format("ensure_bridge {}\n", shell_word(b.name.value));
  out += "\n# Storage: physical volumes, volume groups, one logical volume per volume disk.\n" + storage(in.checked);
  out += "\n# The generated files, at their paths.\nif ((COPY)); then\n";
  for (const Artifact& a : installed) {
    if (a.kind != ArtifactKind::Network) out += fmt::format("  install_file {} {:04o}\n", shell_word(a.path), a.mode);
  }
  out += fmt::format("  install_file {} 0755\nfi\n", shell_word(std::string(paths::kProvision).substr(1)));
  out += "# Fixed dom0 memory: xl must not balloon dom0.\nset_xl_conf autoballoon '\"off\"'\n";
  out += fmt::format(R"BASH(
# Boot: GRUB's Xen entry, and the unit that runs xenplan-up at every boot.
if ((GRUB_CHANGED)); then run "updating GRUB" update-grub; fi
if ((UNIT_CHANGED)); then run "reloading systemd" systemctl daemon-reload; fi
systemctl is-enabled --quiet {0} 2>/dev/null || run "enabling {0}" systemctl enable {0}

if ((!CHANGED)); then
  say "nothing to change: the host is already provisioned"
elif [[ -e $ROOT/proc/xen/capabilities ]]; then
  say "provisioned: run xenplan-up (or reboot) to bring the pools and domains up"
else
  say "provisioned: reboot into Xen next; {0} then brings the pools and domains up"
fi
)BASH",
                     paths::kUnitName);
  return out;
}

}  // namespace xenplan
