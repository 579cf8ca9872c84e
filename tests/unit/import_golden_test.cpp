// Golden tests of `xenplan import`: each tests/golden/import/<case>/ holds its sources and an
// `args` file (the command line after `import`, relative to the case); the description it prints
// in both syntaxes, the standard error and the exit status are compared with expected.yaml,
// expected.xenplan and expected.stderr / expected.xenplan.stderr. XENPLAN_UPDATE_GOLDEN=1
// rewrites them.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <tuple>
#include <vector>

#include "test_files.h"

namespace fs = std::filesystem;
using xenplan::testing::read_file;

namespace {

struct Run {
  std::string out, err;
};

Run run_import(const fs::path& dir, const std::string& args, const std::string& syntax) {
  const fs::path tmp = fs::temp_directory_path() / ("xenplan-import-golden-" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  const std::string cmd = "cd '" + dir.string() + "' && NO_COLOR=1 '" XENPLAN_BINARY "' import --syntax " +
                          syntax + " " + args + " >'" + (tmp / "out").string() + "' 2>'" +
                          (tmp / "err").string() + "'";
  const int raw = std::system(cmd.c_str());
  Run r{read_file(tmp / "out"), read_file(tmp / "err")};
  r.err += "exit status " + std::to_string(WIFEXITED(raw) ? WEXITSTATUS(raw) : -1) + "\n";
  fs::remove_all(tmp);
  return r;
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(XENPLAN_SOURCE_DIR) / "tests/golden/import"))
    if (e.is_directory()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("golden imports, in both syntaxes, with their summaries and exit statuses") {
  const bool update = std::getenv("XENPLAN_UPDATE_GOLDEN") != nullptr;
  const auto all = cases();
  REQUIRE(all.size() >= 5);
  for (const fs::path& dir : all) {
    std::string args = read_file(dir / "args");
    while (!args.empty() && args.back() == '\n') args.pop_back();
    for (const auto& [syntax, out_name, err_name] :
         {std::tuple{"yaml", "expected.yaml", "expected.stderr"},
          std::tuple{"xenplan", "expected.xenplan", "expected.xenplan.stderr"}}) {
      const Run r = run_import(dir, args, syntax);
      if (update) {
        std::ofstream(dir / out_name, std::ios::binary) << r.out;
        std::ofstream(dir / err_name, std::ios::binary) << r.err;
        continue;
      }
      INFO("golden import: ", dir.filename().string(), " --syntax ", syntax);
      CHECK(r.out == read_file(dir / out_name));
      CHECK(r.err == read_file(dir / err_name));
    }
  }
}

TEST_CASE("golden imports are canonical: fmt --check passes on every expected description") {
  for (const fs::path& dir : cases()) {
    for (const char* name : {"expected.yaml", "expected.xenplan"}) {
      if (read_file(dir / name).empty()) continue;  // an import that writes nothing
      INFO("golden import: ", dir.filename().string(), "/", name);
      const std::string cmd =
          "'" XENPLAN_BINARY "' fmt --check '" + (dir / name).string() + "' >/dev/null 2>&1";
      CHECK(std::system(cmd.c_str()) == 0);
    }
  }
}
