#include "analysis/test_ids.h"

#include <array>

namespace xenplan {
namespace {

constexpr std::array kTests = {
#define XP_TEST(name, id, text) TestInfo{TestId::name, id, text},
#include "analysis/test_ids.def"
#undef XP_TEST
};

std::string joined(const std::vector<TestId>& tests, std::string_view TestInfo::*field,
                   std::string_view sep) {
  std::string out;
  for (TestId t : tests) {
    if (!out.empty()) out += sep;
    out += test_info(t).*field;
  }
  return out;
}

}  // namespace

const TestInfo& test_info(TestId test) {
  return kTests[static_cast<size_t>(test)];
}

std::span<const TestInfo> all_tests() {
  return kTests;
}

std::string test_names(const std::vector<TestId>& tests) {
  return joined(tests, &TestInfo::name, ", ");
}

std::string test_ids(const std::vector<TestId>& tests) {
  return joined(tests, &TestInfo::id, ",");
}

}  // namespace xenplan
