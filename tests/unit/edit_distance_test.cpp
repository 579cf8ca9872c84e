#include "base/edit_distance.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace xenplan;

TEST_CASE("closest_match suggests a plausible typo and nothing else") {
  const std::vector<std::string> keys = {"memory", "maxmem", "vcpus"};
  CHECK(closest_match("memroy", keys) == "memory");
  CHECK(closest_match("vcpu", keys) == "vcpus");
  CHECK_FALSE(closest_match("kernel", keys).has_value());
}

// A reference to a missing pool whose name is one byte off a defined 30 MiB name: the full
// distance would be 10^15 steps. No name xenplan accepts is that long, so there is no suggestion.
TEST_CASE("closest_match gives no suggestion for a word longer than any name") {
  const std::string defined(30u << 20, 'a');
  CHECK_FALSE(closest_match(defined + "b", {defined}).has_value());
  CHECK(closest_match(std::string(kMaxTypoLength - 1, 'a') + "b",
                      {std::string(kMaxTypoLength, 'a'), defined}) == std::string(kMaxTypoLength, 'a'));
}
