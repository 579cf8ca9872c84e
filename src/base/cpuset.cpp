#include "base/cpuset.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace xenplan {

CpuSet CpuSet::range(uint32_t first, uint32_t last) {
  CpuSet s;
  for (uint32_t c = first; c <= last; ++c) s.cpus_.push_back(c);
  return s;
}

void CpuSet::insert(uint32_t cpu) {
  const auto it = std::lower_bound(cpus_.begin(), cpus_.end(), cpu);
  if (it == cpus_.end() || *it != cpu) cpus_.insert(it, cpu);
}

bool CpuSet::contains(uint32_t cpu) const {
  return std::binary_search(cpus_.begin(), cpus_.end(), cpu);
}

CpuSet CpuSet::intersect(const CpuSet& other) const {
  CpuSet out;
  std::set_intersection(cpus_.begin(), cpus_.end(), other.cpus_.begin(), other.cpus_.end(),
                        std::back_inserter(out.cpus_));
  return out;
}

CpuSet CpuSet::minus(const CpuSet& other) const {
  CpuSet out;
  std::set_difference(cpus_.begin(), cpus_.end(), other.cpus_.begin(), other.cpus_.end(),
                      std::back_inserter(out.cpus_));
  return out;
}

bool CpuSet::is_subset_of(const CpuSet& other) const {
  return std::includes(other.cpus_.begin(), other.cpus_.end(), cpus_.begin(), cpus_.end());
}

std::string CpuSet::to_string() const {
  std::string out;
  for (size_t i = 0; i < cpus_.size();) {
    size_t j = i;
    while (j + 1 < cpus_.size() && cpus_[j + 1] == cpus_[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += j == i ? fmt::format("{}", cpus_[i]) : fmt::format("{}-{}", cpus_[i], cpus_[j]);
    i = j + 1;
  }
  return out;
}

std::string CpuSet::phrase() const {
  return fmt::format("{} {}", cpus_.size() == 1 ? "CPU" : "CPUs", to_string());
}

namespace {

class CpuSetParser {
 public:
  CpuSetParser(std::string_view text, CpuSetError& error) : text_(text), error_(error) {}

  bool parse(CpuSet& out) {
    if (text_.empty()) return fail(0, "empty CPU set", "write CPUs such as \"2-5,7\"");
    while (true) {
      uint32_t first = 0;
      if (!number(first)) return false;
      uint32_t last = first;
      if (pos_ < text_.size() && text_[pos_] == '-') {
        ++pos_;
        const size_t at = pos_;
        if (!number(last)) return false;
        if (last < first) {
          return fail(at, fmt::format("CPU range {}-{} runs backwards", first, last),
                      fmt::format("write \"{}-{}\"", last, first));
        }
      }
      for (uint32_t c = first; c <= last; ++c) out.insert(c);
      if (pos_ == text_.size()) return true;
      if (text_[pos_] != ',') {
        return fail(pos_, fmt::format("unexpected `{}` in CPU set", text_[pos_]),
                    "write CPUs and ranges separated by commas, such as \"2-5,7\"");
      }
      ++pos_;
    }
  }

 private:
  bool number(uint32_t& out) {
    const size_t start = pos_;
    uint64_t n = 0;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      n = std::min<uint64_t>(n * 10 + static_cast<uint64_t>(text_[pos_] - '0'), uint64_t{1} << 32);
      ++pos_;
    }
    if (pos_ == start) {
      if (pos_ == text_.size()) return fail(pos_, "CPU set ends early", "remove the trailing separator");
      return fail(pos_, fmt::format("expected a CPU number, found `{}`", text_[pos_]),
                  "write CPUs such as \"2-5,7\"");
    }
    if (n > kMaxCpuId) return fail(start, fmt::format("CPU {} is beyond Xen's limit of {}", n, kMaxCpuId));
    out = static_cast<uint32_t>(n);
    return true;
  }

  bool fail(size_t offset, std::string message, std::string help = {}) {
    error_ = {offset, std::move(message), std::move(help)};
    return false;
  }

  std::string_view text_;
  CpuSetError& error_;
  size_t pos_ = 0;
};

}  // namespace

bool parse_cpuset(std::string_view text, CpuSet& out, CpuSetError& error) {
  return CpuSetParser(text, error).parse(out);
}

}  // namespace xenplan
