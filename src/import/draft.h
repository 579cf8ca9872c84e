// The description an import writes, built as a small tree of mappings, lists and scalars, each
// with the comment lines that go before it, and rendered as YAML text. The formatter then reads
// that text back and prints it canonically, in either syntax (import/import.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xenplan {

class Draft {
 public:
  enum class Kind { Map, List, Word, Text };

  static Draft map();
  static Draft list();
  static Draft word(std::string w);  // written bare: a number, a size, a word such as hvm or true
  static Draft number(uint64_t n);
  static Draft text(std::string s);  // a string: bare when YAML reads it back as this string, else quoted

  Kind kind() const { return kind_; }
  // Mapping: sets `key` (appended, or replacing an existing value in place); returns the value.
  // The reference stays valid while the tree lives.
  Draft& set(std::string_view key, Draft value);
  Draft* find(std::string_view key);
  // List: appends an item and returns it.
  Draft& push(Draft item);
  size_t size() const { return children_.size(); }
  Draft& item(size_t i) { return *children_[i]; }

  // A `# line` before this node: before its key in a mapping, before its `- ` in a list.
  void comment(std::string line) { comments_.push_back(std::move(line)); }

  // The YAML text of a document whose root is this mapping.
  std::string yaml() const;

 private:
  explicit Draft(Kind kind) : kind_(kind) {}
  void write_value(std::string& out, int indent) const;
  void write_entries(std::string& out, int indent, std::string_view first_prefix) const;
  void write_comments(std::string& out, int indent) const;
  std::string flow() const;

  Kind kind_;
  std::string scalar_;
  std::vector<std::string> keys_;                 // Map: one per child
  std::vector<std::unique_ptr<Draft>> children_;  // Map values or List items
  std::vector<std::string> comments_;
};

}  // namespace xenplan
