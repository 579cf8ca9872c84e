#include "format/comments.h"

#include <algorithm>
#include <cctype>

#include "base/units.h"

namespace xenplan {

CommentPlacer::CommentPlacer(const Tree& tree, const SourceFile& file)
    : file_(file), comments_(tree.comments()) {
  std::sort(comments_.begin(), comments_.end(), [](Span a, Span b) { return a.begin < b.begin; });
}

std::vector<std::string_view> CommentPlacer::leading(uint32_t offset) {
  std::vector<std::string_view> out;
  while (next_ < comments_.size() && comments_[next_].begin < offset)
    out.push_back(file_.slice(comments_[next_++]));
  return out;
}

std::string_view CommentPlacer::trailing(uint32_t offset) {
  if (next_ >= comments_.size()) return {};
  const Span c = comments_[next_];
  if (c.begin <= offset || file_.locate(c.begin).line != file_.locate(offset).line) return {};
  ++next_;
  return file_.slice(c);
}

bool CommentPlacer::inside(Span span) const {
  for (size_t i = next_; i < comments_.size() && comments_[i].begin < span.end; ++i) {
    if (comments_[i].begin >= span.begin) return true;
  }
  return false;
}

std::vector<std::string_view> CommentPlacer::rest() {
  return leading(UINT32_MAX);
}

std::string normalise_units(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return text;
  const bool memory = text.ends_with("iB");
  const auto parsed = memory ? parse_memory_bytes(text) : parse_time_us(text);
  if (!parsed.value) return text;
  return memory ? format_memory(*parsed.value) : format_time(*parsed.value);
}

}  // namespace xenplan
