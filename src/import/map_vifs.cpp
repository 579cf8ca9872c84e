// `vif`: each specification as xl splits and reads it (xl_parse.c's parse_nic_config and
// libxlu_vif.c for the rate), to the description's networks; every key of
// xl-network-configuration(5) is mapped or reported. The inverse of xl_device_specs.cpp's vif_spec.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "import/domain_map.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

struct VifKey {
  std::string key;    // before `=`, or the whole token (`trusted`)
  std::string value;  // after `=`
};

// xl splits a vif at commas (strtok: empty fields vanish) and skips the spaces a field starts with.
std::vector<VifKey> split_vif(std::string_view spec) {
  std::vector<VifKey> out;
  size_t pos = 0;
  while (pos < spec.size()) {
    const size_t comma = spec.find(',', pos);
    std::string_view field =
        spec.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    pos = comma == std::string_view::npos ? spec.size() : comma + 1;
    while (field.starts_with(' ')) field.remove_prefix(1);
    if (field.empty()) continue;
    const size_t eq = field.find('=');
    if (eq == std::string_view::npos)
      out.push_back({std::string(field), ""});
    else
      out.push_back({std::string(field.substr(0, eq + 1)), std::string(field.substr(eq + 1))});
  }
  return out;
}

// "0:16:3e:0:0:1" or "00-16-3E-00-00-01" as the description writes it; nullopt for other shapes.
std::optional<std::string> canonical_mac(std::string_view text) {
  std::string out;
  size_t pos = 0;
  for (int i = 0; i < 6; ++i) {
    size_t n = 0;
    while (pos + n < text.size() && n < 2 && std::isxdigit(static_cast<unsigned char>(text[pos + n]))) ++n;
    if (n == 0) return std::nullopt;
    const unsigned value = static_cast<unsigned>(std::stoul(std::string(text.substr(pos, n)), nullptr, 16));
    out += fmt::format("{}{:02x}", i ? ":" : "", value);
    pos += n;
    if (i < 5 && (pos >= text.size() || (text[pos] != ':' && text[pos] != '-'))) return std::nullopt;
    if (i < 5) ++pos;
  }
  if (pos != text.size()) return std::nullopt;
  return out;
}

struct Rate {
  std::optional<std::string> text;  // as the description writes it
  std::string error;                // xl rejects it
};

// RATE/s[@INTERVAL]: xl's interval takes an optional m or u and an optional s (`@20m` is 20ms,
// `@1` one second); the description writes the unit out.
Rate description_rate(std::string_view rate) {
  const size_t at = rate.find('@');
  const std::string_view amount = rate.substr(0, at);
  size_t digits = 0;
  while (digits < amount.size() && std::isdigit(static_cast<unsigned char>(amount[digits]))) ++digits;
  std::string_view unit = amount.substr(digits);
  if (!unit.empty() && (unit[0] == 'G' || unit[0] == 'M' || unit[0] == 'K')) unit.remove_prefix(1);
  if (digits == 0 || (unit != "B/s" && unit != "b/s")) return {std::nullopt, "invalid rate"};
  if (amount.find_first_not_of('0', 0) >= digits) return {std::nullopt, "rate overflow"};  // zero
  std::string out(amount);
  if (at == std::string_view::npos) return {out, {}};
  const std::string_view interval = rate.substr(at + 1);
  size_t n = 0;
  while (n < interval.size() && std::isdigit(static_cast<unsigned char>(interval[n]))) ++n;
  std::string_view iunit = interval.substr(n);
  const char scale = !iunit.empty() && (iunit[0] == 'm' || iunit[0] == 'u') ? iunit[0] : 's';
  if (scale != 's') iunit.remove_prefix(1);
  if (n == 0 || !(iunit.empty() || iunit == "s")) return {std::nullopt, "invalid replenishment interval"};
  const std::string_view suffix = scale == 'm' ? "ms" : scale == 'u' ? "us" : "s";
  return {fmt::format("{}@{}{}", out, interval.substr(0, n), suffix), {}};
}

class VifMapper {
 public:
  VifMapper(DomainMap& m, const XlCfgValue& item, size_t index)
      : m_(m), item_(item), subject_(fmt::format("vif[{}]", index)) {}

