// The bridge stanzas for ifupdown (reference §7.1), the systemd unit that runs `up` at boot after
// Xen's own services, and the analysis report.
#include <fmt/format.h>

#include "analysis/render_report.h"
#include "emitters.h"
#include "paths.h"
#include "quote.h"

namespace xenplan {
namespace {

std::string bridge_stanza(const Bridge& b) {
  const std::string name = ifupdown_word(b.name.value);
  const char* method = b.address == AddressMode::Dhcp     ? "dhcp"
                       : b.address == AddressMode::Static ? "static"
                                                          : "manual";
  std::string out = fmt::format("# {}\nauto {}\niface {} inet {}\n", kBanner, name, name, method);
  if (b.address == AddressMode::Static) {
    out += fmt::format("\taddress {}\n", ifupdown_word(b.cidr.value));
    if (b.gateway.usable()) out += fmt::format("\tgateway {}\n", ifupdown_word(b.gateway.value));
  }
  std::string ports;
  for (const auto& p : b.ports) ports += " " + ifupdown_word(p.value);
  out += fmt::format("\tbridge_ports{}\n", ports.empty() ? " none" : ports);
  out += "\tbridge_stp off\n\tbridge_fd 0\n\tbridge_maxwait 0\n";
  return out;
}

}  // namespace

Artifacts emit_network(const BuildInput& in) {
  Artifacts out;
  for (const Bridge& b : in.model.host.bridges) {
    out.push_back(artifact_at(paths::network_stanza(b.name.value), ArtifactKind::Network, bridge_stanza(b)));
  }
  return out;
}

Artifacts emit_systemd(const BuildInput& in) {
  const std::string unit = fmt::format(
      "# {}\n"
      "[Unit]\n"
      "Description=xenplan: cpupools and domains of host {}\n"
      "After=xen.service xenstored.service xenconsoled.service xen-init-dom0.service network-online.target\n"
      "Wants=network-online.target\n"
      "ConditionPathExists=/proc/xen/capabilities\n"
      "\n"
      "[Service]\n"
      "Type=oneshot\n"
      "RemainAfterExit=yes\n"
      "ExecStart={}\n"
      "ExecStop={}\n"
      "\n"
      "[Install]\n"
      "WantedBy=multi-user.target\n",
      kBanner, in.model.host.name.value, paths::kUp, paths::kDown);
  return {artifact_at(paths::kUnit, ArtifactKind::Systemd, unit)};
}

Artifacts emit_reports(const BuildInput& in) {
  return {artifact_at(paths::kReportText, ArtifactKind::Report, report_text(in.analysis)),
          artifact_at(paths::kReportJson, ArtifactKind::Report, report_json(in.analysis))};
}

}  // namespace xenplan
