#include "base/ratio.h"

#include <doctest/doctest.h>

using namespace xenplan;

TEST_CASE("ratio sums compare exactly at the boundary") {
  RatioSum s;
  s.add(1, 3);
  s.add(1, 3);
  s.add(1, 3);
  CHECK(s.exact());
  CHECK(s.compare(1) == Compare::Equal);
  s.add(1, 1000000);
  CHECK(s.compare(1) == Compare::Greater);
  CHECK(s.compare(2) == Compare::Less);
}

TEST_CASE("ratio sums with many coprime periods fall back to a bounded estimate") {
  RatioSum s;
  // Distinct primes make the exact denominator overflow 128 bits.
  const uint64_t primes[] = {1000003, 1000033, 1000037, 1000039, 1000081, 1000099, 1000117, 1000121,
                             1000133, 1000151, 1000159, 1000171, 1000183, 1000187, 1000193, 1000199};
  for (uint64_t p : primes) s.add(p / 4, p);
  CHECK_FALSE(s.exact());
  CHECK(s.compare(3) == Compare::Greater);
  CHECK(s.compare(4) == Compare::Less);
}
