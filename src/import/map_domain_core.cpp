// A domain's identity and size: name, type (or the deprecated builder), pool, memory, vCPUs,
// credit parameters, uuid and whether it starts at boot. The inverse of the first lines
// backends/xl_domain.cpp writes.
#include <fmt/format.h>

#include "base/units.h"
#include "import/domain_map.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

// xl matches a type word by prefix (strncmp with the length of what is written): `h` is hvm.
bool xl_prefix(std::string_view written, std::string_view word) {
  return written.size() <= word.size() && word.substr(0, written.size()) == written;
}

void map_type(DomainMap& m) {
  std::optional<DomainType> type;
  Location where = m.whole();
  if (const XlCfgSetting* s = m.keys.take("type")) {
    if (const std::string* t = m.text(*s)) {
      where = m.at(s->value.span);
      if (xl_prefix(*t, "hvm"))
        type = DomainType::Hvm;
      else if (xl_prefix(*t, "pv"))
        type = DomainType::Pv;
      else if (xl_prefix(*t, "pvh"))
        type = DomainType::Pvh;
      else
        m.reject(where, fmt::format("`type` \"{}\" is not a domain type: xl takes pv, pvh or hvm", *t));
    }
  }
  if (const XlCfgSetting* s = m.keys.take("builder")) {  // deprecated since Xen 4.10
    if (const std::string* b = m.text(*s)) {
      std::optional<DomainType> built;
      if (xl_prefix(*b, "hvm"))
        built = DomainType::Hvm;
      else if (xl_prefix(*b, "generic"))
        built = DomainType::Pv;
      else
        m.reject(m.at(s->value.span), fmt::format("`builder` \"{}\" is neither hvm nor generic", *b));
      if (built && type && *built != *type) m.reject(m.at(s->value.span), "`builder` contradicts `type`");
      if (built) type = built;
    }
  }
  m.type = type.value_or(DomainType::Pv);  // xl's default on x86
  if (type) m.out.set("type", Draft::word(std::string(domain_type_name(*type))));
}

const KnownPool* find_pool(const DomainMap& m, std::string_view name) {
  for (const KnownPool& p : m.pools) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

void map_pool(DomainMap& m) {
  const KnownPool* pool0 = find_pool(m, kPool0Name);
  m.scheduler = pool0 ? std::optional(pool0->scheduler) : std::nullopt;
  const XlCfgSetting* s = m.keys.take("pool");
  const std::string* name = s ? m.text(*s) : nullptr;
  if (!name) return;
  if (*name == kPool0Name) {
    m.note(FindingKind::Rewritten, m.at(s->value.span), "pool",
           "a domain without a pool runs in Pool-0: the description leaves it out");
    return;
  }
  if (const KnownPool* p = find_pool(m, *name)) {
    m.out.set("pool", Draft::text(*name));
    m.scheduler = p->scheduler;
    return;
  }
  m.note(
      FindingKind::Dropped, m.at(s->value.span), "pool",
      fmt::format("no cpupool file among the sources defines pool `{}`, so the domain is placed in Pool-0; "
                  "import the pool's file too",
                  *name));
}

void map_memory(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("memory");
  const std::optional<long> memory = s ? m.number(*s) : std::nullopt;
  uint64_t mib = 32;  // libxl's default (libxl__domain_build_info_setdefault)
  if (memory && *memory > 0) mib = static_cast<uint64_t>(*memory);
  if (memory && *memory <= 0)
    m.reject(m.at(s->value.span), fmt::format("`memory` {} is not a size in MiB", *memory));
  Draft& field = m.out.set("memory", Draft::word(format_memory(mib * kMiB)));
  if (!memory)
    m.note(FindingKind::Defaulted, s ? m.at(s->value.span) : m.whole(), "memory",
           "not given: the description says 32MiB, libxl's default", &field);
  m.needs.maxmem = mib * kMiB;
  if (const auto maxmem = m.take_number("maxmem")) {
    if (*maxmem > 0) {
      m.out.set("maxmem", Draft::word(format_memory(static_cast<uint64_t>(*maxmem) * kMiB)));
      m.needs.maxmem = std::max(m.needs.maxmem, static_cast<uint64_t>(*maxmem) * kMiB);
    } else {
      m.reject(m.at(m.keys.peek("maxmem")->value.span),
               fmt::format("`maxmem` {} is not a size in MiB", *maxmem));
    }
  }
}

void map_vcpus(DomainMap& m) {
  const XlCfgSetting* s = m.keys.take("vcpus");
  const std::optional<long> vcpus = s ? m.number(*s) : std::nullopt;
  if (vcpus && *vcpus > 0) {
    m.out.set("vcpus", Draft::number(static_cast<uint64_t>(*vcpus)));
    m.maxvcpus = static_cast<uint32_t>(std::min<long>(*vcpus, 4096));
  } else if (vcpus) {
    m.reject(m.at(s->value.span), fmt::format("`vcpus` {} is not a number of vCPUs", *vcpus));
  } else {
    m.note(FindingKind::Defaulted, s ? m.at(s->value.span) : m.whole(), "vcpus",
           "not given: xenplan writes vcpus = 1, libxl's default");
  }
  if (const auto maxvcpus = m.take_number("maxvcpus")) {
    if (*maxvcpus > 0) {
      m.out.set("maxvcpus", Draft::number(static_cast<uint64_t>(*maxvcpus)));
      m.maxvcpus = static_cast<uint32_t>(std::min<long>(*maxvcpus, 4096));
    } else {
      m.reject(m.at(m.keys.peek("maxvcpus")->value.span), "`maxvcpus` must be at least 1");
    }
  }
}

}  // namespace

