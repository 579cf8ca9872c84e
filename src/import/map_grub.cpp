// The GRUB defaults (/etc/default/grub, then grub.d/*.cfg, as grub-mkconfig sources them): the
// Xen command line of GRUB_CMDLINE_XEN and GRUB_CMDLINE_XEN_DEFAULT to host.xen and host.dom0
// (dom0_mem, dom0_max_vcpus, dom0_vcpus_pin, sched, iommu, the rest as options), and
// xen-pciback.hide of dom0's command line. The inverse of backends/grub.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

#include "base/units.h"
#include "import/host_map.h"
#include "model/device_values.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

constexpr std::string_view kXenLine = "GRUB_CMDLINE_XEN";
constexpr std::string_view kXenDefault = "GRUB_CMDLINE_XEN_DEFAULT";
constexpr std::string_view kDom0Line = "GRUB_CMDLINE_LINUX_XEN_REPLACE";
constexpr std::string_view kDom0Default = "GRUB_CMDLINE_LINUX_XEN_REPLACE_DEFAULT";
constexpr std::string_view kOverride = "XEN_OVERRIDE_GRUB_DEFAULT";

bool xen_variable(std::string_view name) {
  return name == kXenLine || name == kXenDefault || name == kDom0Line || name == kDom0Default ||
         name == kOverride;
}

struct Value {
  std::string text;
  Location where;
};

// A size as Xen's parse_size_and_unit reads it: a number, then T, G, M, K or B (KiB without).
std::optional<uint64_t> xen_size(std::string_view s) {
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return std::nullopt;
  const std::string text(s);
  char* end = nullptr;
  uint64_t n = std::strtoull(text.c_str(), &end, 0);
  const std::string_view unit(end);
  const int shift = unit == "T" || unit == "t"                   ? 40
                    : unit == "G" || unit == "g"                 ? 30
                    : unit == "M" || unit == "m"                 ? 20
                    : unit == "K" || unit == "k" || unit.empty() ? 10
                    : unit == "B" || unit == "b"                 ? 0
                                                                 : -1;
  if (shift < 0 || n > (UINT64_MAX >> shift)) return std::nullopt;
  return n << shift;
}

class GrubMapper {
 public:
  explicit GrubMapper(HostMap& m) : m_(m) {
    // The fields import.cpp fills in come first, as the description's readers expect them.
    out_.xen.set("version", Draft::text(""));
    out_.dom0.set("memory", Draft::word("0"));
    out_.dom0.set("vcpus", Draft::word("0"));
  }

  XenLine run() {
    collect();
    for (std::string_view var : {kXenLine, kXenDefault}) {
      if (const auto it = values_.find(std::string(var)); it != values_.end()) line(it->second);
    }
    for (std::string_view var : {kDom0Line, kDom0Default}) {
      if (const auto it = values_.find(std::string(var)); it != values_.end()) dom0_line(it->second);
    }
    if (const auto it = values_.find(std::string(kOverride)); it != values_.end() && it->second.text != "1")
      m_.note(FindingKind::Dropped, it->second.where, std::string(kOverride),
              "xenplan's drop-in sets it to 1: GRUB boots Xen by default", out_.xen);
    if (!options_.empty()) {
      Draft list = Draft::list();
      for (const std::string& o : options_) list.push(Draft::text(o));
      out_.xen.set("options", std::move(list));
    }
    if (out_.dom0_pin) out_.dom0.set("pin", Draft::word("true"));
    if (!hide_.empty()) {
      Draft list = Draft::list();
      for (const std::string& b : hide_) list.push(Draft::text(b));
      out_.dom0.set("pciback_hide", std::move(list));
    }
    return std::move(out_);
  }

 private:
  // The last unconditional value of each Xen variable; the rest reported.
  void collect() {
    for (const GrubSource& g : m_.sources.grub) {
      std::vector<std::string> others;
      for (const ShellAssignment& a : g.assignments) {
        const Location where{g.file, a.span};
        if (!xen_variable(a.name)) {
          if (std::find(others.begin(), others.end(), a.name) == others.end()) others.push_back(a.name);
          continue;
        }
        if (a.name == kOverride && a.conditional) continue;  // Debian's xen.cfg sets 1 when it is unset
        if (a.conditional || !a.value) {
          m_.note(FindingKind::Dropped, where, a.name,
                  a.conditional ? "set inside a condition, which the import does not evaluate"
                                : "its value runs a command, which the import does not evaluate",
                  out_.xen);
          continue;
        }
        if (const auto it = values_.find(a.name); it != values_.end())
          m_.note(FindingKind::Ignored, it->second.where, a.name, "set again later: the last value counts",
                  out_.xen);
        values_[a.name] = {*a.value, where};
      }
      if (!others.empty()) {
        std::string names;
        for (const std::string& n : others) names += (names.empty() ? "" : ",") + n;
        m_.note(FindingKind::Ignored, Location::whole(g.file), names,
                "not about Xen: xenplan leaves these settings of GRUB as they are", out_.xen);
      }
      if (!g.commands.empty())
        m_.note(FindingKind::Ignored, {g.file, g.commands.front()}, "commands",
                fmt::format("{} shell command{} not evaluated: they set nothing xenplan writes",
                            g.commands.size(), g.commands.size() == 1 ? "" : "s"),
                out_.xen);
    }
  }

  void line(const Value& v) {
    if (!out_.where.file) out_.where = v.where;
    std::istringstream in(v.text);
    for (std::string word; in >> word;) option(word, v.where);
  }

