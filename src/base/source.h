// A description file held in memory, and byte spans into it.
// Positions are byte offsets internally; they become 1-based line:column only when printed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xenplan {

// Half-open byte range [begin, end) in one SourceFile.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct LineCol {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in bytes
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  std::string_view slice(Span span) const;

  LineCol locate(uint32_t offset) const;
  // The text of a 1-based line, without its line terminator.
  std::string_view line_text(uint32_t line) const;
  // Byte offset of a 0-based line and byte column (yaml-cpp marks), clamped to the text.
  uint32_t offset_of(uint32_t line0, uint32_t column0) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace xenplan
