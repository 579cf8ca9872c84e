// What xenplan-up and xenplan-down share: bash helpers that read Xen's state through xl, in the
// formats xl 4.17 prints (tools/xl/xl_info.c, xl_cpupool.c, xl_sched.c), and the checks that
// find, before anything changes, every described pool or domain that is not xenplan's own.
#pragma once

#include <string>
#include <string_view>

#include "model/checked_model.h"

namespace xenplan {

// Which script the checks are for: up also checks the files a domain it will create needs.
enum class ScriptKind { Up, Down };

// The bash helpers (XEN_RUNNING, TIMEOUT, expand_cpus, pool_cpus, pool_sched, free_cpus,
// domain_info, check_pool, check_domain, ...), after script_prelude().
std::string xl_helpers();

// One check line per described pool and domain (up: Pool-0's scheduler too), then the stop,
// with nothing changed, when any of them found a problem.
std::string ownership_checks(const CheckedModel& checked, ScriptKind kind);

}  // namespace xenplan
