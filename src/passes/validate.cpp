#include "passes/validate.h"

#include "passes/checks.h"

namespace xenplan {

void validate(const Model& model, DiagnosticSink& sink) {
  PassContext ctx{model, sink};
  check_names(ctx);
  check_cpus(ctx);
  check_memory(ctx);
  check_devices(ctx);
  check_schedulers(ctx);
  check_passthrough(ctx);
  check_emulated(ctx);
  check_xl(ctx);
}

}  // namespace xenplan
