// How a domain boots: a kernel (or PV firmware, which xl turns into a kernel path), its ramdisk
// and command line (cmdline, or root= and extra, which xl joins), or a bootloader and its
// arguments. The inverse of xl_domain.cpp's boot_section.
#include <fmt/format.h>

#include <sstream>

#include "import/domain_map.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

// The string, when xenplan can write it into xl.cfg; a control character is reported.
const std::string* printable(DomainMap& m, const XlCfgSetting& s, const std::string* text) {
  if (!text) return nullptr;
  if (const auto problem = free_text_problem(*text)) {
    m.note(
        FindingKind::Dropped, m.at(s.value.span), s.key,
        fmt::format("{}: xenplan writes xl.cfg strings on one line, without control characters", *problem));
    return nullptr;
  }
  return text;
}

const std::string* take_printable(DomainMap& m, std::string_view key) {
  const XlCfgSetting* s = m.keys.take(key);
  return s ? printable(m, *s, m.text(*s)) : nullptr;
}

// PV and PVH `firmware`: xl boots XENFIRMWAREDIR/<name>.bin as the kernel (pvgrub32, pvgrub64).
std::optional<std::string> firmware_kernel(DomainMap& m, bool has_kernel) {
  const XlCfgSetting* s = m.keys.take("firmware");
  const std::string* name = s ? m.text(*s) : nullptr;
  if (!name) return std::nullopt;
  if (has_kernel) {
    m.reject(m.at(s->value.span), "both `kernel` and `firmware` are given: xl takes one");
    return std::nullopt;
  }
  const auto prefix = [&](std::string_view word) {
    return name->size() <= word.size() && word.starts_with(*name);
  };
  if (!prefix("pvgrub32") && !prefix("pvgrub64")) {
    m.reject(m.at(s->value.span), "PV and PVH `firmware` is pvgrub32 or pvgrub64 only");
    return std::nullopt;
  }
  const std::string version = m.sources.host.xen_version.value_or("4.17");
  const std::string kernel = fmt::format("/usr/lib/xen-{}/boot/{}.bin", version, *name);
  m.note(FindingKind::Rewritten, m.at(s->value.span), "firmware",
         fmt::format("PV firmware is the kernel xl boots: {} (Debian's XENFIRMWAREDIR)", kernel));
  return kernel;
}

// cmdline, or root= and extra: xl ignores root and extra beside cmdline, and joins them without.
void map_command_line(DomainMap& m, bool has_kernel) {
  const XlCfgSetting* cmdline = m.keys.peek("cmdline");
  for (const char* key : {"cmdline", "root", "extra"}) {
    const XlCfgSetting* s = m.keys.peek(key);
    const std::string* text = take_printable(m, key);
    if (!text) continue;
    if (!has_kernel) {
      m.note(FindingKind::Dropped, m.at(s->value.span), key,
             "xenplan gives a command line only to a kernel it boots directly (`kernel`), and this domain "
             "has none");
    } else if (cmdline && s != cmdline) {
      m.note(FindingKind::Ignored, m.at(s->key_span), key, "xl ignores root and extra beside cmdline");
    } else {
      m.out.set(key, Draft::text(*text));
    }
  }
}

void map_bootloader(DomainMap& m) {
  const XlCfgSetting* s = m.keys.peek("bootloader");
  const std::string* bootloader = take_printable(m, "bootloader");
  const XlCfgSetting* args = m.keys.take("bootloader_args");
  if (bootloader && m.type == DomainType::Hvm) {
    m.note(FindingKind::Ignored, m.at(s->key_span), "bootloader", "xl ignores a bootloader for HVM guests");
    bootloader = nullptr;
  }
  if (bootloader) m.out.set("bootloader", Draft::text(*bootloader));
  if (!args) return;
  std::vector<std::string> words;
  if (args->value.is_atom()) {  // deprecated: xl splits the string at blanks
    std::istringstream in(args->value.text);
    for (std::string w; in >> w;) words.push_back(w);
  } else {
    for (const XlCfgValue* item : xl_strings(args->value)) words.push_back(item->text);
  }
  if (!bootloader) {
    m.note(FindingKind::Dropped, m.at(args->key_span), "bootloader_args",
           "without a bootloader the arguments reach nothing");
    return;
  }
  Draft list = Draft::list();
  for (const std::string& w : words) list.push(Draft::text(w));
  m.out.set("bootloader_args", std::move(list));
}

}  // namespace

void map_boot(DomainMap& m) {
  const XlCfgSetting* ks = m.keys.peek("kernel");
  const std::string* kernel = take_printable(m, "kernel");
  if (kernel && m.type == DomainType::Hvm) {
    const size_t slash = kernel->rfind('/');
    if (kernel->substr(slash == std::string::npos ? 0 : slash + 1) == "hvmloader") {
      m.note(FindingKind::Ignored, m.at(ks->value.span), "kernel",
             "xl ignores an HVM guest's kernel named hvmloader (it is the firmware)");
      kernel = nullptr;
    }
  }
  std::optional<std::string> from_firmware;
  if (m.type != DomainType::Hvm) from_firmware = firmware_kernel(m, kernel != nullptr);
  if (kernel) m.out.set("kernel", Draft::text(*kernel));
  if (from_firmware) m.out.set("kernel", Draft::text(*from_firmware));
  const bool has_kernel = kernel || from_firmware;
  if (const XlCfgSetting* s = m.keys.peek("ramdisk")) {
    const std::string* ramdisk = take_printable(m, "ramdisk");
    if (ramdisk && has_kernel)
      m.out.set("ramdisk", Draft::text(*ramdisk));
    else if (ramdisk)
      m.note(FindingKind::Dropped, m.at(s->value.span), "ramdisk",
             "a ramdisk goes with `kernel`, and there is none");
  }
  map_command_line(m, has_kernel);
  map_bootloader(m);
}

}  // namespace xenplan
