// Hard and soft affinity: `cpus` and `cpus_soft` in every form xl reads (xl_parse.c's
// parse_cpurange and parse_vcpu_affinity): a string for every vCPU, or a list with one set per
// vCPU; sets of ranges, `^` exclusions, `all`, and NUMA `node:` sets, which the description
// cannot hold.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "import/domain_map.h"

namespace xenplan {
namespace {

struct CpuParse {
  std::optional<CpuSet> set;
  bool unsupported = false;  // xl reads it, the description cannot say it
  std::string problem;
};

bool digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// One set as xl's parse_cpurange reads it; `all` needs the host's CPU count.
CpuParse parse_xl_cpus(std::string_view text, std::optional<uint32_t> host_cpus) {
  std::set<uint32_t> cpus;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t comma = text.find(',', pos);
    std::string_view part =
        text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    pos = comma == std::string_view::npos ? text.size() + 1 : comma + 1;
    if (part.empty()) continue;  // strtok skips empty fields
    const bool remove = part.starts_with('^');
    if (remove) part.remove_prefix(1);
    if (part.starts_with("node:") || part.starts_with("nodes:"))
      return {std::nullopt, true,
              "NUMA node sets need the host's topology, which the description does not have"};
    if (part == "all") {
      if (remove) return {std::nullopt, false, "xl refuses `^all`"};
      if (!host_cpus) return {std::nullopt, true, "`all` needs the host's CPU count: give --cpus"};
      for (uint32_t c = 0; c < *host_cpus; ++c) cpus.insert(c);
      continue;
    }
    const size_t dash = part.find('-');
    const std::string_view a = part.substr(0, dash);
    const std::string_view b = dash == std::string_view::npos ? a : part.substr(dash + 1);
    if (!digits(a) || !digits(b) || a.size() > 5 || b.size() > 5)
      return {std::nullopt, false, fmt::format("`{}` is not a CPU or a range of CPUs", part)};
    const auto first = static_cast<uint32_t>(std::stoul(std::string(a)));
    const auto last = static_cast<uint32_t>(std::stoul(std::string(b)));
    if (last < first) return {std::nullopt, false, fmt::format("the range `{}` runs backwards", part)};
    if (last > kMaxCpuId) return {std::nullopt, true, fmt::format("CPU {} is beyond any host", last)};
    for (uint32_t c = first; c <= last; ++c) remove ? (void)cpus.erase(c) : (void)cpus.insert(c);
  }
  if (cpus.empty()) return {std::nullopt, true, "it names no CPU at all"};
  CpuSet set;
  for (uint32_t c : cpus) set.insert(c);
  return {set, false, {}};
}

void needs_cpus(DomainMap& m, const CpuSet& set) {
  const uint32_t highest = set.ranges().back().last;
  m.needs.highest_cpu = std::max(m.needs.highest_cpu.value_or(0), highest);
}

// The sets of a per-vCPU list, or nullopt after reporting why it cannot be mapped.
std::optional<std::vector<CpuSet>> per_vcpu(DomainMap& m, const XlCfgSetting& s) {
  std::vector<CpuSet> sets;
  for (const XlCfgValue* item : xl_strings(s.value)) {
    if (sets.size() == m.maxvcpus) {
      m.note(FindingKind::Ignored, m.at(item->span), s.key,
             fmt::format("xl ignores the sets after the first {}, one per vCPU", m.maxvcpus));
      break;
    }
    const CpuParse p = parse_xl_cpus(item->text, m.sources.host.cpus);
    if (!p.set) {
      if (p.unsupported)
        m.note(FindingKind::Dropped, m.at(item->span), s.key, p.problem);
      else
        m.reject(m.at(item->span), fmt::format("`{}`: {}", s.key, p.problem));
      return std::nullopt;
    }
    sets.push_back(*p.set);
  }
  return sets;
}

void map_hard(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("cpus");
  if (!s) return;
  if (s->value.is_atom()) {
    if (s->value.text == "all") {
      m.note(FindingKind::Rewritten, m.at(s->value.span), "cpus",
             "\"all\" restricts nothing: the description leaves `cpus` out");
      return;
    }
    const CpuParse p = parse_xl_cpus(s->value.text, m.sources.host.cpus);
    if (p.set) {
      m.out.set("cpus", Draft::text(p.set->to_string()));
      needs_cpus(m, *p.set);
    } else if (p.unsupported) {
      m.note(FindingKind::Dropped, m.at(s->value.span), "cpus", p.problem);
    } else {
      m.reject(m.at(s->value.span), fmt::format("`cpus`: {}", p.problem));
    }
    return;
  }
  const auto sets = per_vcpu(m, *s);
  if (!sets) return;
  if (sets->size() < m.maxvcpus) {
    m.note(
        FindingKind::Dropped, m.at(s->value.span), "cpus",
        fmt::format("the list pins {} of the domain's {} vCPUs, and the description pins every vCPU or none",
                    sets->size(), m.maxvcpus));
    return;
  }
  Draft list = Draft::list();
  for (const CpuSet& set : *sets) {
    list.push(Draft::text(set.to_string()));
    needs_cpus(m, set);
  }
  m.out.set("cpus", std::move(list));
}

void map_soft(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("cpus_soft");
  if (!s) return;
  std::optional<CpuSet> set;
  if (s->value.is_atom()) {
    const CpuParse p = parse_xl_cpus(s->value.text, m.sources.host.cpus);
    if (!p.set) {
      if (p.unsupported)
        m.note(FindingKind::Dropped, m.at(s->value.span), "cpus_soft", p.problem);
      else
        m.reject(m.at(s->value.span), fmt::format("`cpus_soft`: {}", p.problem));
      return;
    }
    set = p.set;
  } else {
    const auto sets = per_vcpu(m, *s);
    if (!sets) return;
    // One set for every vCPU reads the same as the string: the description holds only that.
    const bool uniform =
        sets->size() == m.maxvcpus &&
        std::all_of(sets->begin(), sets->end(), [&](const CpuSet& x) { return x == sets->front(); });
    if (!uniform || sets->empty()) {
      m.note(FindingKind::Dropped, m.at(s->value.span), "cpus_soft",
             "the description gives every vCPU the same soft affinity, and this list does not");
      return;
    }
    set = sets->front();
  }
  m.out.set("cpus_soft", Draft::text(set->to_string()));
  needs_cpus(m, *set);
}

}  // namespace

void map_affinity(DomainMap& m) {
  map_hard(m);
  map_soft(m);
  if (m.scheduler == SchedulerKind::Null) {
    const XlCfgSetting* cpus = m.keys.peek("cpus");
    m.note(
        FindingKind::Rewritten, cpus ? m.at(cpus->value.span) : m.whole(), "cpus",
        "the domain runs in a null pool: xenplan pins each vCPU to the CPU of its own the analysis gives it");
  }
}

}  // namespace xenplan
