// The tests that decide verdicts, as an enum generated from the one table in test_ids.def:
// a stable id for report.json and the name the text report prints.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xenplan {

enum class TestId {
#define XP_TEST(name, id, text) name,
#include "analysis/test_ids.def"
#undef XP_TEST
};

struct TestInfo {
  TestId test;
  std::string_view id;    // "bcl": report.json
  std::string_view name;  // "BCL": the text report and diagnostics
};

const TestInfo& test_info(TestId test);
std::span<const TestInfo> all_tests();

// Several tests, for a pool whose vCPUs different tests proved: "BCL, RTA0" and "bcl,rta0".
std::string test_names(const std::vector<TestId>& tests);
std::string test_ids(const std::vector<TestId>& tests);

}  // namespace xenplan
