#include "base/units.h"

#include <doctest/doctest.h>

using namespace xenplan;

TEST_CASE("memory sizes take KiB, MiB, GiB and TiB") {
  CHECK(*parse_memory_bytes("512MiB").value == 512 * kMiB);
  CHECK(*parse_memory_bytes("4KiB").value == 4 * kKiB);
  CHECK(*parse_memory_bytes("32GiB").value == 32 * kGiB);
  CHECK(*parse_memory_bytes("2TiB").value == 2 * kTiB);
  CHECK(*parse_memory_bytes("0MiB").value == 0);
}

TEST_CASE("memory sizes without a valid unit say what to write") {
  auto p = parse_memory_bytes("512");
  CHECK(p.error == "memory size `512` has no unit");
  CHECK(p.help == "write `512MiB`; units are KiB, MiB, GiB, TiB");
  p = parse_memory_bytes("512M");
  CHECK(p.error == "unknown unit `M` in `512M`");
  CHECK(p.help == "write `512MiB`; units are KiB, MiB, GiB, TiB");
  p = parse_memory_bytes("2GB");
  CHECK(p.help == "write `2GiB`; units are KiB, MiB, GiB, TiB");
  p = parse_memory_bytes("10 MiB");
  CHECK(p.error == "memory size `10 MiB` has a space before its unit");
  CHECK(p.help == "write `10MiB`");
  p = parse_memory_bytes("1.5GiB");
  CHECK(p.error == "memory size `1.5GiB` is not a whole number");
  p = parse_memory_bytes("0512MiB");
  CHECK(p.error == "memory size `0512MiB` has a leading zero");
  CHECK(p.help == "write `512MiB`");
  p = parse_memory_bytes("lots");
  CHECK(p.error == "expected a memory size such as `10MiB`, found `lots`");
  p = parse_memory_bytes("5 furlongs");
  CHECK(p.error == "memory size `5 furlongs` has a space before its unit");
  p = parse_memory_bytes("5furlongs");
  CHECK(p.error == "unknown unit `furlongs` in `5furlongs`");
  CHECK(p.help == "write `5MiB`; units are KiB, MiB, GiB, TiB");
}

TEST_CASE("memory sizes that overflow when the unit is applied are rejected") {
  CHECK(parse_memory_bytes("99999999999TiB").error == "memory size `99999999999TiB` is too large");
  CHECK(parse_memory_bytes("99999999999999999999999MiB").error ==
        "memory size `99999999999999999999999MiB` is too large");
  CHECK(*parse_memory_bytes("16777215TiB").value == 16777215 * kTiB);
  CHECK_FALSE(parse_memory_bytes("16777216TiB").value);
}

TEST_CASE("times take us, ms and s") {
  CHECK(*parse_time_us("10us").value == 10);
  CHECK(*parse_time_us("10ms").value == 10000);
  CHECK(*parse_time_us("2s").value == 2000000);
  auto p = parse_time_us("10");
  CHECK(p.error == "time `10` has no unit");
  CHECK(p.help ==
        "xl sched-rtds counts microseconds: write `10us`, or `10ms` if you meant milliseconds; "
        "units are us, ms, s");
  // Copied from `xl sched-rtds`: microseconds, never 1000 times too long.
  p = parse_time_us("10000");
  CHECK(p.help == "xl sched-rtds counts microseconds: write `10000us` (= 10ms); units are us, ms, s");
  p = parse_time_us("2500");
  CHECK(p.help == "xl sched-rtds counts microseconds: write `2500us`; units are us, ms, s");
  p = parse_time_us("10 ms");
  CHECK(p.help == "write `10ms`");
  p = parse_time_us("250µs");
  CHECK(p.help == "write `250us`; units are us, ms, s");
  p = parse_time_us("500ns");
  CHECK(p.error == "time `500ns` is in nanoseconds");
  p = parse_time_us("2.5ms");
  CHECK(p.error == "time `2.5ms` is not a whole number");
}

TEST_CASE("canonical spellings use the largest exact unit") {
  CHECK(format_memory(kGiB) == "1GiB");
  CHECK(format_memory(1024 * kMiB) == "1GiB");
  CHECK(format_memory(1536 * kMiB) == "1536MiB");
  CHECK(format_memory(3 * kKiB) == "3KiB");
  CHECK(format_time(10000) == "10ms");
  CHECK(format_time(2500) == "2500us");
  CHECK(format_time(3000000) == "3s");
}
