// Devices and boot: vdevs well-formed and unique per domain, MACs unicast and unique on the host,
// and exactly one way to boot each guest.
#include <fmt/format.h>

#include <cctype>
#include <map>

#include "base/echo.h"
#include "passes/checks.h"

namespace xenplan {
namespace {

// xen-vbd-interface(7): xvd<letters>[<partition>], hd[a-d][<0-63>], sd[a-p][<0-15>].
std::optional<std::string> vdev_problem(std::string_view v) {
  if (v.empty())
    return "the name is empty; use xvda, xvdb, ... (or hda-hdd and sda-sdp for emulated HVM disks)";
  auto split = [&](size_t prefix, std::string_view& letters, std::string_view& digits) {
    size_t i = prefix;
    while (i < v.size() && std::islower(static_cast<unsigned char>(v[i]))) ++i;
    letters = v.substr(prefix, i - prefix);
    digits = v.substr(i);
    for (char c : digits) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return !letters.empty() && (digits.empty() || digits[0] != '0') && digits.size() <= 3;
  };
  std::string_view letters, digits;
  const auto partition = [&] { return digits.empty() ? 0 : std::stoi(std::string(digits)); };
  if (v.starts_with("xvd")) {
    if (!split(3, letters, digits) || partition() > 255)
      return "write xvd, disk letters, and an optional partition up to 255";
    return std::nullopt;
  }
  if (v.starts_with("hd")) {
    if (!split(2, letters, digits) || letters.size() != 1 || letters[0] > 'd' || partition() > 63) {
      return "hd disks are hda to hdd, with partitions up to 63";
    }
    return std::nullopt;
  }
  if (v.starts_with("sd")) {
    if (!split(2, letters, digits) || letters.size() != 1 || letters[0] > 'p' || partition() > 15) {
      return "sd disks are sda to sdp, with partitions up to 15";
    }
    return std::nullopt;
  }
  return "use xvda, xvdb, ... (or hda-hdd and sda-sdp for emulated HVM disks)";
}

void check_disks(PassContext& ctx, const Domain& d) {
  std::map<std::string, Span> seen;
  for (const Disk& disk : d.disks) {
    const auto& vdev = disk.vdev;
    if (!vdev.written()) continue;
    if (const auto problem = vdev_problem(vdev.value)) {
      ctx.sink
          .error(Code::BadVdev, ctx.at(vdev.span),
                 fmt::format("{} is not a virtual disk name", echo(vdev.value)))
          .help(*problem);
      continue;
    }
    if (const auto [it, inserted] = seen.emplace(vdev.value, vdev.span); !inserted) {
      ctx.sink
          .error(Code::DuplicateVdev, ctx.at(vdev.span),
                 fmt::format("domain {} has two disks named {}", echo(d.name.value), echo(vdev.value)))
          .note(ctx.at(it->second), "first used here")
          .help("give each disk of a domain its own vdev");
    }
  }
}

void check_boot(PassContext& ctx, const Domain& d) {
  if (!d.type.usable()) return;
  const bool hvm = d.type.value == DomainType::Hvm;
  if (!hvm && !d.kernel.given() && !d.bootloader.given()) {
    ctx.sink
        .error(Code::BootMethod, ctx.at(d.name.span),
               fmt::format("{} domain {} has neither `kernel` nor `bootloader`",
                           domain_type_name(d.type.value), echo(d.name.value)))
        .help("add `kernel: /boot/vmlinuz-...` for direct boot, or `bootloader: pygrub`");
  }
  if (d.kernel.given() && d.bootloader.given()) {
    ctx.sink
        .error(Code::BootMethod, ctx.at(d.bootloader.span),
               fmt::format("domain {} has both `kernel` and `bootloader`", echo(d.name.value)))
        .note(ctx.at(d.kernel.span), "kernel is given here")
        .help("keep one: the bootloader reads the kernel from the guest's disk");
  }
  if (hvm && d.bootloader.given()) {
    ctx.sink
        .error(Code::BootMethod, ctx.at(d.bootloader.span),
               fmt::format("HVM domain {} cannot use a bootloader", echo(d.name.value)))
        .help("HVM guests boot from their firmware; remove `bootloader`");
  }
  if (!d.kernel.given()) {
    for (auto [key, option] : {std::pair{"ramdisk", &d.ramdisk}, std::pair{"cmdline", &d.cmdline},
                               std::pair{"root", &d.root}, std::pair{"extra", &d.extra}}) {
      if (!option->given()) continue;
      ctx.sink
          .error(Code::KernelOptions, ctx.at(option->span),
                 fmt::format("domain {} sets {} without a `kernel`", echo(d.name.value), echo(key)))
          .help(
              "ramdisk, cmdline, root and extra apply to direct kernel boot only; add `kernel` or remove it");
    }
  }
  if (!d.bootloader.given() && !d.bootloader_args.empty()) {
    ctx.sink
        .error(Code::KernelOptions, ctx.at(d.bootloader_args.front().span),
               fmt::format("domain {} sets `bootloader_args` without a `bootloader`", echo(d.name.value)))
        .help("add `bootloader: pygrub`, or remove `bootloader_args`");
  }
}

void check_macs(PassContext& ctx) {
  std::map<std::array<uint8_t, 6>, Span> seen;
  for (const Domain& d : ctx.model.domains) {
    for (const Network& n : d.networks) {
      if (!n.mac.written()) continue;
      const Mac& mac = n.mac.value;
      const bool zero = mac.octets == std::array<uint8_t, 6>{};
      if ((mac.octets[0] & 1) != 0 || zero) {
        ctx.sink
            .error(Code::BadMac, ctx.at(n.mac.span),
                   fmt::format("MAC {} is {}", mac.text(), zero ? "all zeros" : "a multicast address"))
            .help("use a unicast MAC: Xen's prefix 00:16:3e, or a locally administered one such as 02:...");
        continue;
      }
      if (const auto [it, inserted] = seen.emplace(mac.octets, n.mac.span); !inserted) {
        ctx.sink
            .error(Code::DuplicateMac, ctx.at(n.mac.span),
                   fmt::format("MAC {} is used twice on this host", mac.text()))
            .note(ctx.at(it->second), "first used here")
            .help("give every interface its own MAC, or leave `mac` out to let xl pick one");
      }
    }
  }
}

}  // namespace

void check_devices(PassContext& ctx) {
  for (const Domain& d : ctx.model.domains) {
    check_disks(ctx, d);
    check_boot(ctx, d);
  }
  check_macs(ctx);
}

}  // namespace xenplan
