// xenplan-provision's network part: the bridges' ports must exist, their own ifupdown stanzas
// become `manual` (backed up first), and the bridges apply at the next boot unless
// --apply-network-now, so provisioning over SSH never takes the management NIC down.
#pragma once

#include <string>

#include "artifact.h"
#include "model/model.h"

namespace xenplan {

// The option that applies the network at once, for script_prelude().
inline constexpr std::string_view kApplyNetworkNowFlag = "--apply-network-now";

// Bash helpers and variables (NETWORK_PENDING, need_port, set_ports_manual, ...).
std::string network_helpers();
// Preflight lines: every port of every bridge exists.
std::string port_checks(const Model& model);
// The network section: stanzas of the ports, xenplan's bridge stanzas (the Network artifacts of
// `installed`), and each bridge applied now or at the next boot.
std::string network_lines(const Model& model, const Artifacts& installed);

}  // namespace xenplan
