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

  // Every comment not yet printed that starts before `offset`, in order.
  std::vector<std::string_view> leading(uint32_t offset);
  // The comment that follows `offset` on the same source line, if it was not printed yet.
  std::string_view trailing(uint32_t offset);
  // Whether an unprinted comment lies inside `span` (then it cannot be printed on one line).
  bool inside(Span span) const;
  std::vector<std::string_view> rest();

 private:
  const SourceFile& file_;
  std::vector<Span> comments_;
  size_t next_ = 0;
};

// A size or time written in a larger exact unit ("1024MiB" → "1GiB"); other text unchanged.
std::string normalise_units(const std::string& text);

}  // namespace xenplan
