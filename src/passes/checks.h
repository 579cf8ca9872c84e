// The check families validate runs, and what they share.
#pragma once

#include "base/diagnostic.h"
#include "model/model.h"

namespace xenplan {

struct PassContext {
  const Model& model;
  DiagnosticSink& sink;

  Location at(Span span) const { return {model.file, span}; }
};

void check_names(PassContext& ctx);       // names, paths, strings; uniqueness
void check_cpus(PassContext& ctx);        // pool CPU sets, dom0's CPUs, affinity, vCPU counts
void check_memory(PassContext& ctx);      // memory sizes, the host's memory budget, volume groups
void check_devices(PassContext& ctx);     // disks, network interfaces, boot method
void check_schedulers(PassContext& ctx);  // schedulers present, per-scheduler parameters, load
void check_passthrough(PassContext& ctx);  // PCI devices, IRQs, I/O ports and memory: one owner each
void check_emulated(PassContext& ctx);     // HVM-only hardware, displays, USB, emulated disks
void check_xl(PassContext& ctx);          // `xl:` settings: keys of the target Xen, strings

}  // namespace xenplan