  void option(const std::string& word, const Location& where) {
    const size_t eq = word.find('=');
    const std::string name = word.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : word.substr(eq + 1);
    if (name == "dom0_mem" && eq != std::string::npos) return dom0_mem(value, where);
    if (name == "dom0_max_vcpus" && eq != std::string::npos) return dom0_vcpus(value, where);
    if (name == "dom0_vcpus_pin") {
      out_.dom0_pin = value.empty() || value == "1" || value == "true" || value == "yes" || value == "on";
      return;
    }
    if (name == "sched" && eq != std::string::npos) {
      for (SchedulerKind s : {SchedulerKind::Credit, SchedulerKind::Credit2, SchedulerKind::Rtds,
                              SchedulerKind::Null, SchedulerKind::Arinc653}) {
        if (scheduler_name(s) == value) {
          out_.scheduler = s;
          out_.xen.set("scheduler", Draft::word(value));
          return;
        }
      }
      m_.note(FindingKind::Ignored, where, "sched",
              fmt::format("Xen knows no scheduler `{}` and boots credit2", value), out_.xen);
      return;
    }
    if (name == "iommu" && eq != std::string::npos) {
      const char* mode =
          value == "on" || value == "1" || value == "true" || value == "yes" || value == "enable"     ? "on"
          : value == "off" || value == "0" || value == "false" || value == "no" || value == "disable" ? "off"
          : value == "required" || value == "force" ? "required"
                                                    : nullptr;
      if (mode) {
        out_.xen.set("iommu", Draft::word(mode));
        return;
      }
    }
    if (const auto problem = xen_option_problem(word)) {
      m_.note(FindingKind::Dropped, where, name,
              fmt::format("`{}` cannot be one of the description's Xen options: {}", word, *problem),
              out_.xen);
      return;
    }
    if (std::find(options_.begin(), options_.end(), word) == options_.end()) options_.push_back(word);
  }

  void dom0_mem(const std::string& value, const Location& where) {
    std::optional<uint64_t> size, max;
    std::istringstream in(value);
    for (std::string item; std::getline(in, item, ',');) {
      const bool is_max = item.starts_with("max:"), is_min = item.starts_with("min:");
      const auto bytes =
          xen_size(is_max || is_min ? std::string_view(item).substr(4) : std::string_view(item));
      if (!bytes || *bytes % kMiB != 0) {
        m_.note(
            FindingKind::Dropped, where, "dom0_mem",
            fmt::format("`{}`: the description fixes dom0's memory in whole MiB, not as a share of the host",
                        item),
            out_.dom0);
        return;
      }
      if (is_min)
        m_.note(FindingKind::Dropped, where, "dom0_mem", "xenplan fixes dom0's memory: the min: is left out",
                out_.dom0);
      else
        (is_max ? max : size) = bytes;
    }
    if (!size && max) {
      m_.note(FindingKind::Rewritten, where, "dom0_mem",
              "only max: is given: xenplan fixes dom0's memory at it", out_.dom0);
      size = max;
    } else if (size && max != size) {
      m_.note(FindingKind::Rewritten, where, "dom0_mem",
              fmt::format("xenplan fixes dom0's memory: dom0_mem={}M,max:{}M", *size / kMiB, *size / kMiB),
              out_.dom0);
    }
    if (size) out_.dom0_memory = size;
  }

  void dom0_vcpus(const std::string& value, const Location& where) {
    const size_t dash = value.find('-');
    const std::string max = dash == std::string::npos ? value : value.substr(dash + 1);
    if (max.empty() || max.find_first_not_of("0123456789") != std::string::npos || max.size() > 4) {
      m_.note(FindingKind::Dropped, where, "dom0_max_vcpus",
              fmt::format("`{}` has no upper bound: the description gives dom0 a number of vCPUs", value),
              out_.dom0);
      return;
    }
    out_.dom0_vcpus = static_cast<uint32_t>(std::stoul(max));
    if (dash != std::string::npos)
      m_.note(FindingKind::Rewritten, where, "dom0_max_vcpus",
              fmt::format("a range: xenplan gives dom0 exactly {} vCPUs", max), out_.dom0);
  }

  // dom0's command line in Xen entries: xen-pciback.hide=(BDF)(BDF) is the description's.
  void dom0_line(const Value& v) {
    std::istringstream in(v.text);
    bool others = false;
    for (std::string word; in >> word;) {
      if (!word.starts_with("xen-pciback.hide=")) {
        others = true;
        continue;
      }
      std::string_view rest = std::string_view(word).substr(17);
      while (rest.starts_with('(')) {
        const size_t close = rest.find(')');
        const BdfParse p = parse_bdf(rest.substr(1, close == std::string_view::npos ? 0 : close - 1));
        if (close == std::string_view::npos || !p.bdf || p.vslot) break;
        hide_.push_back(p.bdf->text());
        rest.remove_prefix(close + 1);
      }
      if (!rest.empty())
        m_.note(FindingKind::Dropped, v.where, "xen-pciback.hide",
                fmt::format("`{}` is not a list of (BDF)", word), out_.dom0);
    }
    if (others)
      m_.note(FindingKind::Ignored, v.where, "dom0 command line",
              "options besides xen-pciback.hide stay in the GRUB defaults, which xenplan leaves as they are",
              out_.dom0);
  }

  HostMap& m_;
  XenLine out_;
  std::map<std::string, Value> values_;
  std::vector<std::string> options_;
  std::vector<std::string> hide_;
};

}  // namespace

void HostMap::note(FindingKind kind, Location where, std::string subject, std::string message,
                   Draft& comment_at) {
  Finding f{kind, where, std::move(subject), std::move(message)};
  comment_at.comment(finding_comment(f));
  report.add(std::move(f));
}

XenLine map_grub(HostMap& m) {
  return GrubMapper(m).run();
}

}  // namespace xenplan
