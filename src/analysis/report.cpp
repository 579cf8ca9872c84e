#include "analysis/report.h"

namespace xenplan {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Schedulable:
      return "schedulable";
    case Verdict::Unschedulable:
      return "unschedulable";
    case Verdict::Unknown:
      return "unknown";
    case Verdict::NotRealTime:
      return "not-real-time";
  }
  return "unknown";
}

bool AnalysisReport::schedulable() const {
  for (const auto& p : pools) {
    if (p.verdict == Verdict::Unschedulable || p.verdict == Verdict::Unknown) return false;
  }
  return true;
}

std::string_view DomainNames::of(const VcpuRow& v) const {
  return v.domain ? std::string_view(names[*v.domain]) : kDom0Name;
}

}  // namespace xenplan
