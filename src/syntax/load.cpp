#include "syntax/load.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "base/utf8.h"
#include "syntax/dsl_reader.h"
#include "syntax/limits.h"
#include "syntax/yaml_reader.h"

namespace xenplan {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads all of `in`, refusing more than kMaxInputBytes.
bool read_stream(std::istream& in, std::string& out, bool& too_large) {
  std::ostringstream buffer;
  char chunk[65536];
  size_t total = 0;
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    total += static_cast<size_t>(in.gcount());
    if (total > kMaxInputBytes) {
      too_large = true;
      return false;
    }
    buffer.write(chunk, in.gcount());
  }
  out = buffer.str();
  return !in.bad();
}

}  // namespace

bool syntax_for_path(const std::string& path, Syntax& out) {
  if (ends_with(path, ".yaml") || ends_with(path, ".yml")) {
    out = Syntax::Yaml;
    return true;
  }
  if (ends_with(path, ".xenplan")) {
    out = Syntax::Xenplan;
    return true;
  }
  return false;
}

// YAML forbids tabs in indentation; yaml-cpp's own error for it is cryptic.
size_t tab_indentation(const std::string& text) {
  bool at_line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      at_line_start = true;
    } else if (at_line_start && text[i] == '\t') {
      return i;
    } else if (text[i] != ' ') {
      at_line_start = false;
    }
  }
  return std::string::npos;
}

LoadedFile load_text(std::string name, std::string text, Syntax syntax, DiagnosticSink& sink) {
  LoadedFile loaded;
  loaded.readable = true;
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a UTF-8 byte-order mark says nothing more
  loaded.source = std::make_unique<SourceFile>(std::move(name), std::move(text));
  const SourceFile& file = *loaded.source;
  if (const size_t nul = file.text().find('\0'); nul != std::string::npos) {
    const auto at = static_cast<uint32_t>(nul);
    sink.error(Code::SyntaxError, {&file, {at, at + 1}}, "the file contains a NUL byte")
        .help("descriptions are text files; check that the right file was given");
    return loaded;
  }
  if (const size_t bad = first_invalid_utf8(file.text()); bad != std::string::npos) {
    const auto at = static_cast<uint32_t>(bad);
    sink.error(Code::SyntaxError, {&file, {at, at + 1}}, "the file is not valid UTF-8")
        .help("save the description as UTF-8 text");
    return loaded;
  }
  if (const size_t tab = tab_indentation(file.text()); syntax == Syntax::Yaml && tab != std::string::npos) {
    const auto at = static_cast<uint32_t>(tab);
    sink.error(Code::SyntaxError, {&file, {at, at + 1}},
               "a tab indents this line, and YAML allows only spaces")
        .help("indent with spaces");
    return loaded;
  }
  const bool read =
      syntax == Syntax::Xenplan ? read_dsl(file, loaded.tree, sink) : read_yaml(file, loaded.tree, sink);
  loaded.parsed = read && loaded.tree.has_root();
  if (!loaded.tree.has_root() && !sink.has_errors()) {
    sink.error(Code::FormatVersion, Location::whole(&file), "the description is empty")
        .help("a description starts with `xenplan: 1`, then `host:`, `pools:` and `domains:`");
  }
  return loaded;
}

LoadedFile load_description(const std::string& path, const Syntax* syntax, DiagnosticSink& sink) {
  Syntax chosen = Syntax::Yaml;
  if (syntax) {
    chosen = *syntax;
  } else if (!syntax_for_path(path, chosen)) {
    LoadedFile failed;
    failed.source = std::make_unique<SourceFile>(path, "");
    sink.error(Code::InputUnreadable, Location::whole(failed.source.get()),
               "cannot tell the syntax of this file from its name")
        .help("name it *.yaml, *.yml or *.xenplan, or pass --syntax yaml|xenplan");
    return failed;
  }
  std::string text;
  bool too_large = false;
  bool ok = false;
  std::string reason;
  if (path == "-") {
    ok = read_stream(std::cin, text, too_large);
    reason = "standard input could not be read";
  } else {
    struct stat st {};
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      reason = "it is a directory, not a file";
    } else {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        reason = std::strerror(errno);
      } else {
        ok = read_stream(in, text, too_large);
        if (!ok) reason = "read error";
      }
    }
  }
  if (!ok) {
    LoadedFile failed;
    failed.source = std::make_unique<SourceFile>(path == "-" ? "<stdin>" : path, "");
    if (too_large) {
      failed.readable = true;
      sink.error(Code::InputLimit, Location::whole(failed.source.get()),
                 fmt::format("the file is larger than {} MiB", kMaxInputBytes / (1024 * 1024)));
    } else {
      sink.error(Code::InputUnreadable, Location::whole(failed.source.get()),
                 fmt::format("cannot read the file: {}", reason));
    }
    return failed;
  }
  return load_text(path == "-" ? "<stdin>" : path, std::move(text), chosen, sink);
}

}  // namespace xenplan
