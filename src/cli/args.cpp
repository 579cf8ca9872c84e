#include "cli/args.h"

#include <fmt/format.h>

namespace xenplan {
namespace {

const std::vector<std::string> kCommands = {"check", "analyze", "build", "fmt", "explain"};

bool known_command(const std::string& c) {
  for (const auto& k : kCommands) {
    if (k == c) return true;
  }
  return false;
}

// Parses one option at args[i] (advancing i past its value). Returns false on a usage error.
bool parse_option(const std::vector<std::string>& args, size_t& i, Options& o, std::string& error) {
  const std::string& a = args[i];
  auto value = [&](std::string_view flag) -> std::optional<std::string> {
    const std::string prefix = fmt::format("{}=", flag);
    if (a.starts_with(prefix)) return a.substr(prefix.size());
    if (i + 1 < args.size()) return args[++i];
    error = fmt::format("{} needs a value", flag);
    return std::nullopt;
  };
  auto is = [&](std::string_view flag) { return a == flag || a.starts_with(fmt::format("{}=", flag)); };
  if (a == "--help" || a == "-h") {
    o.help = true;
  } else if (a == "--version") {
    o.version = true;
  } else if (a == "--allow-unknown") {
    o.allow_unknown = true;
  } else if (a == "--werror") {
    o.werror = true;
  } else if (a == "--force") {
    o.force = true;
  } else if (a == "--write") {
    o.write = true;
  } else if (a == "--check" && o.command == "build") {
    const auto v = value("--check");
    if (!v) return false;
    o.drift_dir = *v;
  } else if (a == "--check") {
    o.check_only = true;
  } else if (a == "-o" || is("--output")) {
    const auto v = value(a == "-o" ? "-o" : "--output");
    if (!v) return false;
    o.output = *v;
  } else if (is("--color")) {
    const auto v = value("--color");
    if (!v) return false;
    if (*v == "auto")
      o.color = ColorMode::Auto;
    else if (*v == "always")
      o.color = ColorMode::Always;
    else if (*v == "never")
      o.color = ColorMode::Never;
    else
      error = fmt::format("--color takes auto, always or never, not `{}`", *v);
  } else if (is("--syntax")) {
    const auto v = value("--syntax");
    if (!v) return false;
    if (*v == "yaml")
      o.syntax = Syntax::Yaml;
    else if (*v == "xenplan")
      o.syntax = Syntax::Xenplan;
    else
      error = fmt::format("--syntax takes yaml or xenplan, not `{}`", *v);
  } else if (is("--to")) {
    const auto v = value("--to");
    if (!v) return false;
    if (*v == "yaml")
      o.to = Syntax::Yaml;
    else if (*v == "dsl" || *v == "xenplan")
      o.to = Syntax::Xenplan;
    else
      error = fmt::format("--to takes dsl or yaml, not `{}`", *v);
  } else if (is("--format")) {
    const auto v = value("--format");
    if (!v) return false;
    if (*v == "text")
      o.format = OutputFormat::Text;
    else if (*v == "json")
      o.format = OutputFormat::Json;
    else if (*v == "sarif")
      o.format = OutputFormat::Sarif;
    else if (*v == "github")
      o.format = OutputFormat::Github;
    else
      error = fmt::format("--format takes text, json, sarif or github, not `{}`", *v);
  } else if (is("--error-limit")) {
    const auto v = value("--error-limit");
    if (!v) return false;
    if (v->empty() || v->size() > 9 || v->find_first_not_of("0123456789") != std::string::npos) {
      error = fmt::format("--error-limit takes a whole number, not `{}`", *v);
    } else {
      o.error_limit = std::stoul(*v);
    }
  } else {
    error = fmt::format("unknown option `{}`", a);
  }
  return error.empty();
}

// Rules between options and commands, once everything is read.
std::string check_combination(const Options& o) {
  if (o.command.empty()) return "no command given";
  if (o.command == "explain")
    return o.files.size() > 1 ? "`xenplan explain` takes one code, such as XP0101" : "";
  if (o.files.empty()) return fmt::format("`xenplan {}` needs at least one description file", o.command);
  for (const auto& f : o.files) {
    if (f == "-" && !o.syntax) return "reading standard input (`-`) needs --syntax yaml|xenplan";
  }
  const bool machine = o.format == OutputFormat::Sarif || o.format == OutputFormat::Github;
  if (o.command == "build") {
    if (o.output.empty() && o.drift_dir.empty())
      return "`xenplan build` needs an output directory: -o DIR (or --check DIR)";
    if (!o.output.empty() && !o.drift_dir.empty())
      return "`xenplan build` takes -o DIR or --check DIR, not both";
  }
  if (o.command == "analyze" && o.files.size() != 1)
    return "`xenplan analyze` takes exactly one description file";
  if (o.command == "analyze" && machine) return "`xenplan analyze` prints its report as text or json";
  if (o.command == "fmt") {
    if (o.to && (o.write || o.check_only)) {
      return "`xenplan fmt --to` prints the converted file; it does not take --write or --check";
    }
    if (!o.write && !o.check_only && o.files.size() != 1) {
      return "`xenplan fmt` prints one file; give --write or --check to format several";
    }
  }
  return "";
}

}  // namespace

ParsedArgs parse_args(const std::vector<std::string>& args) {
  ParsedArgs out;
  Options& o = out.options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() > 1 && a[0] == '-') {
      if (!parse_option(args, i, o, out.error)) return out;
    } else if (o.command.empty()) {
      if (!known_command(a)) {
        out.error = fmt::format("unknown command `{}`", a);
        return out;
      }
      o.command = a;
    } else {
      o.files.push_back(a);
    }
  }
  if (!o.help && !o.version) out.error = check_combination(o);
  return out;
}

