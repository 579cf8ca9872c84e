#include "cli/command_table.h"

#include <array>

#include "cli/commands.h"

namespace xenplan {
namespace {

constexpr std::array kCheckUsage = {
    CommandUsage{"check FILE...", "read, validate and analyse descriptions; write nothing"}};
constexpr std::array kAnalyzeUsage = {
    CommandUsage{"analyze FILE", "print the schedulability report of every pool"}};
constexpr std::array kBuildUsage = {
    CommandUsage{"build FILE... -o DIR", "compile descriptions into deployment artifacts in DIR"},
    CommandUsage{"build FILE... --check DIR", "exit 1 when building would change the artifacts in DIR"}};
constexpr std::array kFmtUsage = {
    CommandUsage{"fmt FILE...", "print (or --write, or --check) the canonical form; --to dsl|yaml converts"}};
constexpr std::array kImportUsage = {
    CommandUsage{"import SOURCES... [-o FILE]",
                 "describe an existing host from its xl.cfg, cpupool, GRUB and ifupdown files"}};
constexpr std::array kExplainUsage = {
    CommandUsage{"explain [CODE]", "what a diagnostic code means, why it matters, and an example fix"}};

constexpr std::string_view kCheckHelp =
    R"(usage: xenplan check [--format F] [--werror] [--error-limit N] [--allow-unknown] FILE...

Reads each description, reports every problem at its file:line:col, proves every RTDS and null
pool schedulable, prints a summary of each host, and writes nothing. A pool that is unschedulable
is an error; one that no sound test proves is an error too, unless --allow-unknown. All files are
checked; the exit status covers them all: 0 valid, 1 errors, 2 usage error, 3 unreadable input.
With --format json|sarif|github the diagnostics go to standard output and nothing else does.
)";

constexpr std::string_view kAnalyzeHelp =
    R"(usage: xenplan analyze [--format text|json] [--allow-unknown] FILE

Prints the schedulability report of every pool: its vCPUs, utilization, verdict (schedulable,
unschedulable, unknown, not-real-time), the test that decided it, why, and what to change.
The report goes to standard output, diagnostics to standard error. Exit status as for check.
)";

constexpr std::string_view kBuildHelp =
    R"(usage: xenplan build [--format F] [--allow-unknown] [--force] FILE... (-o DIR | --check DIR)

Checks the descriptions like `check`, and when none has an error writes the artifacts that deploy
each host into DIR (with several files: DIR/<host name>/), mirroring their install paths
(DIR/etc/xen/..., DIR/usr/local/sbin/...), plus manifest.json. Nothing is written when a check
fails. DIR is replaced atomically: it ends up either as it was or holding exactly the new files.
A non-empty DIR that is not an earlier xenplan output is refused unless --force.
--check DIR writes nothing: it exits 1 and lists the files that differ when building would change
the artifacts in DIR (for repositories that keep generated files under review).
Exit status: 0 written (or up to date), 1 errors or differences, 2 usage, 3 DIR unwritable.
)";

constexpr std::string_view kFmtHelp = R"(usage: xenplan fmt [--write | --check | --to dsl|yaml] FILE...

Prints the canonical form of a description in its own syntax (.xenplan or .yaml): two-space
indentation, one setting per line, short blocks and lists on one line, sizes and times in their
largest exact unit (1024MiB becomes 1GiB), the author's order and comments kept.
  --write       rewrite each file in place (atomically) when it is not canonical
  --check       change nothing; exit 1 and name each file that is not canonical
  --to dsl      print a YAML description in the xenplan language; --to yaml the reverse.
                Converting there and back gives the same description and the same artifacts.
Exit status: 0 done, 1 a file does not parse or (--check) is not canonical, 2 usage, 3 unreadable.
)";

constexpr std::string_view kImportHelp =
    R"(usage: xenplan import [--syntax yaml|xenplan] [-o FILE] [--host NAME] [--cpus N] [--memory SIZE]
                      [--xen X.Y] [--lvs FILE] SOURCES...

Writes a description of an existing host, in canonical form, from the files it runs on. SOURCES are
xl.cfg files of domains, cpupool files, GRUB defaults (/etc/default/grub, grub.d/*.cfg: the Xen
command line gives host.xen and dom0), ifupdown files (their bridges), and directories such as
/etc/xen (every *.cfg; auto/ says which domains start at boot), /etc/default or /etc/network.
xl.cfg files are read as Xen 4.17's xl reads them; a value xl itself rejects is an error.
  --syntax S     print YAML (default, or by -o's extension) or the xenplan language
  -o FILE        write the description to FILE instead of standard output
  --host, --cpus, --memory, --xen   the host's name, CPU count, memory and Xen version (xl info
                 has them); without them they are guessed, and the summary says so
  --lvs FILE     lvs --noheadings --units b --nosuffix -o vg_name,lv_name,lv_size,devices output:
                 a disk on /dev/VG/<domain>-<vdev> becomes a `volume` of that group
Every key of every input is mapped, passed through `xl:`, or reported: standard error gets one line
per finding (dropped, guessed, defaulted, rewritten, ignored) and the description a comment at it.
The result is checked as `xenplan check` would; what would not pass is reported after the summary.
Exit status: 0 imported, 1 xl rejects a source (nothing written) or the description does not pass
check (written), 2 usage, 3 a source cannot be read.
)";

constexpr std::string_view kExplainHelp = R"(usage: xenplan explain [CODE]

Prints what a diagnostic code (such as XP0101) means, why it matters on a Xen host, and an example
fix. Without a code, lists every code.
)";

constexpr std::array kCommands = {
    CommandInfo{"check", kCheckUsage, run_check, kCheckHelp},
    CommandInfo{"analyze", kAnalyzeUsage, run_analyze, kAnalyzeHelp},
    CommandInfo{"build", kBuildUsage, run_build, kBuildHelp},
    CommandInfo{"fmt", kFmtUsage, run_fmt, kFmtHelp},
    CommandInfo{"import", kImportUsage, run_import, kImportHelp},
    CommandInfo{"explain", kExplainUsage, run_explain, kExplainHelp},
};

}  // namespace

std::span<const CommandInfo> command_table() {
  return kCommands;
}

const CommandInfo* find_command(std::string_view name) {
  for (const CommandInfo& c : kCommands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace xenplan
