#include "base/ratio.h"

#include <cmath>

namespace xenplan {
namespace {

u128 gcd(u128 a, u128 b) {
  while (b != 0) {
    const u128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool mul_overflows(u128 a, u128 b, u128& out) {
  if (a != 0 && b > ~u128{0} / a) return true;
  out = a * b;
  return false;
}

}  // namespace

void RatioSum::add(uint64_t numerator, uint64_t denominator) {
  ++terms_;
  approx_ += static_cast<long double>(numerator) / static_cast<long double>(denominator);
  if (!exact_) return;
  // num/den + n/d = (num*(d/g) + n*(den/g)) / (den*(d/g)),  g = gcd(den, d)
  const u128 g = gcd(den_, denominator);
  const u128 d_over_g = denominator / g;
  u128 left = 0, right = 0, new_den = 0;
  if (mul_overflows(num_, d_over_g, left) || mul_overflows(u128{numerator}, den_ / g, right) ||
      mul_overflows(den_, d_over_g, new_den) || left > ~u128{0} - right) {
    exact_ = false;
    return;
  }
  num_ = left + right;
  den_ = new_den;
  const u128 r = gcd(num_, den_);
  if (r > 1) {
    num_ /= r;
    den_ /= r;
  }
}

Compare RatioSum::compare(uint64_t whole) const {
  if (exact_) {
    u128 scaled = 0;
    if (mul_overflows(u128{whole}, den_, scaled)) return Compare::Less;  // whole*den beyond any num
    if (num_ < scaled) return Compare::Less;
    if (num_ == scaled) return Compare::Equal;
    return Compare::Greater;
  }
  // Each term carries a relative error of about 1e-18; allow far more than that.
  const long double bound = static_cast<long double>(terms_) * 1e-15L * (approx_ + 1);
  const long double diff = approx_ - static_cast<long double>(whole);
  if (diff > bound) return Compare::Greater;
  if (diff < -bound) return Compare::Less;
  return Compare::Unknown;
}

double RatioSum::approx() const {
  return static_cast<double>(approx_);
}

}  // namespace xenplan