std::string usage_text() {
  return R"(usage: xenplan COMMAND [OPTIONS] FILE...

xenplan checks a declarative description of a Xen host (YAML or the xenplan language) and
compiles it into deployment artifacts.

commands:
  check FILE...            read, validate and analyse descriptions; write nothing
  analyze FILE             print the schedulability report of every pool
  build FILE... -o DIR     compile descriptions into deployment artifacts in DIR
  build FILE... --check DIR  exit 1 when building would change the artifacts in DIR
  fmt FILE...              print (or --write, or --check) the canonical form; --to dsl|yaml converts
  explain [CODE]           what a diagnostic code means, why it matters, and an example fix

options:
  --format FORMAT             check, build: diagnostics as text (standard error), or as json,
                              sarif or github (standard output); analyze: the report as text or json
  --werror                    warnings count as errors
  --error-limit N             show at most N errors
  --allow-unknown             a real-time pool no test proves is a warning, not an error
  -o, --output DIR            where build writes (created or replaced atomically); with several
                              files, DIR/<host name>/ for each
  --force                     build: replace DIR even when it holds something else
  --write, --check            fmt: rewrite files in place / exit 1 when one is not formatted
  --to dsl|yaml               fmt: print the file converted to the other syntax
  --color auto|always|never   colour diagnostics (auto: only on a terminal; NO_COLOR is honoured)
  --syntax yaml|xenplan       the syntax of standard input (`-`)
  -h, --help                  show this help, or a command's help after it
  --version                   print xenplan's version

exit status:
  0   valid (warnings allowed)
  1   a description has errors (or, with --check, differs)
  2   usage error
  3   an input cannot be read, or an output cannot be written
  70  internal error
)";
}

std::string command_help(const std::string& command) {
  if (command == "check") {
    return R"(usage: xenplan check [--format F] [--werror] [--error-limit N] [--allow-unknown] FILE...

Reads each description, reports every problem at its file:line:col, proves every RTDS and null
pool schedulable, prints a summary of each host, and writes nothing. A pool that is unschedulable
is an error; one that no sound test proves is an error too, unless --allow-unknown. All files are
checked; the exit status covers them all: 0 valid, 1 errors, 2 usage error, 3 unreadable input.
With --format json|sarif|github the diagnostics go to standard output and nothing else does.
)";
  }
  if (command == "analyze") {
    return R"(usage: xenplan analyze [--format text|json] [--allow-unknown] FILE

Prints the schedulability report of every pool: its vCPUs, utilization, verdict (schedulable,
unschedulable, unknown, not-real-time), the test that decided it, why, and what to change.
The report goes to standard output, diagnostics to standard error. Exit status as for check.
)";
  }
  if (command == "build") {
    return R"(usage: xenplan build [--format F] [--allow-unknown] [--force] FILE... (-o DIR | --check DIR)

Checks the descriptions like `check`, and when none has an error writes the artifacts that deploy
each host into DIR (with several files: DIR/<host name>/), mirroring their install paths
(DIR/etc/xen/..., DIR/usr/local/sbin/...), plus manifest.json. Nothing is written when a check
fails. DIR is replaced atomically, and flushed to disk first: it ends up, even after a crash,
either as it was or holding exactly the new files. A later build removes what a killed one left.
Refused before anything is written (with several files, for each DIR/<host name>/):
  a non-empty DIR that is not an earlier xenplan output, unless --force           (exit 2)
  a DIR that is, or holds, one of the description files, even with --force       (exit 2)
  `.`, `..` or `/` as DIR: give it by its name                                    (exit 2)
  a DIR that is a symbolic link (`link`, `link/` alike), or not a directory       (exit 3)
--check DIR writes nothing: it exits 1 and lists the files that differ when building would change
the artifacts in DIR (for repositories that keep generated files under review).
Exit status: 0 written (or up to date), 1 errors or differences, 2 usage or DIR refused,
3 DIR cannot be written.
)";
  }
  if (command == "fmt") {
    return R"(usage: xenplan fmt [--write | --check | --to dsl|yaml] FILE...

Prints the canonical form of a description in its own syntax (.xenplan or .yaml): two-space
indentation, one setting per line, short blocks and lists on one line, sizes and times in their
largest exact unit (1024MiB becomes 1GiB), the author's order and comments kept.
  --write       rewrite each file in place (atomically) when it is not canonical
  --check       change nothing; exit 1 and name each file that is not canonical
  --to dsl      print a YAML description in the xenplan language; --to yaml the reverse.
                Converting there and back gives the same description and the same artifacts.
Exit status: 0 done, 1 a file does not parse or (--check) is not canonical, 2 usage, 3 unreadable.
)";
  }
  if (command == "explain") {
    return R"(usage: xenplan explain [CODE]

Prints what a diagnostic code (such as XP0101) means, why it matters on a Xen host, and an example
fix. Without a code, lists every code.
)";
  }
  return usage_text();
}

}  // namespace xenplan
