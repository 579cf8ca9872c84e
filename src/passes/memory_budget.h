// The host's memory budget: dom0 + every domain's maxmem + Xen's own overhead must fit.
//
// Xen's overhead is an estimate, stated so users can check it:
//  - 64 MiB fixed for the hypervisor image, its heap and per-CPU data;
//  - 1/128 of host memory for the frame table (32 bytes of struct page_info per 4 KiB page);
//  - per domain 1 MiB for its control structures, and for PVH/HVM guests the paging pool xl
//    reserves by default (shadow_memory: 1 MiB per vCPU plus 8 KiB per MiB of maxmem), or the
//    `shadow_memory` the domain's `xl:` settings give, for any guest type.
#pragma once

#include <cstdint>

#include "model/model.h"

namespace xenplan {

// Sums of sizes saturate instead of wrapping: 65,536 huge domains must not add up to little.
uint64_t saturating_add(uint64_t a, uint64_t b);

struct MemoryBudget {
  uint64_t dom0 = 0;          // bytes
  uint64_t domains = 0;       // bytes: sum of maxmem
  uint64_t xen_overhead = 0;  // bytes
  uint64_t total() const { return saturating_add(saturating_add(dom0, domains), xen_overhead); }
};

uint64_t domain_overhead_bytes(const Domain& d);
MemoryBudget memory_budget(const Model& model);

}  // namespace xenplan
