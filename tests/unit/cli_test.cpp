// The xenplan executable as users call it: exit statuses, streams, help and version.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "base/codes.h"
#include "test_files.h"

namespace fs = std::filesystem;
using xenplan::testing::read_file;

namespace {

struct Run {
  int status;
  std::string out, err;
};

// Runs xenplan with `args` (shell words) from the source tree, NO_COLOR set.
Run run_xenplan(const std::string& args, const std::string& stdin_text = "") {
  const fs::path dir = fs::temp_directory_path() / ("xenplan-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "in") << stdin_text;
  const std::string cmd = "cd '" XENPLAN_SOURCE_DIR "' && NO_COLOR=1 '" XENPLAN_BINARY "' " + args + " <'" +
                          (dir / "in").string() + "' >'" + (dir / "out").string() + "' 2>'" +
                          (dir / "err").string() + "'";
  const int raw = std::system(cmd.c_str());
  Run r{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_file(dir / "out"), read_file(dir / "err")};
  fs::remove_all(dir);
  return r;
}

}  // namespace

TEST_CASE("check: a valid description exits 0 and summarises the host on stdout") {
  const Run r = run_xenplan("check examples/rt-node.yaml");
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "examples/rt-node.yaml: host rt-node-1: 8 CPUs, 32GiB, Xen 4.14; dom0 2GiB with 2 vCPUs (pinned)\n"
        "  pool         scheduler cpus       domains\n"
        "  Pool-0       credit2   0-1        dom0, web\n"
        "  rt           rtds      2-5        plc-1, plc-2, hmi\n"
        "  iso          null      6-7        sensor-gw\n");
}

TEST_CASE("check: errors exit 1 with diagnostics on stderr, for every file given") {
  const Run r = run_xenplan(
      "check tests/golden/check/unknown-key.yaml examples/rt-node.yaml "
      "tests/golden/check/duplicate-key.yaml");
  CHECK(r.status == 1);
  CHECK(r.err.find("unknown-key.yaml:") != std::string::npos);
  CHECK(r.err.find("duplicate-key.yaml:") != std::string::npos);
  CHECK(r.err.find("\n2 errors\n") != std::string::npos);
  CHECK(r.out.find("host rt-node-1") != std::string::npos);
}

TEST_CASE("check: unreadable input exits 3") {
  Run r = run_xenplan("check does-not-exist.yaml");
  CHECK(r.status == 3);
  CHECK(r.err ==
        "does-not-exist.yaml: error: cannot read the file: No such file or directory [XP0001]\n1 error\n");
  r = run_xenplan("check examples");
  CHECK(r.status == 3);
  CHECK(r.err.find("cannot tell the syntax of this file from its name") != std::string::npos);
  r = run_xenplan("check tests --syntax yaml");
  CHECK(r.status == 3);
  CHECK(r.err == "tests: error: cannot read the file: it is a directory, not a file [XP0001]\n1 error\n");
}

TEST_CASE("check: standard input with --syntax") {
  Run r = run_xenplan("check --syntax yaml -", "xenplan: 2\n");
  CHECK(r.status == 1);
  CHECK(r.err.find("<stdin>:1:10: error: unsupported format version `2` [XP0003]") == 0);
  r = run_xenplan("check -");
  CHECK(r.status == 2);
  CHECK(r.err.find("xenplan: reading standard input (`-`) needs --syntax yaml|xenplan") == 0);
}

TEST_CASE("usage errors exit 2") {
  CHECK(run_xenplan("").status == 2);
  CHECK(run_xenplan("frobnicate x.yaml").err.find("xenplan: unknown command `frobnicate`") == 0);
  CHECK(run_xenplan("check").status == 2);
  CHECK(run_xenplan("check --bogus x.yaml").status == 2);
  CHECK(run_xenplan("check --color sometimes x.yaml").status == 2);
}

