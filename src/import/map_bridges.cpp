// ifupdown stanzas (interfaces(5), bridge-utils-interfaces(5)) to host.bridges: every `iface`
// with bridge_ports is a bridge, its method and address the bridge's address. The inverse of
// host_files.cpp's bridge_stanza, which always writes `auto`, bridge_stp off, bridge_fd 0 and
// bridge_maxwait 0.
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <sstream>

#include "import/host_map.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

// ifupdown passes options to its scripts as IF_<NAME>, so bridge-ports and bridge_ports are one.
std::string option_name(const std::string& name) {
  std::string out = name;
  for (char& c : out) c = c == '-' ? '_' : c;
  return out;
}

// 255.255.255.0 → 24; nullopt for anything but a contiguous IPv4 mask.
std::optional<int> prefix_length(std::string_view mask) {
  uint32_t value = 0;
  int parts = 0;
  std::istringstream in{std::string(mask)};
  for (std::string octet; std::getline(in, octet, '.'); ++parts) {
    if (octet.empty() || octet.size() > 3 || octet.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    const unsigned n = static_cast<unsigned>(std::stoul(octet));
    if (n > 255) return std::nullopt;
    value = value << 8 | n;
  }
  if (parts != 4) return std::nullopt;
  const int ones = std::popcount(value);
  if (ones > 0 && value != ~uint32_t{0} << (32 - ones)) return std::nullopt;
  return ones;
}

class BridgeMapper {
 public:
  BridgeMapper(HostMap& m, const InterfacesSource& src, const IfaceStanza& s) : m_(m), src_(src), s_(s) {}

  Draft run() {
    Draft bridge = Draft::map();
    bridge.set("name", Draft::text(s_.name));
    std::string address, netmask, gateway;
    for (const IfaceOption& o : s_.options) {
      const std::string name = option_name(o.name);
      if (name == "bridge_ports")
        ports(bridge, o);
      else if (name == "address")
        address = o.value;
      else if (name == "netmask")
        netmask = o.value;
      else if (name == "gateway")
        gateway = o.value;
      else if (name == "bridge_stp")
        fixed(o, o.value == "off" || o.value == "no" || o.value == "0", "bridge_stp off");
      else if (name == "bridge_fd")
        fixed(o, o.value == "0", "bridge_fd 0");
      else if (name == "bridge_maxwait")
        fixed(o, o.value == "0", "bridge_maxwait 0");
      else
        drop(o, fmt::format("the description's bridges have no field for `{} {}`", o.name, o.value));
    }
    for (const char* option : {"bridge_fd", "bridge_maxwait"}) {
      const bool given = std::any_of(s_.options.begin(), s_.options.end(),
                                     [&](const IfaceOption& o) { return option_name(o.name) == option; });
      if (!given)
        later_.push_back({FindingKind::Dropped, at(s_.span), fmt::format("{}.{}", s_.name, option),
                          fmt::format("not given (bridge-utils' default): xenplan writes {} 0", option)});
    }
    method(bridge, address, netmask, gateway);
    start();
    return bridge;
  }

  void place(Draft& where) {
    for (Finding& f : later_) m_.note(f.kind, f.where, std::move(f.subject), std::move(f.message), where);
  }

 private:
  Location at(Span span) const { return {src_.file, span}; }
  void drop(const IfaceOption& o, std::string why) {
    later_.push_back({FindingKind::Dropped, at(o.span), fmt::format("{}.{}", s_.name, option_name(o.name)),
                      std::move(why)});
  }
  void fixed(const IfaceOption& o, bool same, std::string_view xenplan) {
    if (!same) drop(o, fmt::format("xenplan's bridges have {}", xenplan));
  }

  void ports(Draft& bridge, const IfaceOption& o) {
    std::istringstream in(o.value);
    Draft list = Draft::list();
    for (std::string port; in >> port;) {
      if (port == "none") continue;
      if (const auto problem = bridge_port_problem(port)) {
        drop(o, fmt::format("`{}`: {}; the bridge is written without its ports", port, *problem));
        return (void)bridge.set("ports", Draft::list());
      }
      list.push(Draft::text(port));
    }
    bridge.set("ports", std::move(list));
  }

  void method(Draft& bridge, const std::string& address, const std::string& netmask,
              const std::string& gateway) {
    if (s_.method == "dhcp" || s_.method == "manual") {
      bridge.set("address", Draft::word(s_.method));
      return;
    }
    if (s_.method != "static") {
      later_.push_back(
          {FindingKind::Dropped, at(s_.span), s_.name + ".method",
           fmt::format("the description's bridges are dhcp, manual or static, not {}", s_.method)});
      bridge.set("address", Draft::word("manual"));
      return;
    }
    std::string cidr = address;
    if (cidr.find('/') == std::string::npos) {
      if (const auto bits = prefix_length(netmask)) cidr += fmt::format("/{}", *bits);
    }
    if (ipv4_cidr_problem(cidr)) {
      later_.push_back(
          {FindingKind::Dropped, at(s_.span), s_.name + ".address",
           fmt::format("`{}` is not an IPv4 address with its prefix: the bridge is manual", address)});
      bridge.set("address", Draft::word("manual"));
      return;
    }
    Draft a = Draft::map();
    a.set("cidr", Draft::text(cidr));
    if (!gateway.empty()) a.set("gateway", Draft::text(gateway));
    bridge.set("address", std::move(a));
  }

  // xenplan's stanza starts the bridge at boot (`auto`).
  void start() {
    for (const InterfacesSource& file : m_.sources.interfaces) {
      for (const IfaceStart& s : file.starts) {
        if (s.name != s_.name) continue;
        if (s.keyword != "auto")
          later_.push_back(
              {FindingKind::Rewritten,
               {file.file, s.span},
               s_.name + ".auto",
               fmt::format("`{}`: xenplan's stanza brings the bridge up with `auto`", s.keyword)});
        return;
      }
    }
    later_.push_back({FindingKind::Rewritten, at(s_.span), s_.name + ".auto",
                      "not brought up at boot here: xenplan's stanza brings the bridge up with `auto`"});
  }

  HostMap& m_;
  const InterfacesSource& src_;
  const IfaceStanza& s_;
  std::vector<Finding> later_;
};

bool is_bridge(const IfaceStanza& s) {
  return std::any_of(s.options.begin(), s.options.end(),
                     [](const IfaceOption& o) { return option_name(o.name) == "bridge_ports"; });
}

}  // namespace

