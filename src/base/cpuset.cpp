#include "base/cpuset.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace xenplan {

CpuSet CpuSet::range(uint32_t first, uint32_t last) {
  CpuSet s;
  if (first <= last) s.append({first, last});
  return s;
}

CpuSet CpuSet::of(std::vector<uint32_t> cpus) {
  std::sort(cpus.begin(), cpus.end());
  CpuSet s;
  for (uint32_t c : cpus) s.append({c, c});
  return s;
}

CpuSet CpuSet::from_sorted(const std::vector<CpuRange>& sorted) {
  CpuSet s;
  for (const CpuRange& r : sorted) s.append(r);
  return s;
}

void CpuSet::append(CpuRange r) {
  if (!ranges_.empty() && uint64_t{r.first} <= uint64_t{ranges_.back().last} + 1) {
    CpuRange& back = ranges_.back();
    if (r.last > back.last) {
      size_ += r.last - back.last;
      back.last = r.last;
    }
    return;
  }
  ranges_.push_back(r);
  size_ += size_t{r.last - r.first} + 1;
}

void CpuSet::insert(uint32_t cpu) {
  insert(CpuRange{cpu, cpu});
}

void CpuSet::insert(CpuRange r) {
  if (r.last < r.first) return;
  if (ranges_.empty() || r.first >= ranges_.back().first) return append(r);
  // Out of order: rebuild, O(ranges). Lists read in bulk go through of() instead.
  std::vector<CpuRange> sorted = ranges_;
  sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), r), r);
  *this = from_sorted(sorted);
}

bool CpuSet::contains(uint32_t cpu) const {
  const auto it = std::upper_bound(ranges_.begin(), ranges_.end(), cpu,
                                   [](uint32_t c, const CpuRange& r) { return c < r.first; });
  return it != ranges_.begin() && std::prev(it)->last >= cpu;
}

std::vector<uint32_t> CpuSet::ids() const {
  std::vector<uint32_t> out;
  out.reserve(size_);
  for (const CpuRange& r : ranges_) {
    for (uint64_t c = r.first; c <= r.last; ++c) out.push_back(static_cast<uint32_t>(c));
  }
  return out;
}

uint32_t CpuSet::nth(size_t i) const {
  for (const CpuRange& r : ranges_) {
    const size_t n = size_t{r.last - r.first} + 1;
    if (i < n) return r.first + static_cast<uint32_t>(i);
    i -= n;
  }
  return ranges_.empty() ? 0 : ranges_.back().last;  // i >= size(): the caller's bug; stay in range
}

CpuSet CpuSet::intersect(const CpuSet& other) const {
  CpuSet out;
  size_t i = 0, j = 0;
  while (i < ranges_.size() && j < other.ranges_.size()) {
    const CpuRange& a = ranges_[i];
    const CpuRange& b = other.ranges_[j];
    const uint32_t first = std::max(a.first, b.first), last = std::min(a.last, b.last);
    if (first <= last) out.append({first, last});
    (a.last < b.last ? i : j)++;
  }
  return out;
}

CpuSet CpuSet::minus(const CpuSet& other) const {
  CpuSet out;
  size_t j = 0;
  for (const CpuRange& a : ranges_) {
    uint64_t from = a.first;  // what is left of `a` starts here
    while (j < other.ranges_.size() && other.ranges_[j].last < from) ++j;
    for (size_t k = j; k < other.ranges_.size() && other.ranges_[k].first <= a.last; ++k) {
      const CpuRange& b = other.ranges_[k];
      if (b.first > from) out.append({static_cast<uint32_t>(from), b.first - 1});
      from = std::max<uint64_t>(from, uint64_t{b.last} + 1);
    }
    if (from <= a.last) out.append({static_cast<uint32_t>(from), a.last});
  }
  return out;
}

bool CpuSet::intersects(const CpuSet& other) const {
  size_t i = 0, j = 0;
  while (i < ranges_.size() && j < other.ranges_.size()) {
    const CpuRange& a = ranges_[i];
    const CpuRange& b = other.ranges_[j];
    if (std::max(a.first, b.first) <= std::min(a.last, b.last)) return true;
    (a.last < b.last ? i : j)++;
  }
  return false;
}

bool CpuSet::is_subset_of(const CpuSet& other) const {
  // Ranges never touch, so each of ours must lie inside a single one of `other`'s.
  size_t j = 0;
  for (const CpuRange& a : ranges_) {
    while (j < other.ranges_.size() && other.ranges_[j].last < a.first) ++j;
    if (j == other.ranges_.size() || other.ranges_[j].first > a.first || other.ranges_[j].last < a.last)
      return false;
  }
  return true;
}

std::string CpuSet::to_string() const {
  std::string out;
  for (const CpuRange& r : ranges_) {
    if (!out.empty()) out += ',';
    out += r.first == r.last ? fmt::format("{}", r.first) : fmt::format("{}-{}", r.first, r.last);
  }
  return out;
}

std::string CpuSet::phrase() const {
  return fmt::format("{} {}", size_ == 1 ? "CPU" : "CPUs", to_string());
}

namespace {

class CpuSetParser {
 public:
  CpuSetParser(std::string_view text, CpuSetError& error) : text_(text), error_(error) {}

  // Collects the ranges as written and merges them once: "16383,16382,...,0" costs O(n log n).
  bool parse(std::vector<CpuRange>& out) {
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
      out.push_back({first, last});
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
  std::vector<CpuRange> ranges = out.ranges();
  if (!CpuSetParser(text, error).parse(ranges)) return false;
  std::sort(ranges.begin(), ranges.end());
  CpuSet merged;
  for (const CpuRange& r : ranges) merged.insert(r);  // ascending: each an append
  out = std::move(merged);
  return true;
}

}  // namespace xenplan
