// `xenplan import SOURCES...`: a description of a host from its existing xl.cfg, cpupool, GRUB
// and ifupdown files, in canonical form, with a summary of what did not map exactly. The result
// is then checked as `xenplan check` would, so what cannot deploy as it is is said at once.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "base/render.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "import/import.h"
#include "import/load_sources.h"

namespace xenplan {
namespace {

// Writes `content` to `path` through a temporary file beside it, renamed into place.
bool write_file(const std::string& path, const std::string& content) {
  std::string temp = path + ".xenplan-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return false;
  const bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
                  ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

// The syntax to print: --syntax, else the extension of -o FILE, else YAML.
Syntax output_syntax(const Options& options) {
  if (options.syntax) return *options.syntax;
  Syntax s = Syntax::Yaml;
  if (!options.output.empty()) syntax_for_path(options.output, s);
  return s;
}

}  // namespace

int run_import(const Options& options) {
  const RenderOptions render{use_color(options.color)};
  const ImportInputs inputs{options.files,
                            options.lvs,
                            {options.host_name, options.host_cpus, options.host_memory, options.xen_version}};
  DiagnosticSink sink;
  const LoadedSources loaded = load_import_sources(inputs, sink);  // owns every source text
  const ImportResult result = import_description(loaded.sources, sink);
  std::cerr << render_diagnostics(sink.sorted(), render);
  if (!loaded.readable) return kExitUnreadable;
  if (sink.has_errors()) {
    std::cerr << fmt::format("xenplan import: {}; nothing written\n", render_summary(sink.error_count(), 0));
    return kExitInvalid;
  }
  const Syntax syntax = output_syntax(options);
  const std::string text = print_imported(result.yaml, syntax);
  const size_t files = loaded.sources.domains.size() + loaded.sources.pools.size() +
                       loaded.sources.grub.size() + loaded.sources.interfaces.size();
  std::cerr << render_import_summary(result.report, files, result.domains, result.pools);

  // The description as `xenplan check` sees it, named as it is written.
  const std::string name = options.output.empty() ? "<import>" : options.output;
  DiagnosticSink check;
  const CompiledDescription compiled = compile_text(name, text, syntax, {}, check);
  if (check.has_errors() || check.warning_count() > 0) {
    std::cerr << (check.has_errors()
                      ? "xenplan import: the imported description does not pass `xenplan check` as it is:\n"
                      : "xenplan import: `xenplan check` warns about the imported description:\n")
              << render_diagnostics(check.sorted(), render);
  }
  if (options.output.empty()) {
    std::cout << text;
  } else if (!write_file(options.output, text)) {
    std::cerr << fmt::format("xenplan: error: cannot write {}\n", options.output);
    return kExitUnreadable;
  }
  return check.has_errors() ? kExitInvalid : kExitOk;
}

}  // namespace xenplan