TEST_CASE("help and version") {
  Run r = run_xenplan("--help");
  CHECK(r.status == 0);
  CHECK(r.out.find("exit status:") != std::string::npos);
  CHECK(run_xenplan("check --help").out.find("usage: xenplan check") == 0);
  r = run_xenplan("--version");
  CHECK(r.status == 0);
  CHECK(r.out.find("xenplan ") == 0);
}

TEST_CASE("colour only when asked, or on a terminal without NO_COLOR") {
  const Run r = run_xenplan("check --color always tests/golden/check/unknown-key.yaml");
  CHECK(r.err.find("\033[1;31merror") != std::string::npos);
  CHECK(run_xenplan("check tests/golden/check/unknown-key.yaml").err.find('\033') == std::string::npos);
}

TEST_CASE("analyze: the report on stdout, as text or JSON") {
  Run r = run_xenplan("analyze examples/rt-node.yaml");
  CHECK(r.status == 0);
  CHECK(r.out.find("pool rt (rtds, CPUs 2-5): schedulable, decided by BCL\n") != std::string::npos);
  CHECK(r.out.find("pool iso (null, CPUs 6-7): schedulable, decided by matching\n") != std::string::npos);
  r = run_xenplan("analyze --format json examples/rt-node.yaml");
  CHECK(r.status == 0);
  CHECK(r.out.find("{\n  \"schedulable\": true,\n  \"overhead_us\": 50,\n  \"pools\": [") == 0);
  CHECK(run_xenplan("analyze examples/rt-node.yaml examples/small-debian12.yaml").status == 2);
  CHECK(run_xenplan("analyze --format xml examples/rt-node.yaml").status == 2);
}

TEST_CASE("check: an unproven pool fails unless --allow-unknown") {
  Run r = run_xenplan("check tests/golden/analyze/unknown-not-proven.yaml");
  CHECK(r.status == 1);
  CHECK(r.err.find("error: RTDS pool `rt` is not proven schedulable") != std::string::npos);
  r = run_xenplan("check --allow-unknown tests/golden/analyze/unknown-not-proven.yaml");
  CHECK(r.status == 0);
  CHECK(r.err.find("warning: RTDS pool `rt` is not proven schedulable") != std::string::npos);
  CHECK(run_xenplan("check --allow-unknown tests/golden/analyze/ce1-one-cpu-burst.yaml").status == 1);
}