BridgesDraft map_bridges(HostMap& m) {
  BridgesDraft out;
  for (const InterfacesSource& file : m.sources.interfaces) {
    std::vector<std::string> others;
    for (const IfaceStanza& s : file.stanzas) {
      if (!is_bridge(s)) {
        if (std::find(others.begin(), others.end(), s.name) == others.end()) others.push_back(s.name);
        continue;
      }
      if (s.family != "inet") {
        m.note(FindingKind::Dropped, {file.file, s.span}, fmt::format("{}.{}", s.name, s.family),
               "the description's bridges have IPv4 addresses only", out.list);
        continue;
      }
      BridgeMapper mapper(m, file, s);
      Draft& placed = out.list.push(mapper.run());
      mapper.place(placed);
      out.names.push_back(s.name);
    }
    if (!others.empty()) {
      std::string names;
      for (const std::string& n : others) names += (names.empty() ? "" : ",") + n;
      m.note(FindingKind::Ignored, Location::whole(file.file), names,
             "not bridges: xenplan writes bridge stanzas only, and leaves this file as it is", out.list);
    }
    if (!file.other.empty())
      m.note(FindingKind::Ignored, {file.file, file.other.front()}, "source",
             "source, mapping and similar lines are not followed: give the files they name too", out.list);
  }
  return out;
}

}  // namespace xenplan