void map_credit(DomainMap& m) {
  Draft credit = Draft::map();
  for (auto [key, field] : {std::pair{"cpu_weight", "weight"}, std::pair{"cap", "cap"}}) {
    const XlCfgSetting* s = m.keys.take(key);
    const auto n = s ? m.number(*s) : std::nullopt;
    if (!n) continue;
    if (m.scheduler && is_credit_family(*m.scheduler) && *n >= 0) {
      credit.set(field, Draft::number(static_cast<uint64_t>(*n)));
    } else {
      m.note(FindingKind::Dropped, m.at(s->value.span), key,
             m.scheduler
                 ? fmt::format("the domain's pool runs {}, and `credit` applies to credit and credit2 pools "
                               "only",
                               scheduler_name(*m.scheduler))
                 : std::string("the scheduler of the domain's pool is not known"));
    }
  }
  if (credit.size() > 0) m.out.set("credit", std::move(credit));
  // xl.cfg's scheduling keys of SEDF's time (xl_parse.c reads them; xl.cfg(5) no longer documents them).
  for (const char* key : {"period", "slice", "latency", "extratime"}) {
    if (const XlCfgSetting* s = m.keys.take(key)) {
      m.note(
          FindingKind::Dropped, m.at(s->key_span), key,
          "a scheduling parameter xl.cfg(5) no longer documents: xenplan gives RTDS domains `rtds: {period, "
          "budget}` instead");
    }
  }
}

void map_identity(DomainMap& m) {
  if (const XlCfgSetting* s = m.keys.take("uuid")) {
    if (const std::string* uuid = m.text(*s)) {
      if (uuid_problem(*uuid))
        m.reject(m.at(s->value.span), fmt::format("`uuid` \"{}\" is not a UUID", *uuid));
      else
        m.out.set("uuid", Draft::text(*uuid));
    }
  }
  if (m.source.autostart && !*m.source.autostart) {
    Draft& autostart = m.out.set("autostart", Draft::word("false"));
    m.note(FindingKind::Guessed, m.whole(), "autostart",
           "the file is not linked from /etc/xen/auto, so xendomains did not start it at boot: xenplan-up "
           "leaves it "
           "down too",
           &autostart);
  }
}

void map_domain_core(DomainMap& m) {
  const XlCfgSetting* name = m.keys.take("name");
  const std::string* text = name ? m.text(*name) : nullptr;
  if (!text) {
    m.reject(name ? m.at(name->value.span) : m.whole(), "the file has no `name`: xl requires one");
    m.name = std::string(1, '?');
  } else {
    m.name = *text;
  }
  m.out.set("name", Draft::text(m.name));
  map_type(m);
  map_pool(m);
  map_memory(m);
  map_vcpus(m);
}

}  // namespace xenplan
