#include "format/comments.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "base/units.h"

namespace xenplan {

CommentPlacer::CommentPlacer(const Tree& tree, const SourceFile& file)
    : file_(file), comments_(tree.comments()) {
  std::sort(comments_.begin(), comments_.end(), [](Span a, Span b) { return a.begin < b.begin; });
}

void CommentPlacer::write_leading(std::string& out, uint32_t offset, int indent) {
  while (next_ < comments_.size() && comments_[next_].begin < offset)
    out += fmt::format("{:{}}{}\n", "", indent, file_.slice(comments_[next_++]));
}

void CommentPlacer::write_trailing(std::string& out, uint32_t offset) {
  const bool same_line = next_ < comments_.size() && comments_[next_].begin > offset &&
                         file_.locate(comments_[next_].begin).line == file_.locate(offset).line;
  out += same_line ? fmt::format("  {}\n", file_.slice(comments_[next_++])) : "\n";
}

bool CommentPlacer::inside(Span span) const {
  for (size_t i = next_; i < comments_.size() && comments_[i].begin < span.end; ++i) {
    if (comments_[i].begin >= span.begin) return true;
  }
  return false;
}

void CommentPlacer::write_rest(std::string& out) {
  write_leading(out, UINT32_MAX, 0);
}

std::string normalise_units(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return text;
  const bool memory = text.ends_with("iB");
  const auto parsed = memory ? parse_memory_bytes(text) : parse_time_us(text);
  if (!parsed.value) return text;
  return memory ? format_memory(*parsed.value) : format_time(*parsed.value);
}

}  // namespace xenplan
