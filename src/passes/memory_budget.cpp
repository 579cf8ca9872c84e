#include "passes/memory_budget.h"

#include "base/units.h"

namespace xenplan {

uint64_t domain_overhead_bytes(const Domain& d) {
  uint64_t bytes = kMiB;
  if (const auto mib = xl_number(d.xl, "shadow_memory")) {
    // libxl gives the guest exactly this paging pool, whatever its type (xl.cfg(5): MiB).
    bytes = saturating_add(bytes, *mib > UINT64_MAX / kMiB ? UINT64_MAX : *mib * kMiB);
  } else if (d.type.value != DomainType::Pv) {
    const uint64_t maxmem_mib = d.maxmem.value / kMiB + 1;
    bytes += d.maxvcpus.value * kMiB + maxmem_mib / 128 * kMiB;  // 8 KiB per MiB, without overflow
  }
  return bytes;
}

uint64_t saturating_add(uint64_t a, uint64_t b) {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

MemoryBudget memory_budget(const Model& model) {
  MemoryBudget b;
  b.dom0 = model.host.dom0.memory.value;
  b.xen_overhead = 64 * kMiB + model.host.memory.value / 128;
  for (const Domain& d : model.domains) {
    b.domains = saturating_add(b.domains, d.maxmem.value);
    b.xen_overhead = saturating_add(b.xen_overhead, domain_overhead_bytes(d));
  }
  return b;
}

}  // namespace xenplan
