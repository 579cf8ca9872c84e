// Reads one entry of `pools:`.
#include <fmt/format.h>

#include "base/echo.h"
#include "model/builders.h"
#include "model/value_readers.h"

namespace xenplan {

void read_pool(Context& ctx, const Node& node, Pool& pool) {
  MapReader m(ctx, node, "a pool");
  pool.span = node.span;
  if (const Node* v = m.required("name", "name: rt")) assign(read_string(ctx, *v, "`name`"), pool.name);
  if (known(pool.name)) m.rename(fmt::format("pool {}", echo(pool.name.value)));
  if (const Node* v = m.required("scheduler", "scheduler: rtds")) {
    assign(read_scheduler(ctx, *v, "`scheduler`"), pool.scheduler);
  }
  if (const Node* v = m.required("cpus", "cpus: \"2-5\"")) assign(read_cpuset(ctx, *v, "`cpus`"), pool.cpus);
  m.finish();
}

}  // namespace xenplan
