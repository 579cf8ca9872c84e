// Printers of the syntax tree: the canonical form of a description in either syntax, comments
// kept. `fmt` prints a file in its own syntax; `fmt --to` prints it in the other one.
#pragma once

#include <string>

#include "base/source.h"
#include "syntax/tree.h"

namespace xenplan {

struct PrintOptions {
  bool normalise = true;  // write sizes and times in their largest exact unit
};

std::string print_dsl(const Tree& tree, const SourceFile& file, const PrintOptions& options);
std::string print_yaml(const Tree& tree, const SourceFile& file, const PrintOptions& options);

// Whether the xenplan language can hold this tree: a mapping that starts with a numeric
// `xenplan` version, and keys that are lower-case words. Otherwise `why` says what is missing.
bool expressible_in_dsl(const Tree& tree, std::string& why);

// Whether `key` holds a size or a time, whose unit the printers may normalise.
bool is_quantity_key(std::string_view key);

}  // namespace xenplan
