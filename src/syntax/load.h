// Loading a description: read the file (or standard input), pick the front end, build the tree.
#pragma once

#include <memory>
#include <string>

#include "base/diagnostic.h"
#include "syntax/tree.h"

namespace xenplan {

enum class Syntax { Yaml, Xenplan };

struct LoadedFile {
  std::unique_ptr<SourceFile> source;  // owned here; diagnostics point into it
  Tree tree;
  bool readable = false;  // false: the file could not be read at all (exit status 3)
  bool parsed = false;    // true: a tree with a root exists
};

// The syntax a path implies by its extension; false when the extension is not known.
bool syntax_for_path(const std::string& path, Syntax& out);

// Reads `path` ("-" is standard input, which needs `syntax`) and parses it.
[[nodiscard]] LoadedFile load_description(const std::string& path, const Syntax* syntax,
                                          DiagnosticSink& sink);

// Parses text already in memory (tests, fuzzing).
[[nodiscard]] LoadedFile load_text(std::string name, std::string text, Syntax syntax, DiagnosticSink& sink);

}  // namespace xenplan
