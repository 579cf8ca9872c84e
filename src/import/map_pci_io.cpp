// What a guest is given of the host's hardware: `pci` (each PCI_SPEC_STRING as libxlu_pci.c
// reads it, with the pci_* keys as every device's defaults), `irqs`, `ioports` and `iomem` as
// xl_parse.c reads them. The inverse of xl_domain.cpp's devices_section and pci_spec.
#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <map>

#include "import/domain_map.h"
#include "model/devices.h"

namespace xenplan {
namespace {

// A hexadecimal number as sscanf's %x reads it (an optional 0x), consumed from the front.
std::optional<uint64_t> take_hex(std::string_view& s) {
  size_t n = s.starts_with("0x") || s.starts_with("0X") ? 2 : 0;
  const size_t digits = n;
  uint64_t value = 0;
  while (n < s.size() && std::isxdigit(static_cast<unsigned char>(s[n])) && n - digits < 16) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[n])));
    value = value * 16 + static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    ++n;
  }
  if (n == digits) return std::nullopt;
  s.remove_prefix(n);
  return value;
}

struct PciSpec {
  std::optional<Bdf> bdf;
  std::optional<uint64_t> vslot;
  std::vector<std::pair<std::string, std::string>> options;  // key=value after the address
  bool all_functions = false;                                // BB:DD.*
  bool named = false;                                        // name= instead of an address
  std::string error;
};

// [DDDD:]BB:DD.F: the number of colons before the first character that is neither a hex digit
// nor a colon decides whether the domain is there (libxlu_pci.c's parse_bdf).
std::optional<Bdf> parse_xl_bdf(std::string_view& s, bool& all_functions) {
  size_t colons = 0;
  for (char c : s) {
    if (c == ':')
      ++colons;
    else if (!std::isxdigit(static_cast<unsigned char>(c)))
      break;
  }
  if (colons != 1 && colons != 2) return std::nullopt;
  Bdf bdf;
  std::string_view rest = s;
  auto field = [&](uint64_t max, char sep) -> std::optional<uint32_t> {
    const auto v = take_hex(rest);
    if (!v || *v > max || rest.empty() || rest[0] != sep) return std::nullopt;
    rest.remove_prefix(1);
    return static_cast<uint32_t>(*v);
  };
  if (colons == 2) {
    const auto d = field(0xffff, ':');
    if (!d) return std::nullopt;
    bdf.domain = *d;
  }
  const auto bus = field(0xff, ':');
  const auto dev = bus ? field(0x1f, '.') : std::nullopt;
  if (!dev) return std::nullopt;
  bdf.bus = *bus;
  bdf.device = *dev;
  if (rest.starts_with('*')) {
    all_functions = true;
    rest.remove_prefix(1);
  } else {
    const auto f = take_hex(rest);
    if (!f || *f > 7) return std::nullopt;
    bdf.function = static_cast<uint32_t>(*f);
  }
  s = rest;
  return bdf;
}

PciSpec parse_pci_spec(std::string_view s) {
  PciSpec out;
  if (auto bdf = parse_xl_bdf(s, out.all_functions)) {
    out.bdf = bdf;
    if (s.starts_with('@')) {
      s.remove_prefix(1);
      out.vslot = take_hex(s);
      if (!out.vslot || *out.vslot > 0x1f)
        return {{}, {}, {}, false, false, "a virtual slot is a hex number up to 1f"};
    }
    if (s.starts_with(','))
      s.remove_prefix(1);
    else if (!s.empty())
      return {{}, {}, {}, false, false, "unexpected text after the address"};
  }
  bool name = false;
  while (!s.empty()) {
    const size_t eq = s.find('=');
    if (eq == std::string_view::npos) return {{}, {}, {}, false, false, "expected key=value"};
    const size_t comma = s.find(',', eq);
    std::string key(s.substr(0, eq));
    std::string value(
        s.substr(eq + 1, comma == std::string_view::npos ? std::string_view::npos : comma - eq - 1));
    s.remove_prefix(comma == std::string_view::npos ? s.size() : comma + 1);
    if (key == "bdf") {
      std::string_view v = value;
      bool all = false;
      out.bdf = parse_xl_bdf(v, all);
      out.all_functions |= all;
    } else if (key == "vslot") {
      std::string_view v = value;
      out.vslot = take_hex(v);
      if (!out.vslot || *out.vslot > 0x1f)
        return {{}, {}, {}, false, false, "a virtual slot is a hex number up to 1f"};
    } else if (key == "name") {
      name = true;
    } else if (key == "permissive" || key == "msitranslate" || key == "seize" || key == "power_mgmt") {
      out.options.emplace_back(key, value);
    } else if (key == "rdm_policy") {
      if (value != "strict" && value != "relaxed")
        return {{}, {}, {}, false, false, "rdm_policy is strict or relaxed"};
      out.options.emplace_back(key, value);
    } else {
      return {{}, {}, {}, false, false, fmt::format("unknown option `{}`", key)};
    }
  }
  if (out.bdf.has_value() == name)
    return {{}, {}, {}, false, false, "give the device's address or its name, not both"};
  out.named = name;
  return out;
}

