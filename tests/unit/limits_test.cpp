// Resource limits that need large generated inputs, and concurrent builds into one directory.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/render.h"
#include "base/render_formats.h"
#include "cli/pipeline.h"

using namespace xenplan;
namespace fs = std::filesystem;

TEST_CASE("more domains than the limit is one clear error, not a long wait") {
  std::string text =
      "xenplan: 1\nhost: {name: h, cpus: 4, memory: 8GiB, xen: {version: \"4.17\"}, dom0: {memory: 1GiB, "
      "vcpus: 1}}\n"
      "domains:\n";
  for (int i = 0; i <= 65536; ++i)
    text += "  - {name: d" + std::to_string(i) + ", memory: 1MiB, kernel: /k}\n";
  DiagnosticSink sink;
  const auto compiled = compile_text("many.yaml", text, Syntax::Yaml, {}, sink);
  CHECK_FALSE(compiled.model.has_value());
  const std::string out = render_diagnostics(sink.sorted(), {});
  CHECK(out.find("many.yaml:4:3: error: the description has 65537 domains, more than xenplan's limit of "
                 "65536 [XP0004]") == 0);
}

// The language has no aliases, and its reader counted nothing: `[1,1,...]` in 64 MiB made
// 32,000,000 nodes (over 3 GB). Both readers now stop at the same 4,000,000.
TEST_CASE("the language reader stops at 4,000,000 nodes like the YAML reader") {
  const auto list_of = [](size_t items) {
    std::string text = "xenplan 1\nhost h { cpus 4 }\ndomains [";
    for (size_t i = 0; i < items; ++i) text += i ? ",1" : "1";
    return text + "]\n";
  };
  {
    // The root, `xenplan`'s value, `host`, its name and `cpus`, the list: 3,999,994 items fit.
    DiagnosticSink sink;
    const LoadedFile fits = load_text("fits.xenplan", list_of(3'999'994), Syntax::Xenplan, sink);
    CHECK(fits.parsed);
    CHECK(fits.tree.size() == 4'000'000);
  }  // one tree at a time: each is about 400 MB
  DiagnosticSink sink;
  const LoadedFile over = load_text("over.xenplan", list_of(3'999'995), Syntax::Xenplan, sink);
  CHECK_FALSE(over.parsed);
  CHECK(render_diagnostics(sink.sorted(), {})
            .find("over.xenplan:3:7999998: error: the description has more than 4000000 nodes [XP0004]") ==
        0);
}

TEST_CASE("an input larger than 64 MiB is refused before it is parsed") {
  const fs::path big = fs::temp_directory_path() / ("xenplan-big-" + std::to_string(::getpid()) + ".yaml");
  {
    std::ofstream out(big, std::ios::binary);
    const std::string line(1023, '#');
    for (int i = 0; i < 65 * 1024; ++i) out << line << '\n';
  }
  DiagnosticSink sink;
  const LoadedFile f = load_description(big.string(), nullptr, sink);
  CHECK(f.readable);
  CHECK_FALSE(f.parsed);
  CHECK(render_diagnostics(sink.sorted(), {}) ==
        big.string() + ": error: the file is larger than 64 MiB [XP0004]\n");
  fs::remove(big);
}

// Every message that names the domain used to carry its 60 MiB name whole: 63 MB on stderr.
// (The xenplan language reads this in a fraction of the time yaml-cpp takes; the echo is shared.)
TEST_CASE("a 60 MiB value is echoed as a window in every output format") {
  const std::string name(60u << 20, 'a');
  const std::string text = "xenplan 1\nhost h { cpus 4  memory 8GiB }\ndomain " + name + " { vcpus 1 }\n";
  DiagnosticSink sink;
  const auto compiled = compile_text("big.xenplan", text, Syntax::Xenplan, {}, sink);
  CHECK(sink.has_errors());
  const std::vector<Diagnostic> ds = sink.sorted();
  const std::string window = "`" + std::string(48, 'a') + "..." + std::string(16, 'a') + "` (62914560 bytes)";
  const std::string rendered = render_diagnostics(ds, {});
  CHECK(rendered.find("error: domain name " + window + " is not valid: it is longer than 64 characters") !=
        std::string::npos);
  CHECK(rendered.find("error: pv domain " + window + " has neither `kernel` nor `bootloader`") !=
        std::string::npos);
  CHECK(rendered.size() < 8192);
  CHECK(diagnostics_json(ds).size() < 8192);
  CHECK(diagnostics_sarif(ds, "0").size() < 16384);
  CHECK(diagnostics_github(ds).size() < 8192);
}

TEST_CASE("concurrent builds into one directory never interleave") {
  const fs::path out = fs::temp_directory_path() / ("xenplan-race-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const std::string cmd = std::string("cd '") + XENPLAN_SOURCE_DIR + "' && '" + XENPLAN_BINARY + "' build ";
  std::vector<pid_t> children;
  for (int i = 0; i < 6; ++i) {
    const std::string example = i % 2 ? "examples/rt-node.yaml" : "examples/small-debian12.yaml";
    const std::string run = cmd + example + " -o '" + out.string() + "' >/dev/null 2>&1";
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(std::system(run.c_str()) == 0 ? 0 : 1);
    children.push_back(pid);
  }
  for (pid_t pid : children) ::waitpid(pid, nullptr, 0);
  // Whichever build won, the directory holds exactly one complete output: its manifest lists
  // every file there and nothing else.
  std::ifstream manifest(out / "manifest.json");
  std::ostringstream text;
  text << manifest.rdbuf();
  size_t listed = 0;
  for (size_t at = text.str().find("\"path\": "); at != std::string::npos;
       at = text.str().find("\"path\": ", at + 1)) {
    ++listed;
  }
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) files += e.is_regular_file() ? 1u : 0u;
  CHECK(listed > 10);
  CHECK(files == listed + 1);  // + manifest.json itself
  for (const auto& e : fs::directory_iterator(out.parent_path())) {
    CHECK(e.path().filename().string().find("xenplan-race-" + std::to_string(::getpid()) + ".xenplan-") ==
          std::string::npos);
  }
  fs::remove_all(out);
}

// 2,000,000 unknown keys fit in 16 MB; kept whole they took 3.6 GB. The sink keeps the first
// kMaxKept and counts the rest, so the exit status and the summary stay right.
TEST_CASE("a description drawing more diagnostics than the sink keeps is counted, not stored") {
  std::string text = "xenplan: 1\nhost:\n";
  constexpr size_t kKeys = DiagnosticSink::kMaxKept + 500;
  for (size_t i = 0; i < kKeys; ++i) text += fmt::format("  k{}: 1\n", i);
  DiagnosticSink sink;
  const auto compiled = compile_text("many.yaml", text, Syntax::Yaml, {}, sink);
  CHECK(sink.diagnostics().size() == DiagnosticSink::kMaxKept);
  CHECK(sink.error_count() == kKeys + 5);  // the unknown keys, and the host's 5 missing fields
  CHECK(sink.omitted_errors() == sink.error_count() - DiagnosticSink::kMaxKept);
}
