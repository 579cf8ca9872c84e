// Parsers for the hardware addresses a description writes as text: PCI addresses, I/O port
// ranges and hexadecimal page numbers. Pure functions, so the readers and tests share them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/devices.h"

namespace xenplan {

struct BdfParse {
  std::optional<Bdf> bdf;
  std::optional<uint32_t> vslot;  // from "@VSLOT"
  std::string error;              // why it is not a PCI address
};
// "[DDDD:]BB:DD.F[@VSLOT]", hexadecimal, as lspci -D prints it and xl-pci-configuration(5) takes.
BdfParse parse_bdf(std::string_view text);

struct IoPortParse {
  std::optional<IoPortRange> range;
  std::string error;
};
// "0x3f8-0x3ff" or "0x2f8" (the 0x is optional): hexadecimal, inclusive, at most 0xffff.
IoPortParse parse_ioports(std::string_view text);

// A hexadecimal number with an optional 0x ("0xfe000"), at most `max`; nullopt when it is not one.
std::optional<uint64_t> parse_hex(std::string_view text, uint64_t max);

}  // namespace xenplan
