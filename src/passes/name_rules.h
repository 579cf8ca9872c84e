// What makes a name, path or string safe for every tool that will read it (reference §9).
// Each function returns why `text` is not acceptable, or nullopt when it is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xenplan {

std::optional<std::string> host_name_problem(std::string_view text);
std::optional<std::string> domain_name_problem(std::string_view text);
std::optional<std::string> pool_name_problem(std::string_view text);
std::optional<std::string> interface_name_problem(std::string_view text);  // Linux interface names
// A port in `bridge_ports`: an interface name that bridge-utils does not read as a keyword.
std::optional<std::string> bridge_port_problem(std::string_view text);
std::optional<std::string> volume_group_name_problem(std::string_view text);
std::optional<std::string> logical_volume_name_problem(std::string_view text);
std::optional<std::string> absolute_path_problem(std::string_view text);
std::optional<std::string> bootloader_problem(std::string_view text);
std::optional<std::string> free_text_problem(std::string_view text);  // cmdline: any printable text
std::optional<std::string> xen_option_problem(std::string_view text);
std::optional<std::string> ipv4_cidr_problem(std::string_view text);
std::optional<std::string> ipv4_address_problem(std::string_view text);
// A value inside an xl device specification (vif, disk, vfb keys): no character xl splits at.
std::optional<std::string> spec_value_problem(std::string_view text);
// A vif `rate`: xl's RATE/s[@INTERVAL], RATE in [GMK](B|b), INTERVAL in us, ms or s.
std::optional<std::string> vif_rate_problem(std::string_view text);
// An HVM serial port's host side: pty, none, or a host device path.
std::optional<std::string> serial_problem(std::string_view text);
// 8-4-4-4-12 hexadecimal digits.
std::optional<std::string> uuid_problem(std::string_view text);

}  // namespace xenplan