namespace {
fs::path build_dir(const char* name) {
  const fs::path p =
      fs::temp_directory_path() / (std::string("xenplan-build-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  return p;
}
}  // namespace

TEST_CASE("build: writes the artifacts and lists them") {
  const fs::path out = build_dir("ok");
  const Run r = run_xenplan("build examples/rt-node.yaml -o " + out.string());
  CHECK(r.status == 0);
  CHECK(r.out.find("wrote 17 files to " + out.string() + ":\n") != std::string::npos);
  CHECK(r.out.find("  xl-domain    etc/xen/xenplan/domains/plc-1.cfg\n") != std::string::npos);
  CHECK(fs::exists(out / "manifest.json"));
  CHECK(fs::exists(out / "usr/local/sbin/xenplan-up"));
  // A second build over its own earlier output is allowed.
  CHECK(run_xenplan("build examples/rt-node.yaml -o " + out.string()).status == 0);
  fs::remove_all(out);
}

TEST_CASE("build: a description with errors writes nothing") {
  const fs::path out = build_dir("invalid");
  const Run r = run_xenplan("build tests/golden/check/unknown-key.yaml -o " + out.string());
  CHECK(r.status == 1);
  CHECK(r.err.find("xenplan: nothing was written\n") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK(run_xenplan("build tests/golden/analyze/ce1-one-cpu-burst.yaml -o " + out.string()).status == 1);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("build: a foreign directory is refused unless --force; an unwritable place changes nothing") {
  const fs::path out = build_dir("foreign");
  fs::create_directories(out);
  std::ofstream(out / "notes.txt") << "keep me";
  Run r = run_xenplan("build examples/rt-node.yaml -o " + out.string());
  CHECK(r.status == 2);
  CHECK(r.err.find("holds no earlier xenplan output; use --force to replace it; nothing was written") !=
        std::string::npos);
  CHECK(fs::exists(out / "notes.txt"));
  CHECK(run_xenplan("build --force examples/rt-node.yaml -o " + out.string()).status == 0);
  CHECK_FALSE(fs::exists(out / "notes.txt"));
  // A plain file where a parent directory should be: the output cannot be written.
  std::ofstream(out / "blocker") << "x";
  r = run_xenplan("build examples/rt-node.yaml -o " + (out / "blocker" / "sub").string());
  CHECK(r.status == 3);
  CHECK(fs::exists(out / "manifest.json"));
  fs::remove_all(out);
}

TEST_CASE("build: usage errors") {
  CHECK(run_xenplan("build examples/rt-node.yaml").err.find("needs an output directory: -o DIR") !=
        std::string::npos);
  CHECK(run_xenplan("build examples/rt-node.yaml").status == 2);
}

TEST_CASE("fmt: --check, --write and --to") {
  const fs::path dir = build_dir("fmt");
  fs::create_directories(dir);
  const fs::path file = dir / "h.xenplan";
  std::ofstream(file) << "xenplan 1\nhost h {   memory 1024MiB }  # note\n";
  Run r = run_xenplan("fmt --check " + file.string());
  CHECK(r.status == 1);
  CHECK(r.out ==
        file.string() + ": not in canonical form; run `xenplan fmt --write " + file.string() + "`\n");
  CHECK(run_xenplan("fmt --write " + file.string()).status == 0);
  CHECK(run_xenplan("fmt --check " + file.string()).status == 0);
  r = run_xenplan("fmt " + file.string());
  CHECK(r.out == "xenplan 1\n\nhost h {  # note\n  memory 1GiB\n}\n");
  r = run_xenplan("fmt --to yaml " + file.string());
  CHECK(r.out == "xenplan: 1\nhost:  # note\n  name: h\n  memory: 1GiB\n");
  CHECK(run_xenplan("fmt --check examples/rt-node.yaml examples/rt-node.xenplan").status == 0);
  CHECK(run_xenplan("fmt --to dsl tests/golden/check/format-version-missing.yaml").status == 1);
  CHECK(run_xenplan("fmt --write --to dsl examples/rt-node.yaml").status == 2);
  fs::remove_all(dir);
}

TEST_CASE("check reads the xenplan language from standard input") {
  const Run r = run_xenplan("check --syntax xenplan -", "xenplan 1\nhost h {\n  cpus 0\n}\n");
  CHECK(r.status == 1);
  CHECK(r.err.find("<stdin>:3:8: error: `cpus` must be between 1 and 16384, found `0` [XP0106]") !=
        std::string::npos);
}

TEST_CASE("explain: every code has an entry, from the one table") {
  for (const auto& c : xenplan::all_codes()) {
    INFO(std::string(c.id));
    CHECK_FALSE(c.summary.empty());
    CHECK_FALSE(c.why.empty());
    CHECK_FALSE(c.fix.empty());
    const Run r = run_xenplan("explain " + std::string(c.id));
    CHECK(r.status == 0);
    CHECK(r.out == std::string(c.id) + ": " + std::string(c.summary) + "\n\nWhy it matters: " +
                       std::string(c.why) + "\n\nExample fix: " + std::string(c.fix) + "\n");
  }
  const Run all = run_xenplan("explain");
  CHECK(all.out.find("XP0101  unknown key\n") != std::string::npos);
  const Run bad = run_xenplan("explain XP0199");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("xenplan: no diagnostic code is named `XP0199` (did you mean") == 0);
}

TEST_CASE("build --check: the drift check") {
  const fs::path out = build_dir("drift");
  CHECK(run_xenplan("build examples/rt-node.yaml -o " + out.string()).status == 0);
  Run r = run_xenplan("build examples/rt-node.yaml --check " + out.string());
  CHECK(r.status == 0);
  CHECK(r.out == out.string() + ": up to date\n");
  std::ofstream(out / "etc/xen/xenplan/pools/rt.cfg", std::ios::app) << "# hand edit\n";
  fs::remove(out / "etc/xen/xenplan/pools/iso.cfg");
  std::ofstream(out / "notes.txt") << "x";
  r = run_xenplan("build examples/rt-node.yaml --check " + out.string());
  CHECK(r.status == 1);
  CHECK(r.out == "missing: " + out.string() + "/etc/xen/xenplan/pools/iso.cfg\n" +
                     "changed: " + out.string() + "/etc/xen/xenplan/pools/rt.cfg\n" +
                     "extra: " + out.string() + "/notes.txt\n");
  CHECK_FALSE(fs::exists(out / "etc/xen/xenplan/pools/iso.cfg"));  // --check writes nothing
  fs::remove_all(out);
}

TEST_CASE("build: several descriptions go to DIR/<host name>, with one exit code") {
  const fs::path out = build_dir("fleet");
  Run r = run_xenplan("build examples/rt-node.yaml examples/small-debian12.xenplan -o " + out.string());
  CHECK(r.status == 0);
  CHECK(fs::exists(out / "rt-node-1/manifest.json"));
  CHECK(fs::exists(out / "edge-box/manifest.json"));
  r = run_xenplan("build examples/rt-node.yaml tests/golden/check/unknown-key.yaml -o " + out.string() +
                  "-2");
  CHECK(r.status == 1);
  CHECK_FALSE(fs::exists(out.string() + "-2"));
  r = run_xenplan("build examples/rt-node.yaml examples/rt-node.xenplan -o " + out.string() + "-3");
  CHECK(r.status == 1);
  CHECK(r.err.find("both describe host `rt-node-1`; nothing was written") != std::string::npos);
  CHECK_FALSE(fs::exists(out.string() + "-3"));
  fs::remove_all(out);
}

TEST_CASE("build: DIR may end in a slash; a symlinked DIR is refused however it is spelt") {
  const fs::path out = build_dir("slash");
  Run r = run_xenplan("build examples/rt-node.yaml -o " + out.string() + "/");
  CHECK(r.status == 0);
  CHECK(r.out.find("wrote 17 files to " + out.string() + "/:\n") != std::string::npos);
  CHECK(fs::exists(out / "manifest.json"));
  r = run_xenplan("build examples/rt-node.yaml examples/small-debian12.xenplan -o " + out.string() +
                  "-fleet/");
  CHECK(r.status == 0);
  CHECK(r.out.find("files to " + out.string() + "-fleet/edge-box:\n") != std::string::npos);
  fs::create_directory_symlink(out, out.string() + "-link");
  for (const char* tail : {"", "/", "/."}) {
    const std::string link = out.string() + "-link" + tail;
    r = run_xenplan("build examples/rt-node.yaml -o " + link);
    CHECK(r.status == 3);
    CHECK(r.err ==
          "xenplan: error: " + link + " is a symbolic link; give the real directory; nothing was written\n");
  }
  fs::remove(out.string() + "-link");
  fs::remove_all(out.string() + "-fleet");
  fs::remove_all(out);
}

TEST_CASE("build: a DIR that holds an input is refused, with or without an earlier output there") {
  const fs::path out = build_dir("input");
  const std::string host = (out / "host.yaml").string();
  fs::create_directories(out);
  fs::copy_file(XENPLAN_SOURCE_DIR "/examples/rt-node.yaml", host);
  const std::string refusal = "xenplan: error: " + out.string() + " holds the input " + host +
                              ", which replacing it would delete; give an output directory that does not "
                              "hold it; nothing was written\n";
  Run r = run_xenplan("build --force " + host + " -o " + out.string());  // nothing else there yet
  CHECK(r.status == 2);
  CHECK(r.err == refusal);
  CHECK(run_xenplan("build examples/rt-node.yaml -o " + out.string() + "/sub").status == 0);
  fs::rename(out / "sub/manifest.json", out / "manifest.json");  // now out/ looks like an earlier output
  r = run_xenplan("build " + host + " -o " + out.string());
  CHECK(r.status == 2);
  CHECK(r.err == refusal);
  CHECK(read_file(host) == read_file(XENPLAN_SOURCE_DIR "/examples/rt-node.yaml"));
  CHECK(fs::exists(out / "manifest.json"));
  // Several inputs: each host's DIR/<host name>/ is what would be replaced, and none is written.
  const fs::path fleet = build_dir("input-fleet");
  fs::create_directories(fleet / "rt-node-1");
  fs::copy_file(host, fleet / "rt-node-1/host.yaml");
  r = run_xenplan("build examples/small-debian12.xenplan " + (fleet / "rt-node-1/host.yaml").string() +
                  " -o " + fleet.string());
  CHECK(r.status == 2);
  CHECK(r.err.find("xenplan: error: " + fleet.string() + "/rt-node-1 holds the input ") == 0);
  CHECK_FALSE(fs::exists(fleet / "edge-box"));
  CHECK(fs::exists(fleet / "rt-node-1/host.yaml"));
  // Inputs in DIR itself, beside the host directories, are not in the way; nor is standard input.
  fs::rename(fleet / "rt-node-1/host.yaml", fleet / "host.yaml");
  r = run_xenplan("build examples/small-debian12.xenplan " + (fleet / "host.yaml").string() + " -o " +
                  fleet.string());
  CHECK(r.status == 0);
  CHECK(fs::exists(fleet / "host.yaml"));
  CHECK(fs::exists(fleet / "rt-node-1/manifest.json"));
  r = run_xenplan("build --syntax yaml - -o " + (fleet / "stdin").string(), read_file(host));
  CHECK(r.status == 0);
  fs::remove_all(fleet);
  fs::remove_all(out);
}

TEST_CASE("import: no source or standard input is a usage error; a missing source exits 3") {
  const Run none = run_xenplan("import");
  CHECK(none.status == 2);
  CHECK(none.err.starts_with(
      "xenplan: `xenplan import` needs at least one source: an xl.cfg or cpupool file, a "
      "directory such as /etc/xen, GRUB defaults or an ifupdown file\n"));
  CHECK(run_xenplan("import -", "name = \"x\"\n").status == 2);
  CHECK(run_xenplan("check --lvs lvs.txt examples/rt-node.yaml")
            .err.starts_with(
                "xenplan: --host, --cpus, --memory, --xen and --lvs are options of `xenplan import`\n"));
  const Run missing = run_xenplan("import tests/import/corpus/domains/no-such.cfg");
  CHECK(missing.status == 3);
  CHECK(missing.out == "");
  CHECK(missing.err ==
        "tests/import/corpus/domains/no-such.cfg: error: cannot read the file: No such file or directory "
        "[XP0001]\n");
}

TEST_CASE("import: the description on standard output, or in -o FILE in the syntax of its extension") {
  const fs::path out =
      fs::temp_directory_path() / ("xenplan-import-" + std::to_string(::getpid()) + ".xenplan");
  const Run r = run_xenplan(
      "import --host h --cpus 16 --memory 64GiB --xen 4.17 tests/import/corpus/domains/pv-minimal.cfg -o '" +
      out.string() + "'");
  CHECK(r.status == 0);
  CHECK(r.out == "");
  CHECK(read_file(out).starts_with("xenplan 1\n\nhost h {\n"));
  fs::remove(out);
  const Run yaml = run_xenplan(
      "import --host h --cpus 16 --memory 64GiB --xen 4.17 tests/import/corpus/domains/pv-minimal.cfg");
  CHECK(yaml.out.starts_with("xenplan: 1\nhost:\n  name: h\n"));
}
