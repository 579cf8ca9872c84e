// Places the comments of a source file while a printer walks its tree: each comment goes either
// before the entry it precedes (leading) or after the entry on its own line (trailing).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/source.h"
#include "syntax/tree.h"

namespace xenplan {

class CommentPlacer {
 public:
  CommentPlacer(const Tree& tree, const SourceFile& file);

  // Writes every comment not yet printed that starts before `offset`, a line each at `indent`.
  void write_leading(std::string& out, uint32_t offset, int indent);
  // Ends the line just written: with the comment that follows `offset` on the same source line,
  // if it was not printed yet.
  void write_trailing(std::string& out, uint32_t offset);
  // Writes the comments left at the end of the file.
  void write_rest(std::string& out);
  // Whether an unprinted comment lies inside `span` (then it cannot be printed on one line).
  bool inside(Span span) const;

 private:
  const SourceFile& file_;
  std::vector<Span> comments_;
  size_t next_ = 0;
};

// A size or time written in a larger exact unit ("1024MiB" → "1GiB"); other text unchanged.
std::string normalise_units(const std::string& text);

}  // namespace xenplan
