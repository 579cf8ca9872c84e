// What QEMU emulates for an HVM guest besides the display (serial, usb, usbversion, usbdevice,
// boot, bios and firmware), and the guest-wide settings xenplan has fields for
// (device_model_version, tsc_mode, localtime, acpi, viridian). The inverse of xl_domain.cpp's
// emulation_section.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "import/domain_map.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

bool hvm(const DomainMap& m) {
  return m.type == DomainType::Hvm;
}

// Keys xl reads in its HVM section only: for other guests they do nothing.
void ignore_unless_hvm(DomainMap& m, std::initializer_list<const char*> keys) {
  if (hvm(m)) return;
  for (const char* key : keys) {
    if (const XlCfgSetting* s = m.keys.take(key))
      m.note(FindingKind::Ignored, m.at(s->key_span), key, "xl reads it for HVM guests only");
  }
}

void map_serial(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("serial");
  if (!s) return;
  const std::string* port = xl_text(s->value);
  if (!port) {
    const auto items = xl_strings(s->value);
    if (items.size() != 1) {
      m.note(FindingKind::Dropped, m.at(s->value.span), "serial",
             "the description gives an HVM guest one serial port");
      return;
    }
    port = &items[0]->text;
    m.note(FindingKind::Rewritten, m.at(s->value.span), "serial",
           "a list of one port is written as that port (serial = \"...\"), which QEMU gets alike");
  }
  if (const auto problem = serial_problem(*port)) {
    m.note(FindingKind::Dropped, m.at(s->value.span), "serial", fmt::format("`{}`: {}", *port, *problem));
    return;
  }
  m.out.set("serial", Draft::text(*port));
}

void map_usb(DomainMap& m) {
  const XlCfgSetting* usb = m.keys.take("usb");
  const XlCfgSetting* version = m.keys.take("usbversion");
  const XlCfgSetting* devices = m.keys.take("usbdevice");
  if (!usb && !version && !devices) return;
  Draft block = Draft::map();
  std::vector<Finding> later;
  std::vector<std::string> names;
  if (devices) {
    if (const std::string* one = xl_text(devices->value)) {
      names.push_back(*one);
      later.push_back(
          {FindingKind::Rewritten, m.at(devices->value.span), "usbdevice",
           "one device is written as a list of one (usbdevice = [\"...\"]), which xl reads alike"});
    } else {
      for (const XlCfgValue* item : xl_strings(devices->value)) names.push_back(item->text);
    }
  }
  const std::optional<long> on = usb ? m.number(*usb) : std::nullopt;
  if (on && *on == 0 && names.empty() && !version) {
    m.note(FindingKind::Rewritten, m.at(usb->value.span), "usb",
           "usb = 0 is the default: the description leaves it out");
    return;
  }
  if (!names.empty()) {
    Draft list = Draft::list();
    for (const std::string& n : names) list.push(Draft::text(n));
    block.set("devices", std::move(list));
    if (on && *on == 0)
      later.push_back({FindingKind::Dropped, m.at(usb->value.span), "usb",
                       "usb = 0 beside usbdevice: xenplan turns USB on"});
    if (!usb)
      later.push_back(
          {FindingKind::Defaulted, m.at(devices->key_span), "usb", "xenplan writes usb = 1 with usbdevice"});
    if (version)
      later.push_back({FindingKind::Ignored, m.at(version->key_span), "usbversion",
                       "xl ignores usbversion beside usbdevice"});
  } else if (const auto v = version ? m.number(*version) : std::nullopt) {
    if (*v >= 1 && *v <= 3)
      block.set("version", Draft::number(static_cast<uint64_t>(*v)));
    else
      m.reject(m.at(version->value.span), fmt::format("usbversion {} is not 1, 2 or 3", *v));
    if (usb)
      later.push_back(
          {FindingKind::Ignored, m.at(usb->key_span), "usb", "usbversion gives the controller itself"});
  } else if (usb) {
    m.note(FindingKind::Dropped, m.at(usb->key_span), "usb",
           "USB without a version or devices: give the description's `usb` a `version` (1, 2 or 3)");
    return;
  }
  if (block.size() == 0) return;
  Draft& placed = m.out.set("usb", std::move(block));
  for (Finding& f : later) m.note(f.kind, f.where, std::move(f.subject), std::move(f.message), &placed);
}

void map_boot_order(DomainMap& m) {
  const std::string* order = m.take_text("boot");
  if (!order) return;
  Draft list = Draft::list();
  for (char c : *order) {
    const char* device = c == 'c' ? "disk" : c == 'd' ? "cdrom" : c == 'n' ? "network" : nullptr;
    if (!device) {
      m.note(
          FindingKind::Dropped, m.at(m.keys.peek("boot")->value.span), "boot",
          fmt::format("the description boots from disks (c), CD-ROMs (d) and the network (n), not `{}`", c));
      return;
    }
    list.push(Draft::word(device));
  }
  if (list.size() > 0) m.out.set("boot", std::move(list));
}

