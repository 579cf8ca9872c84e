#include "analysis/task.h"

namespace xenplan {

MarginedTask with_margin(uint64_t budget_us, uint64_t period_us, Margin margin) {
  const uint64_t deadline = period_us > margin.delta_us ? period_us - margin.delta_us : 0;
  return {{budget_us, period_us, deadline}, {budget_us + margin.delta_us, period_us, period_us}};
}

}  // namespace xenplan
