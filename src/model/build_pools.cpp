// Reads one entry of `pools:`.
#include <fmt/format.h>

#include "base/echo.h"
#include "model/builders.h"
#include "model/value_readers.h"

namespace xenplan {

void read_pool(Context& ctx, const Node& node, Pool& pool) {
  MapReader m(ctx, node, "a pool");
  pool.span = node.span;
  m.require("name", "rt", pool.name, read_string);
  if (pool.name.usable()) m.rename(fmt::format("pool {}", echo(pool.name.value)));
  m.require("scheduler", "rtds", pool.scheduler, read_scheduler);
  m.require("cpus", "\"2-5\"", pool.cpus, read_cpuset);
  m.finish();
}

}  // namespace xenplan
