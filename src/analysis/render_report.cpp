#include "analysis/render_report.h"

#include <fmt/format.h>

#include "base/json.h"
#include "base/units.h"

namespace xenplan {
namespace {

std::string ratio(const VcpuRow& v) {
  return fmt::format("{:.3f}", static_cast<double>(v.budget_us) / static_cast<double>(v.period_us));
}

std::string_view proven_name(const VcpuRow& v) {
  return v.proven_by ? test_info(*v.proven_by).name : "-";
}

std::string_view proven_id(const VcpuRow& v) {
  return v.proven_by ? test_info(*v.proven_by).id : "";
}

void text_vcpus(std::string& out, const AnalysisReport& report, const PoolAnalysis& p) {
  const bool null_pool = p.scheduler == SchedulerKind::Null;
  out += null_pool ? fmt::format("  {:<16} {:>4}  {:<8} {}\n", "domain", "vcpu", "cpu", "proven by")
                   : fmt::format("  {:<16} {:>4}  {:>8} {:>8} {:>6}  {:<8} {}\n", "domain", "vcpu", "budget",
                                 "period", "util", "cpus", "proven by");
  for (size_t i = 0; i < p.vcpus.size(); ++i) {
    const VcpuRow& v = p.vcpus[i];
    const std::string_view proven = proven_name(v), domain = report.names.of(v);
    if (null_pool) {
      const std::string cpu = i < p.null_cpu_of.size() ? fmt::format("{}", p.null_cpu_of[i]) : "-";
      out += fmt::format("  {:<16} {:>4}  {:<8} {}\n", domain, v.vcpu, cpu, proven);
    } else {
      out += fmt::format("  {:<16} {:>4}  {:>8} {:>8} {:>6}  {:<8} {}\n", domain, v.vcpu,
                         format_time(v.budget_us), format_time(v.period_us), ratio(v),
                         p.cpus_of(v).to_string(), proven);
    }
  }
}

void text_trace(std::string& out, const AnalysisReport& report, const PoolAnalysis& p) {
  if (!p.trace) return;
  out +=
      fmt::format("  trace of the window [{}, {}) us:\n", p.trace->window_start_us, p.trace->window_end_us);
  for (const SimSegment& s : p.trace->schedule) {
    const VcpuRow& v = p.vcpus[s.vcpu];
    out += fmt::format("    {:>10} - {:<10} CPU {:<3} {} vCPU {}\n", s.from_us, s.to_us, s.cpu,
                       report.names.of(v), v.vcpu);
  }
}

}  // namespace

std::string report_text(const AnalysisReport& report) {
  std::string out;
  for (const PoolAnalysis& p : report.pools) {
    out += fmt::format("pool {} ({}, {}): {}", p.name, scheduler_name(p.scheduler), p.cpus.phrase(),
                       verdict_name(p.verdict));
    out +=
        p.verdict == Verdict::NotRealTime ? "\n" : fmt::format(", decided by {}\n", test_names(p.decided_by));
    if (p.scheduler == SchedulerKind::Rtds) {
      // Over capacity, with the digits that show it: 1.000003, not 1.000.
      const std::string u = p.demand.empty() ? fmt::format("{:.3f}", p.utilization) : p.demand;
      out += fmt::format("  utilization {} of {} CPU{}; overhead margin {}\n", u, p.cpus.size(),
                         p.cpus.size() == 1 ? "" : "s", format_time(report.overhead_us));
    }
    if (p.verdict != Verdict::NotRealTime && !p.vcpus.empty()) text_vcpus(out, report, p);
    out += fmt::format("  {}\n", p.explanation);
    for (const auto& figure : p.figures) out += fmt::format("  figure: {}\n", figure);
    text_trace(out, report, p);
    for (const auto& fix : p.fixes) out += fmt::format("  fix: {}\n", fix);
    out += '\n';
  }
  out += report.schedulable() ? "every real-time pool is schedulable\n"
                              : "some real-time pool is not proven schedulable\n";
  return out;
}

std::string report_json(const AnalysisReport& report) {
  JsonWriter j;
  j.begin_object().key("schedulable").value(report.schedulable());
  j.key("overhead_us").value(report.overhead_us);
  j.key("pools").begin_array();
  for (const PoolAnalysis& p : report.pools) {
    j.begin_object().key("name").value(p.name).key("scheduler").value(scheduler_name(p.scheduler));
    j.key("cpus").value(p.cpus.to_string()).key("utilization").value(p.utilization);
    j.key("verdict").value(verdict_name(p.verdict)).key("decided_by").value(test_ids(p.decided_by));
    j.key("vcpus").begin_array();
    for (size_t i = 0; i < p.vcpus.size(); ++i) {
      const VcpuRow& v = p.vcpus[i];
      j.begin_object().key("domain").value(report.names.of(v)).key("vcpu").value(uint64_t{v.vcpu});
      j.key("budget_us").value(v.budget_us).key("period_us").value(v.period_us);
      j.key("cpus").value(p.cpus_of(v).to_string()).key("proven_by").value(proven_id(v));
      if (i < p.null_cpu_of.size()) j.key("pinned_cpu").value(uint64_t{p.null_cpu_of[i]});
      j.end_object();
    }
    j.end_array().key("explanation").value(p.explanation);
    j.key("figures").begin_array();
    for (const auto& figure : p.figures) j.value(figure);
    j.end_array();
    j.key("fixes").begin_array();
    for (const auto& fix : p.fixes) j.value(fix);
    j.end_array();
    if (p.trace) {
      j.key("trace").begin_object().key("domain").value(report.names.of(p.vcpus[p.trace->victim]));
      j.key("vcpu").value(uint64_t{p.vcpus[p.trace->victim].vcpu});
      j.key("window_start_us")
          .value(p.trace->window_start_us)
          .key("window_end_us")
          .value(p.trace->window_end_us);
      j.key("received_us").value(p.trace->received_us).key("scenario").value(p.trace->scenario);
      j.key("schedule").begin_array();
      for (const SimSegment& s : p.trace->schedule) {
        j.begin_object().key("from_us").value(s.from_us).key("to_us").value(s.to_us);
        j.key("cpu").value(uint64_t{s.cpu}).key("domain").value(report.names.of(p.vcpus[s.vcpu]));
        j.key("vcpu").value(uint64_t{p.vcpus[s.vcpu].vcpu}).end_object();
      }
      j.end_array().end_object();
    }
    j.end_object();
  }
  j.end_array().end_object();
  return j.finish();
}

namespace {

// The concrete fixes of a pool the analysis computed (a budget that fits, the CPUs needed), as one
// help line; the report has them all.
std::string concrete_fixes(const PoolAnalysis& p) {
  std::string out;
  for (size_t i = 0; i < p.fixes.size() && i < 2; ++i) {
    if (!p.fixes[i].starts_with("lower the budget") && !p.fixes[i].starts_with("give ")) break;
    out += (out.empty() ? "" : "; or ") + p.fixes[i];
  }
  return out.empty() ? "run `xenplan analyze` for the figures and the fixes" : out;
}

// A pool whose vCPUs need more than its CPUs: the load errors, with the analysis's fixes.
void report_over_capacity(const PoolAnalysis& p, const Location& at, DiagnosticSink& sink) {
  if (p.scheduler == SchedulerKind::Null) {
    sink.error(Code::NullOvercommit, at,
               fmt::format("null pool `{}` has {} vCPUs for {} CPUs", p.name, p.vcpu_count, p.cpus.size()))
        .help(fmt::format("the null scheduler runs one vCPU per CPU and leaves the rest waiting forever: {}",
                          concrete_fixes(p)));
    return;
  }
  sink.error(
          Code::RtdsOverload, at,
          fmt::format("RTDS pool `{}` needs {} CPUs of budget but has {}", p.name, p.demand, p.cpus.size()))
      .help(fmt::format("the sum of budget/period over every vCPU must not exceed the pool's CPUs: {}",
                        concrete_fixes(p)));
}

}  // namespace

void report_diagnostics(const AnalysisReport& report, const SourceFile* file, bool allow_unknown,
                        DiagnosticSink& sink) {
  for (const PoolAnalysis& p : report.pools) {
    const Location at{file, p.span};
    if (p.over_capacity) {
      report_over_capacity(p, at, sink);
    } else if (p.verdict == Verdict::Unschedulable) {
      auto b = sink.error(Code::Unschedulable, at,
                          fmt::format("{} pool `{}` is unschedulable ({}): {}",
                                      p.scheduler == SchedulerKind::Rtds ? "RTDS" : "null", p.name,
                                      test_names(p.decided_by), p.explanation));
      if (!p.fixes.empty()) b.help(p.fixes.front());
    } else if (p.verdict == Verdict::Unknown) {
      const std::string message =
          fmt::format("RTDS pool `{}` is not proven schedulable: {}", p.name, p.explanation);
      auto b = allow_unknown ? sink.warning(Code::NotProven, at, message)
                             : sink.error(Code::NotProven, at, message);
      b.help(p.fixes.empty() ? std::string("run `xenplan analyze` for the figures")
                             : fmt::format("{}; or accept the risk with --allow-unknown", p.fixes.front()));
    }
  }
}

}  // namespace xenplan
