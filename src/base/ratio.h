// Exact sums of budget/period ratios (utilizations), without floating point where it matters.
// The sum stays an exact fraction while its denominator fits 128 bits (always, for harmonic
// periods); beyond that it falls back to long double with an error bound and says so.
#pragma once

#include <cstdint>

#include "base/int128.h"

namespace xenplan {

enum class Compare { Less, Equal, Greater, Unknown };

class RatioSum {
 public:
  void add(uint64_t numerator, uint64_t denominator);  // denominator > 0
  Compare compare(uint64_t whole) const;               // the sum against a whole number
  double approx() const;
  bool exact() const { return exact_; }

 private:
  u128 num_ = 0;
  u128 den_ = 1;
  bool exact_ = true;
  long double approx_ = 0;
  uint64_t terms_ = 0;
};

}  // namespace xenplan
