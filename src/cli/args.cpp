#include "cli/args.h"

#include <fmt/format.h>

namespace xenplan {
namespace {

const std::vector<std::string> kCommands = {"check", "analyze", "build", "fmt"};

bool known_command(const std::string& c) {
  for (const auto& k : kCommands) {
    if (k == c) return true;
  }
  return false;
}

}  // namespace

ParsedArgs parse_args(const std::vector<std::string>& args) {
  ParsedArgs out;
  Options& o = out.options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string_view flag) -> std::optional<std::string> {
      const std::string prefix = fmt::format("{}=", flag);
      if (a.starts_with(prefix)) return a.substr(prefix.size());
      if (i + 1 < args.size()) return args[++i];
      out.error = fmt::format("{} needs a value", flag);
      return std::nullopt;
    };
    if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (a == "--version") {
      o.version = true;
    } else if (a == "--color" || a.starts_with("--color=")) {
      const auto v = value("--color");
      if (!v) return out;
      if (*v == "auto")
        o.color = ColorMode::Auto;
      else if (*v == "always")
        o.color = ColorMode::Always;
      else if (*v == "never")
        o.color = ColorMode::Never;
      else {
        out.error = fmt::format("--color takes auto, always or never, not `{}`", *v);
        return out;
      }
    } else if (a == "-o" || a == "--output" || a.starts_with("--output=")) {
      const auto v = value(a == "-o" ? "-o" : "--output");
      if (!v) return out;
      o.output = *v;
    } else if (a == "--write") {
      o.write = true;
    } else if (a == "--check") {
      o.check_only = true;
    } else if (a == "--to" || a.starts_with("--to=")) {
      const auto v = value("--to");
      if (!v) return out;
      if (*v == "yaml")
        o.to = Syntax::Yaml;
      else if (*v == "dsl" || *v == "xenplan")
        o.to = Syntax::Xenplan;
      else {
        out.error = fmt::format("--to takes dsl or yaml, not `{}`", *v);
        return out;
      }
    } else if (a == "--force") {
      o.force = true;
    } else if (a == "--allow-unknown") {
      o.allow_unknown = true;
    } else if (a == "--format" || a.starts_with("--format=")) {
      const auto v = value("--format");
      if (!v) return out;
      if (*v == "text")
        o.format = OutputFormat::Text;
      else if (*v == "json")
        o.format = OutputFormat::Json;
      else {
        out.error = fmt::format("--format takes text or json, not `{}`", *v);
        return out;
      }
    } else if (a == "--syntax" || a.starts_with("--syntax=")) {
      const auto v = value("--syntax");
      if (!v) return out;
      if (*v == "yaml")
        o.syntax = Syntax::Yaml;
      else if (*v == "xenplan")
        o.syntax = Syntax::Xenplan;
      else {
        out.error = fmt::format("--syntax takes yaml or xenplan, not `{}`", *v);
        return out;
      }
    } else if (a.size() > 1 && a[0] == '-') {
      out.error = fmt::format("unknown option `{}`", a);
      return out;
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
  if (o.help || o.version) return out;
  if (o.command.empty()) {
    out.error = "no command given";
  } else if (o.files.empty()) {
    out.error = fmt::format("`xenplan {}` needs at least one description file", o.command);
  } else if (o.command == "build" && o.output.empty()) {
    out.error = "`xenplan build` needs an output directory: -o DIR";
  } else if (o.command == "build" && o.files.size() != 1) {
    out.error = "`xenplan build` takes exactly one description file";
  } else if (o.command == "fmt" && o.to && (o.write || o.check_only)) {
    out.error = "`xenplan fmt --to` prints the converted file; it does not take --write or --check";
  } else if (o.command == "fmt" && !o.write && !o.check_only && o.files.size() != 1) {
    out.error = "`xenplan fmt` prints one file; give --write or --check to format several";
  } else if (o.command == "analyze" && o.files.size() != 1) {
    out.error = "`xenplan analyze` takes exactly one description file";
  } else {
    for (const auto& f : o.files) {
      if (f == "-" && !o.syntax) out.error = "reading standard input (`-`) needs --syntax yaml|xenplan";
    }
  }
  return out;
}

std::string usage_text() {
  return R"(usage: xenplan COMMAND [OPTIONS] FILE...

xenplan checks a declarative description of a Xen host (YAML) and compiles it into
deployment artifacts.

commands:
  check FILE...     read, validate and analyse descriptions; write nothing
  analyze FILE      print the schedulability report of every pool
  build FILE -o DIR compile a description into deployment artifacts in DIR
  fmt FILE...       print (or --write, or --check) the canonical form; --to dsl|yaml converts

options:
  --allow-unknown             a real-time pool no test proves is a warning, not an error
  --format text|json          the report's format (analyze)
  -o, --output DIR            where build writes (created or replaced atomically)
  --force                     build: replace DIR even when it holds something else
  --write, --check            fmt: rewrite files in place / exit 1 when one is not formatted
  --to dsl|yaml               fmt: print the file converted to the other syntax
  --color auto|always|never   colour diagnostics (auto: only on a terminal; NO_COLOR is honoured)
  --syntax yaml|xenplan       the syntax of standard input (`-`)
  -h, --help                  show this help, or a command's help after it
  --version                   print xenplan's version

exit status:
  0   valid (warnings allowed)
  1   the description has errors
  2   usage error
  3   an input cannot be read, or an output cannot be written
  70  internal error
)";
}

std::string command_help(const std::string& command) {
  if (command == "check") {
    return R"(usage: xenplan check [--allow-unknown] [--color WHEN] [--syntax yaml|xenplan] FILE...

Reads each description, reports every problem at its file:line:col, proves every RTDS and null
pool schedulable, prints a summary of the host it describes, and writes nothing. A pool that is
unschedulable is an error; one that no sound test proves is an error too, unless
--allow-unknown. All files are checked; the exit status covers them all: 0 valid, 1 errors,
2 usage error, 3 unreadable input.
)";
  }
  if (command == "build") {
    return R"(usage: xenplan build [--allow-unknown] [--force] FILE -o DIR

Checks the description like `check`, and when it has no error writes the artifacts that deploy
the host into DIR, mirroring their install paths (DIR/etc/xen/..., DIR/usr/local/sbin/...), plus
DIR/manifest.json. Nothing is written when a check fails. DIR is replaced atomically: it ends up
either as it was or holding exactly the new files. A non-empty DIR that is not an earlier xenplan
output is refused unless --force. Exit status: 0 written, 1 errors, 2 usage, 3 DIR unwritable.
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
  if (command == "analyze") {
    return R"(usage: xenplan analyze [--format text|json] [--allow-unknown] FILE

Prints the schedulability report of every pool: its vCPUs, utilization, verdict (schedulable,
unschedulable, unknown, not-real-time), the test that decided it, why, and what to change.
The report goes to standard output, diagnostics to standard error. Exit status as for check.
)";
  }
  return usage_text();
}

}  // namespace xenplan
