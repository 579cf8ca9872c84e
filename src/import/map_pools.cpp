// Cpupool files, as `xl cpupool-create` reads them (xl_cpupool.c): name (default: the file's
// name), sched (default: the boot scheduler), cpus as a list or a CPU range string. The inverse
// of xl_files.cpp's emit_xl_cpupools.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "import/host_map.h"
#include "import/xl_values.h"

namespace xenplan {
namespace {

std::optional<SchedulerKind> scheduler_named(std::string_view name) {
  for (SchedulerKind s : {SchedulerKind::Credit, SchedulerKind::Credit2, SchedulerKind::Rtds,
                          SchedulerKind::Null, SchedulerKind::Arinc653}) {
    if (scheduler_name(s) == name) return s;
  }
  return std::nullopt;
}

// `cpus = "2-3,5"`: ranges and single CPUs (xl's parse_cpurange; ^ and node: are not for pools here).
std::optional<CpuSet> pool_cpus_from_string(std::string_view text) {
  CpuSet set;
  CpuSetError error;
  if (!parse_cpuset(text, set, error) || set.empty()) return std::nullopt;
  return set;
}

class PoolMapper {
 public:
  PoolMapper(HostMap& m, const XlSource& src, PoolsDraft& out, SchedulerKind boot)
      : m_(m), src_(src), out_(out), boot_(boot), keys_(src.cfg) {}

  void run() {
    Draft pool = Draft::map();
    std::vector<Finding> later;
    const std::string name = pool_name(later);
    pool.set("name", Draft::text(name));
    SchedulerKind sched = boot_;
    if (const XlCfgSetting* s = keys_.take("sched")) {
      const auto named = s->value.is_atom() ? scheduler_named(s->value.text) : std::nullopt;
      if (!named) {
        m_.sink
            .error(Code::XlRejects, at(s->value.span), "xl knows no such scheduler (\"Unknown scheduler\")")
            .help("write credit, credit2, rtds, null or arinc653");
        return;
      }
      sched = *named;
    } else {
      later.push_back({FindingKind::Defaulted, Location::whole(src_.file), "sched",
                       fmt::format("not given: xl uses the boot scheduler, {}", scheduler_name(boot_))});
    }
    pool.set("scheduler", Draft::word(std::string(scheduler_name(sched))));
    const std::optional<CpuSet> cpus = pool_cpus(later);
    for (const XlCfgSetting* s : keys_.rest())
      later.push_back({FindingKind::Ignored, at(s->key_span), s->key, "xl cpupool-create does not read it"});
    if (!cpus) {
      for (Finding& f : later) note(f, out_.list);
      return;
    }
    pool.set("cpus", Draft::text(cpus->to_string()));
    out_.highest_cpu = std::max(out_.highest_cpu.value_or(0), cpus->ranges().back().last);
    out_.known.push_back({name, sched});
    out_.schedulers.insert(sched);
    Draft& placed = out_.list.push(std::move(pool));
    for (Finding& f : later) note(f, placed);
  }

 private:
  Location at(Span span) const { return {src_.file, span}; }
  void note(Finding& f, Draft& where) {
    m_.note(f.kind, f.where, std::move(f.subject), std::move(f.message), where);
  }

  std::string pool_name(std::vector<Finding>& later) {
    if (const XlCfgSetting* s = keys_.take("name"); s && s->value.is_atom()) return s->value.text;
    const std::string file = std::filesystem::path(src_.file->name()).filename().string();
    later.push_back({FindingKind::Defaulted, Location::whole(src_.file), "name",
                     fmt::format("not given: xl names the pool after its file, `{}`", file)});
    return file;
  }

  std::optional<CpuSet> pool_cpus(std::vector<Finding>& later) {
    if (const XlCfgSetting* s = keys_.take("nodes")) {
      later.push_back(
          {FindingKind::Dropped, at(s->key_span), "nodes",
           "the pool's NUMA nodes need the host's topology: list its CPUs in `cpus`; the pool is left out"});
      keys_.take("cpus");
      return std::nullopt;
    }
    const XlCfgSetting* s = keys_.take("cpus");
    std::optional<CpuSet> set;
    if (s && s->value.is_list()) {
      CpuSet list;
      for (const XlCfgValue* item : xl_strings(s->value)) {
        const int cpu = std::atoi(item->text.c_str());  // xl reads each item with atoi
        if (cpu >= 0 && static_cast<uint32_t>(cpu) <= kMaxCpuId) list.insert(static_cast<uint32_t>(cpu));
      }
      if (!list.empty()) set = list;
    } else if (s) {
      set = pool_cpus_from_string(s->value.text);
    }
    if (!set)
      later.push_back(
          {FindingKind::Dropped, s ? at(s->value.span) : Location::whole(src_.file), "cpus",
           s ? "no CPUs the description can give the pool: the pool is left out"
             : "not given: xl creates the pool without CPUs, and a described pool needs some; the pool is "
               "left out"});
    return set;
  }

  HostMap& m_;
  const XlSource& src_;
  PoolsDraft& out_;
  SchedulerKind boot_;
  XlKeys keys_;
};

}  // namespace

PoolsDraft map_pools(HostMap& m, SchedulerKind boot_scheduler) {
  PoolsDraft out;
  out.known.push_back({std::string(kPool0Name), boot_scheduler});
  for (const XlSource& src : m.sources.pools) PoolMapper(m, src, out, boot_scheduler).run();
  return out;
}

}  // namespace xenplan
