#include "cli/args.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/cpuset.h"
#include "base/units.h"
#include "cli/command_table.h"

namespace xenplan {
namespace {

bool valid_xen_version(const std::string& v) {
  const size_t dot = v.find('.');
  return dot != std::string::npos && dot > 0 && dot + 1 < v.size() && dot < 3 && v.size() - dot - 1 <= 2 &&
         v.find_first_not_of("0123456789.") == std::string::npos && v.find('.', dot + 1) == std::string::npos;
}

constexpr std::string_view kOptionsText = R"(
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
  --host NAME, --cpus N,      import: facts about the host the files do not hold (xl info has
  --memory SIZE, --xen X.Y    them); guessed, and said so, when not given
  --lvs FILE                  import: the output of `lvs --noheadings --units b --nosuffix -o
                              vg_name,lv_name,lv_size,devices`, to recognise volumes
  --color auto|always|never   colour diagnostics (auto: only on a terminal; NO_COLOR is honoured)
  --syntax yaml|xenplan       the syntax of standard input (`-`); import: of the description
  -h, --help                  show this help, or a command's help after it
  --version                   print xenplan's version

exit status:
  0   valid (warnings allowed)
  1   a description has errors (or, with --check, differs)
  2   usage error
  3   an input cannot be read, or an output cannot be written
  70  internal error
)";

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
  } else if (is("--host") || is("--xen") || is("--lvs")) {
    const std::string flag = a.substr(0, a.find('='));
    const auto v = value(flag);
    if (!v) return false;
    if (flag == "--xen" && !valid_xen_version(*v))
      error = fmt::format("--xen takes a Xen version such as 4.17, not `{}`", *v);
    (flag == "--host" ? o.host_name : flag == "--xen" ? o.xen_version : o.lvs) = *v;
  } else if (is("--cpus")) {
    const auto v = value("--cpus");
    if (!v) return false;
    if (v->empty() || v->size() > 5 || v->find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(*v) == 0 || std::stoul(*v) > kMaxCpuId + 1)
      error = fmt::format("--cpus takes the host's number of CPUs, not `{}`", *v);
    else
      o.host_cpus = static_cast<uint32_t>(std::stoul(*v));
  } else if (is("--memory")) {
    const auto v = value("--memory");
    if (!v) return false;
    const auto bytes = parse_memory_bytes(*v);
    if (!bytes.value || *bytes.value == 0)
      error = fmt::format("--memory takes the host's memory with its unit, such as 64GiB, not `{}`", *v);
    else
      o.host_memory = *bytes.value;
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
  if (o.command == "import") {
    if (o.files.empty())
      return "`xenplan import` needs at least one source: an xl.cfg or cpupool file, a directory such as "
             "/etc/xen, "
             "GRUB defaults or an ifupdown file";
    if (std::find(o.files.begin(), o.files.end(), "-") != o.files.end())
      return "`xenplan import` reads files and directories, not standard input";
    return "";
  }
  const bool import_option = o.host_name || o.host_cpus || o.host_memory || o.xen_version || o.lvs;
  if (import_option) return "--host, --cpus, --memory, --xen and --lvs are options of `xenplan import`";
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
      if (!find_command(a)) {
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
  std::string out = R"(usage: xenplan COMMAND [OPTIONS] FILE...

xenplan checks a declarative description of a Xen host (YAML or the xenplan language) and
compiles it into deployment artifacts.

commands:
)";
  for (const CommandInfo& c : command_table()) {
    for (const CommandUsage& u : c.usage) {
      // Summaries start in one column; a synopsis too long for it keeps two spaces before its own.
      const size_t width = std::max<size_t>(25, u.synopsis.size() + 2);
      out += fmt::format("  {:<{}}{}\n", u.synopsis, width, u.summary);
    }
  }
  return out.append(kOptionsText);
}

std::string command_help(const std::string& command) {
  const CommandInfo* c = find_command(command);
  return c ? std::string(c->help) : usage_text();
}

}  // namespace xenplan