// bios, then firmware: xl takes a firmware that names a BIOS (seabios, ovmf, rombios) as bios,
// `uefi` as OVMF, `bios` as the default, and anything else as a path to a custom firmware.
void map_firmware(DomainMap& m) {
  const XlCfgSetting* bios = m.keys.take("bios");
  const XlCfgSetting* firmware = m.keys.take("firmware");
  std::optional<std::string> kind;  // seabios, ovmf, rombios
  const XlCfgSetting* decided = nullptr;
  if (const std::string* b = bios ? m.text(*bios) : nullptr) {
    if (*b != "seabios" && *b != "ovmf" && *b != "rombios") {
      m.reject(m.at(bios->value.span), fmt::format("xl knows no bios \"{}\"", *b));
      return;
    }
    kind = *b;
    decided = bios;
  }
  if (const std::string* f = firmware ? m.text(*firmware) : nullptr) {
    const auto prefix = [&](std::string_view w) { return f->size() <= w.size() && w.starts_with(*f); };
    if (*f == "seabios" || *f == "ovmf" || *f == "rombios") {
      kind = *f, decided = firmware;
    } else if (prefix("uefi")) {
      kind = "ovmf", decided = firmware;
    } else if (!prefix("bios")) {
      m.note(FindingKind::Dropped, m.at(firmware->value.span), "firmware",
             "a custom firmware file: the description boots SeaBIOS (bios) or OVMF (uefi)");
    }
  }
  if (!kind) return;
  if (*kind == "rombios") {
    m.note(FindingKind::Dropped, m.at(decided->value.span), decided->key,
           "ROMBIOS needs qemu-xen-traditional: the description boots SeaBIOS (bios) or OVMF (uefi)");
    return;
  }
  m.out.set("firmware", Draft::word(*kind == "ovmf" ? "uefi" : "bios"));
}

void map_guest_wide(DomainMap& m) {
  if (const XlCfgSetting* s = m.keys.take("device_model_version")) {
    if (const std::string* v = m.text(*s)) {
      if (*v != "qemu-xen" && *v != "qemu-xen-traditional")
        m.reject(m.at(s->value.span), fmt::format("xl knows no device_model_version \"{}\"", *v));
      else if (!hvm(m))
        m.note(FindingKind::Dropped, m.at(s->key_span), "device_model_version",
               "the description chooses the device model of HVM guests only");
      else
        m.out.set("device_model_version", Draft::word(*v));
    }
  }
  if (const XlCfgSetting* s = m.keys.take("tsc_mode")) {
    static constexpr const char* kModes[] = {"default", "always_emulate", "native", "native_paravirt"};
    std::optional<std::string> mode;
    if (const auto n = xl_long(s->value); n && *n >= 0 && *n <= 3)
      mode = kModes[*n];  // deprecated numbers
    else if (const std::string* t = xl_text(s->value); t && !n)
      mode = *t;
    if (!mode || std::find(std::begin(kModes), std::end(kModes), *mode) == std::end(kModes))
      m.reject(m.at(s->value.span),
               "xl reads tsc_mode as default, always_emulate, native or native_paravirt");
    else if (*mode == "native_paravirt")
      m.note(FindingKind::Dropped, m.at(s->value.span), "tsc_mode",
             "the description's TSC modes are default, always_emulate and native");
    else
      m.out.set("tsc_mode", Draft::word(*mode));
  }
  for (const char* key : {"localtime", "acpi", "viridian"}) {
    const XlCfgSetting* s = m.keys.take(key);
    if (!s) continue;
    const auto n = xl_long(s->value);
    if (!n) {
      m.note(FindingKind::Dropped, m.at(s->value.span), key,
             std::string(key) == "viridian"
                 ? "a list of enlightenments: the description's viridian is on or off"
                 : "xl reads a number here");
    } else if (!hvm(m)) {
      m.note(std::string(key) == "viridian" ? FindingKind::Ignored : FindingKind::Dropped, m.at(s->key_span),
             key,
             std::string(key) == "viridian" ? "xl reads it for HVM guests only"
                                            : "the description sets it for HVM guests only");
    } else {
      m.out.set(key, Draft::word(*n ? "true" : "false"));
    }
  }
}

}  // namespace

void map_emulated(DomainMap& m) {
  ignore_unless_hvm(m, {"serial", "usb", "usbversion", "usbdevice", "boot", "bios"});
  if (hvm(m)) {
    map_serial(m);
    map_usb(m);
    map_boot_order(m);
    map_firmware(m);
  }
  map_guest_wide(m);
}

}  // namespace xenplan
