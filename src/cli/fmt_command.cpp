// `xenplan fmt`: the canonical form of a description, in its own syntax or converted.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>

#include "base/render.h"
#include "cli/commands.h"
#include "format/printers.h"
#include "syntax/load.h"

namespace xenplan {
namespace {

// Keys the xenplan language can write: lower-case identifiers.
bool keys_fit_dsl(const Tree& tree, NodeId id, std::string& bad) {
  static const std::regex kKey("[a-z][a-z0-9_]*");
  const Node& n = tree.node(id);
  for (const Entry& e : n.entries) {
    if (!std::regex_match(e.key, kKey)) {
      bad = e.key;
      return false;
    }
    if (!keys_fit_dsl(tree, e.value, bad)) return false;
  }
  for (NodeId item : n.items) {
    if (!keys_fit_dsl(tree, item, bad)) return false;
  }
  return true;
}

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
    std::string bad_key;
    const Node& root = loaded.tree.node(loaded.tree.root());
    if (target == Syntax::Xenplan &&
        (root.kind != NodeKind::Mapping || root.entries.empty() || root.entries[0].key != "xenplan")) {
      std::cerr << fmt::format(
          "{}: error: the xenplan language needs the format version first: add `xenplan: 1` at "
          "the top\n",
          loaded.source->name());
      status = std::max(status, static_cast<int>(kExitInvalid));
      continue;
    }
    if (target == Syntax::Xenplan && !keys_fit_dsl(loaded.tree, loaded.tree.root(), bad_key)) {
      std::cerr << fmt::format(
          "{}: error: key `{}` cannot be written in the xenplan language, whose keys are "
          "lower-case words\n",
          loaded.source->name(), bad_key);
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
