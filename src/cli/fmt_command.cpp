// `xenplan fmt`: the canonical form of a description, in its own syntax or converted.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/render.h"
#include "cli/commands.h"
#include "format/printers.h"
#include "syntax/load.h"

namespace xenplan {
namespace {

// Replaces `path` with `content` atomically: a temporary file beside it, renamed over it.
bool write_in_place(const std::string& path, const std::string& content, std::string& error) {
  struct stat st {};
  const mode_t mode = ::stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0644;
  std::string temp = path + ".xenplan-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = fmt::format("cannot create a file next to {}", path);
    return false;
  }
  const bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
                  ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    error = fmt::format("cannot write {}", path);
    return false;
  }
  return true;
}

}  // namespace

int run_fmt(const Options& options) {
  const RenderOptions render{use_color(options.color)};
  int status = kExitOk;
  for (const std::string& path : options.files) {
    DiagnosticSink sink;
    const LoadedFile loaded = load_description(path, options.syntax ? &*options.syntax : nullptr, sink);
    std::cerr << render_diagnostics(sink.sorted(), render);
    if (!loaded.readable) {
      status = kExitUnreadable;
      continue;
    }
    if (!loaded.parsed) {
      status = std::max(status, static_cast<int>(kExitInvalid));
      continue;
    }
    Syntax own = Syntax::Yaml;
    if (options.syntax)
      own = *options.syntax;
    else
      syntax_for_path(path, own);
    const Syntax target = options.to.value_or(own);
    std::string why;
    if (target == Syntax::Xenplan && !expressible_in_dsl(loaded.tree, why)) {
      std::cerr << fmt::format("{}: error: {}\n", loaded.source->name(), why);
      status = std::max(status, static_cast<int>(kExitInvalid));
      continue;
    }
    // Conversion keeps every value as written; formatting also normalises units.
    const PrintOptions print{!options.to.has_value()};
    const std::string canonical = target == Syntax::Xenplan ? print_dsl(loaded.tree, *loaded.source, print)
                                                            : print_yaml(loaded.tree, *loaded.source, print);
    if (options.check_only) {
      if (canonical != loaded.source->text()) {
        std::cout << fmt::format("{}: not in canonical form; run `xenplan fmt --write {}`\n", path, path);
        status = std::max(status, static_cast<int>(kExitInvalid));
      }
    } else if (options.write) {
      std::string error;
      if (canonical != loaded.source->text() && !write_in_place(path, canonical, error)) {
        std::cerr << fmt::format("xenplan: error: {}\n", error);
        status = kExitUnreadable;
      }
    } else {
      std::cout << canonical;
    }
  }
  return status;
}

}  // namespace xenplan
