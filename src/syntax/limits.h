// Resource limits on inputs, so a hostile description cannot exhaust the machine.
#pragma once

#include <cstddef>

namespace xenplan {

constexpr size_t kMaxInputBytes = 64u * 1024 * 1024;  // 64 MiB of description text
constexpr size_t kMaxNesting = 64;                    // mappings and lists inside each other
constexpr size_t kMaxExpandedNodes = 4'000'000;       // nodes, YAML aliases expanded (both readers)
constexpr size_t kMaxDomains = 65'536;                // domains in one description
constexpr size_t kMaxPools = 4'096;                   // cpupools in one description

}  // namespace xenplan
