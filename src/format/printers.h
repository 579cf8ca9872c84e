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

// Whether `key` holds a size or a time, whose unit the printers may normalise.
bool is_quantity_key(std::string_view key);

}  // namespace xenplan
