// The Xen boot line through Debian's GRUB (reference §6): a defaults drop-in that sorts after
// Debian's xen.cfg, and, when the description names the images, a menu entry of xenplan's own in
// the shape of 20_linux_xen.
#include <fmt/format.h>

#include <sstream>

#include "base/units.h"
#include "emitters.h"
#include "paths.h"
#include "quote.h"

namespace xenplan {

std::string xen_command_line(const Model& m) {
  const Dom0& dom0 = m.host.dom0;
  // Sizes always carry a unit: a bare dom0_mem number means KiB (reference §6.1).
  const uint64_t mib = dom0.memory.value / kMiB;
  std::string line = fmt::format("dom0_mem={}M,max:{}M dom0_max_vcpus={}", mib, mib, dom0.vcpus.value);
  if (dom0.pin.value) line += " dom0_vcpus_pin";
  line += fmt::format(" sched={}", scheduler_name(m.host.xen.scheduler.value));
  if (const IommuMode iommu = m.host.xen.iommu.value; iommu != IommuMode::Default) {
    line += iommu == IommuMode::Off ? " iommu=off" : iommu == IommuMode::On ? " iommu=on" : " iommu=required";
  }
  for (const auto& option : m.host.xen.options) line += " " + option.value;
  return line;
}

std::string dom0_kernel_options(const Model& model) {
  std::string hide;
  for (const auto& bdf : model.host.dom0.pciback_hide) hide += fmt::format("({})", bdf.value.text());
  return hide.empty() ? std::string() : "xen-pciback.hide=" + hide;
}

namespace {

// Words of a command line, each quoted for GRUB.
std::string grub_words(const std::string& line) {
  std::istringstream in(line);
  std::string word, out;
  while (in >> word) out += " " + grub_word(word);
  return out;
}

std::string menu_entry(const Model& m) {
  const Boot& boot = *m.host.boot;
  std::string out = fmt::format("#!/bin/sh\n# {}\nexec tail -n +4 \"$0\"\n", kBanner);
  out += fmt::format(
      "menuentry {} --class debian --class gnu-linux --class gnu --class os --class xen {{\n",
      grub_word(fmt::format("Debian GNU/Linux, with Xen hypervisor (xenplan: {})", m.host.name.value)));
  out += fmt::format("\tsearch --no-floppy --set=root --file {}\n", grub_word(boot.xen.value));
  out += "\techo\t'Loading Xen ...'\n";
  out += fmt::format("\tmultiboot2\t{} placeholder{}\n", grub_word(boot.xen.value),
                     grub_words(xen_command_line(m)));
  out += "\techo\t'Loading Linux ...'\n";
  const std::string dom0_line = fmt::format(
      "{} {}", boot.cmdline.usable() ? boot.cmdline.value : std::string(), dom0_kernel_options(m));
  out += fmt::format("\tmodule2\t{} placeholder{}\n", grub_word(boot.kernel.value), grub_words(dom0_line));
  if (boot.initrd.usable()) {
    out += "\techo\t'Loading initial ramdisk ...'\n";
    out += fmt::format("\tmodule2\t--nounzip\t{}\n", grub_word(boot.initrd.value));
  }
  return out + "}\n";
}

}  // namespace

Artifacts emit_grub(const BuildInput& in) {
  Artifacts out;
  std::string defaults = fmt::format("# {}\nGRUB_CMDLINE_XEN_DEFAULT={}\nXEN_OVERRIDE_GRUB_DEFAULT=1\n",
                                     kBanner, shell_word(xen_command_line(in.model)));
  if (const std::string options = dom0_kernel_options(in.model); !options.empty()) {
    // dom0's kernel in Xen entries only, after whatever /etc/default/grub gives it (sourced before).
    defaults += fmt::format(
        "GRUB_CMDLINE_LINUX_XEN_REPLACE_DEFAULT=\"${{GRUB_CMDLINE_LINUX_XEN_REPLACE_DEFAULT:-$GRUB_CMDLINE_"
        "LINUX_"
        "DEFAULT}}\"{}\n",
        shell_word(" " + options));
  }
  out.push_back(artifact_at(paths::kGrubDefaults, ArtifactKind::Grub, defaults));
  if (in.model.host.boot)
    out.push_back(artifact_at(paths::kGrubMenu, ArtifactKind::Grub, menu_entry(in.model), 0755));
  return out;
}

}  // namespace xenplan