  void run(Draft& networks) {
    std::map<std::string, std::string> last;  // xl keeps the last value of a repeated key
    std::vector<std::string> order;
    for (const VifKey& k : split_vif(item_.text)) {
      if (!last.count(k.key)) order.push_back(k.key);
      last[k.key] = k.value;
    }
    Draft net = Draft::map();
    net.set("bridge", Draft::text(""));  // first in the entry; filled below
    for (const std::string& key : order) field(net, key, last[key]);
    if (!bridge_) {
      bridge_ = "xenbr0";
      later_.push_back({FindingKind::Defaulted, subject_ + ".bridge", "not given: xenbr0, libxl's default"});
    }
    net.set("bridge", Draft::text(*bridge_));
    m_.needs.bridges.push_back(*bridge_);
    Draft& placed = networks.push(std::move(net));
    for (const Later& l : later_) m_.note(l.kind, m_.at(item_.span), l.subject, l.message, &placed);
  }

 private:
  struct Later {
    FindingKind kind;
    std::string subject;
    std::string message;
  };

  void drop(const std::string& key, std::string why) {
    const std::string name = key.ends_with('=') ? key.substr(0, key.size() - 1) : key;
    later_.push_back({FindingKind::Dropped, fmt::format("{}.{}", subject_, name), std::move(why)});
  }

  // A string field the description checks with `problem`; dropped when it would not pass.
  void checked(Draft& net, const std::string& key, const std::string& value,
               std::optional<std::string> (*problem)(std::string_view), std::string_view field) {
    if (const auto p = problem(value))
      return drop(key, fmt::format("`{}` is not valid for xenplan: {}", value, *p));
    net.set(field, Draft::text(value));
  }

  void field(Draft& net, const std::string& key, const std::string& value) {
    const bool hvm = m_.type == DomainType::Hvm;
    if (key == "bridge=") {
      bridge_ = value;
    } else if (key == "mac=") {
      if (const auto mac = canonical_mac(value))
        net.set("mac", Draft::text(*mac));
      else
        drop(key, fmt::format("xl reads `{}` only in part: write six hex octets such as 00:16:3e:00:00:01",
                              value));
    } else if (key == "ip=") {
      checked(net, key, value, ipv4_address_problem, "ip");
    } else if (key == "script=") {
      checked(net, key, value, spec_value_problem, "script");
    } else if (key == "backend=") {
      checked(net, key, value, domain_name_problem, "backend");
    } else if (key == "vifname=") {
      checked(net, key, value, interface_name_problem, "vifname");
    } else if (key == "model=" || key == "type=") {
      if (!hvm) return drop(key, "an emulated NIC is for HVM guests only");
      if (key == "model=") return checked(net, key, value, spec_value_problem, "model");
      if (value == "vif" || value == "ioemu") return (void)net.set("type", Draft::word(value));
      later_.push_back(
          {FindingKind::Ignored, subject_ + ".type", fmt::format("xl ignores the type `{}`", value)});
    } else if (key == "rate=") {
      const Rate r = description_rate(value);
      if (r.text)
        net.set("rate", Draft::text(*r.text));
      else
        m_.reject(m_.at(item_.span), fmt::format("xl cannot read the vif rate `{}`: {}", value, r.error));
    } else if (key == "accel=") {
      later_.push_back(
          {FindingKind::Ignored, subject_ + ".accel", "xl does not support accel and ignores it"});
    } else if (key == "devid=" || key == "mtu=" || key == "gatewaydev=" || key == "netdev=" ||
               key == "trusted" || key == "untrusted" || key.starts_with("colo_") || key == "forwarddev=") {
      drop(key, fmt::format("the description's networks have no field for `{}{}`", key, value));
    } else {
      later_.push_back({FindingKind::Ignored, fmt::format("{}.{}", subject_, key),
                        "xl does not know it (\"unrecognized argument\") and ignores it"});
    }
  }

  DomainMap& m_;
  const XlCfgValue& item_;
  std::string subject_;
  std::optional<std::string> bridge_;
  std::vector<Later> later_;
};

}  // namespace

void map_vifs(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("vif");
  if (!s) return;
  if (!s->value.is_list()) {
    m.note(FindingKind::Ignored, m.at(s->value.span), "vif",
           "xl reads a list of vifs here and ignores a string");
    return;
  }
  Draft networks = Draft::list();
  const auto items = xl_strings(s->value);
  for (size_t i = 0; i < items.size(); ++i) VifMapper(m, *items[i], i).run(networks);
  if (networks.size() > 0) m.out.set("networks", std::move(networks));
}

}  // namespace xenplan