void map_pci(DomainMap& m) {
  const XlCfgSetting* s = m.keys.peek("pci");
  if (!s || !s->value.is_list() || s->value.items.empty()) return;  // the pci_* keys go through `xl:`
  m.keys.take("pci");
  std::map<std::string, bool> defaults;  // pci_permissive = 1 ...: every device's default
  for (const char* key : {"permissive", "msitranslate", "seize", "power_mgmt"}) {
    if (const auto n = m.take_number(fmt::format("pci_{}", key))) defaults[key] = *n != 0;
  }
  Draft devices = Draft::list();
  const auto items = xl_strings(s->value);
  for (size_t i = 0; i < items.size(); ++i) {
    const PciSpec p = parse_pci_spec(items[i]->text);
    if (!p.error.empty()) {
      m.reject(m.at(items[i]->span),
               fmt::format("xl cannot read the PCI device `{}`: {}", items[i]->text, p.error));
      continue;
    }
    const std::string subject = fmt::format("pci[{}]", i);
    if (m.type == DomainType::Pvh || p.all_functions || !p.bdf) {
      m.note(FindingKind::Dropped, m.at(items[i]->span), subject,
             m.type == DomainType::Pvh ? "Xen 4.17 has no PCI passthrough for PVH guests"
             : p.all_functions
                 ? "the description passes functions one by one: list each BB:DD.F"
                 : "the description names devices by address, not by a name= of pci-assignable-add");
      continue;
    }
    std::map<std::string, std::string> options;
    for (const auto& [k, v] : defaults) options[k] = std::string(1, v ? '1' : '0');
    for (const auto& [k, v] : p.options) options[k] = v;
    Draft dev = Draft::map();
    std::string bdf = p.bdf->text();
    if (p.vslot) bdf += fmt::format("@{:02x}", *p.vslot);
    dev.set("bdf", Draft::text(bdf));
    for (const auto& [k, v] : options) {
      if (k == "rdm_policy")
        dev.set(k, Draft::word(v));
      else if (std::atoi(v.c_str()) != 0)  // libxlu_pci.c reads the flags with atoi
        dev.set(k, Draft::word("true"));
    }
    devices.push(dev.size() == 1 ? Draft::text(bdf) : std::move(dev));
  }
  if (devices.size() > 0) m.out.set("pci", std::move(devices));
}

void map_irqs(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("irqs");
  if (!s) return;
  Draft irqs = Draft::list();
  for (const XlCfgValue* item : xl_strings(s->value)) {
    const std::string& t = item->text;
    if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos || t.size() > 9) {
      m.reject(m.at(item->span), fmt::format("xl cannot read the IRQ `{}`: a decimal number", t));
      continue;
    }
    if (std::stoul(t) > 0xffff) {
      m.note(FindingKind::Dropped, m.at(item->span), "irqs", fmt::format("IRQ {} is beyond 65535", t));
      continue;
    }
    irqs.push(Draft::word(std::to_string(std::stoul(t))));
  }
  if (irqs.size() > 0) m.out.set("irqs", std::move(irqs));
}

void map_ioports(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("ioports");
  if (!s) return;
  Draft ports = Draft::list();
  for (const XlCfgValue* item : xl_strings(s->value)) {
    std::string_view t = item->text;
    const auto first = take_hex(t);
    std::optional<uint64_t> last = first;
    if (first && t.starts_with('-')) {
      t.remove_prefix(1);
      last = take_hex(t);
    }
    if (!first || !last || *last < *first || !t.empty()) {
      m.reject(m.at(item->span),
               fmt::format("xl cannot read the I/O ports `{}`: a hex port or range", item->text));
      continue;
    }
    if (*last > 0xffff) {
      m.note(FindingKind::Dropped, m.at(item->span), "ioports", "x86 I/O ports end at 0xffff");
      continue;
    }
    ports.push(Draft::text(*first == *last ? fmt::format("0x{:x}", *first)
                                           : fmt::format("0x{:x}-0x{:x}", *first, *last)));
  }
  if (ports.size() > 0) m.out.set("ioports", std::move(ports));
}

void map_iomem(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("iomem");
  if (!s) return;
  Draft ranges = Draft::list();
  for (const XlCfgValue* item : xl_strings(s->value)) {
    std::string_view t = item->text;
    const auto start = take_hex(t);
    const bool comma = start && t.starts_with(',');
    if (comma) t.remove_prefix(1);
    const auto pages = comma ? take_hex(t) : std::nullopt;
    const bool at = pages && t.starts_with('@');
    if (at) t.remove_prefix(1);
    const auto gfn = at ? take_hex(t) : std::nullopt;
    if (!start || !pages || (at && !gfn) || !t.empty()) {
      m.reject(m.at(item->span),
               fmt::format("xl cannot read the I/O memory `{}`: START,PAGES[@GFN] in hex", item->text));
      continue;
    }
    Draft r = Draft::map();
    r.set("start", Draft::text(fmt::format("0x{:x}", *start)));
    r.set("pages", Draft::number(*pages));
    if (gfn) r.set("gfn", Draft::text(fmt::format("0x{:x}", *gfn)));
    ranges.push(std::move(r));
  }
  if (ranges.size() > 0) m.out.set("iomem", std::move(ranges));
}

}  // namespace

void map_pci_io(DomainMap& m) {
  map_pci(m);
  map_irqs(m);
  map_ioports(m);
  map_iomem(m);
}

}  // namespace xenplan
