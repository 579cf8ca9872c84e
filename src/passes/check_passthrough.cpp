// Passed-through hardware belongs to one domain: a PCI device, an IRQ, an I/O port or a page of
// I/O memory given twice is an error at the second place, with a note at the first. Ranges are
// compared after sorting, so thousands of them cost n log n.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/echo.h"
#include "passes/checks.h"

namespace xenplan {
namespace {

struct Claim {
  uint64_t first = 0, last = 0;  // inclusive
  std::string_view domain;
  Span span;
};

// Reports every claim that overlaps a claim starting at or before it; the note points at the one
// reaching furthest among those (stable sort: equal starts keep their source order).
void report_overlaps(PassContext& ctx, std::vector<Claim> claims, std::string_view what,
                     std::string (*describe)(const Claim&)) {
  std::stable_sort(claims.begin(), claims.end(),
                   [](const Claim& a, const Claim& b) { return a.first < b.first; });
  const Claim* reach = nullptr;  // the claim reaching furthest so far
  for (const Claim& c : claims) {
    if (reach && c.first <= reach->last) {
      ctx.sink
          .error(Code::DeviceConflict, ctx.at(c.span),
                 fmt::format("domain {} is given {} {}, which domain {} has too", echo(c.domain), what,
                             describe(c), echo(reach->domain)))
          .note(ctx.at(reach->span),
                fmt::format("domain {} has {} here", echo(reach->domain), describe(*reach)))
          .help("passed-through hardware belongs to one domain at a time; remove it from one of them");
    }
    if (!reach || c.last > reach->last) reach = &c;
  }
}

std::string irq_text(const Claim& c) {
  return fmt::format("{}", c.first);
}
std::string ports_text(const Claim& c) {
  return c.first == c.last ? fmt::format("0x{:x}", c.first) : fmt::format("0x{:x}-0x{:x}", c.first, c.last);
}
std::string pages_text(const Claim& c) {
  return c.first == c.last ? fmt::format("0x{:x}", c.first) : fmt::format("0x{:x}-0x{:x}", c.first, c.last);
}

void check_pci(PassContext& ctx) {
  std::map<Bdf, std::pair<std::string_view, Span>> owner;
  for (const Domain& d : ctx.model.domains) {
    for (const PciDevice& dev : d.pci) {
      if (!dev.bdf.usable()) continue;
      const auto [it, fresh] =
          owner.emplace(dev.bdf.value, std::pair{std::string_view(d.name.value), dev.bdf.span});
      if (fresh) continue;
      ctx.sink
          .error(Code::DeviceConflict, ctx.at(dev.bdf.span),
                 fmt::format("domain {} is given PCI device {}, which domain {} has too", echo(d.name.value),
                             dev.bdf.value.text(), echo(it->second.first)))
          .note(ctx.at(it->second.second), fmt::format("domain {} has it here", echo(it->second.first)))
          .help("a PCI device is assigned to one domain at a time; remove it from one of them");
    }
  }
}

}  // namespace

void check_passthrough(PassContext& ctx) {
  check_pci(ctx);
  std::vector<Claim> irqs, ports, pages;
  for (const Domain& d : ctx.model.domains) {
    for (const auto& irq : d.irqs) irqs.push_back({irq.value, irq.value, d.name.value, irq.span});
    for (const IoPortRange& r : d.ioports) ports.push_back({r.first, r.last, d.name.value, r.span});
    for (const IoMemRange& r : d.iomem) {
      if (!r.start.usable() || !r.pages.usable()) continue;
      const uint64_t last =
          r.pages.value - 1 > UINT64_MAX - r.start.value ? UINT64_MAX : r.start.value + r.pages.value - 1;
      pages.push_back({r.start.value, last, d.name.value, r.span});
    }
  }
  report_overlaps(ctx, std::move(irqs), "IRQ", irq_text);
  report_overlaps(ctx, std::move(ports), "I/O port", ports_text);
  report_overlaps(ctx, std::move(pages), "I/O memory page", pages_text);
}

}  // namespace xenplan
