#include "import/draft.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "format/quoted_string.h"

namespace xenplan {
namespace {

// A string YAML reads back unquoted as the same string, never as a number, a boolean or null.
bool plain_string(std::string_view s) {
  if (s.empty()) return false;
  const auto first = static_cast<unsigned char>(s[0]);
  if (!(std::isalpha(first) || s[0] == '_' || s[0] == '/' || s[0] == '.') || first >= 0x80) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x80 && std::isalnum(u)) || std::string_view("_/.+@%=-").find(c) != std::string_view::npos)
      continue;
    return false;
  }
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view special : {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}) {
    if (lower == special) return false;
  }
  return true;
}

}  // namespace

Draft Draft::map() {
  return Draft(Kind::Map);
}
Draft Draft::list() {
  return Draft(Kind::List);
}
Draft Draft::word(std::string w) {
  Draft d(Kind::Word);
  d.scalar_ = std::move(w);
  return d;
}
Draft Draft::number(uint64_t n) {
  return word(std::to_string(n));
}
Draft Draft::text(std::string s) {
  Draft d(Kind::Text);
  d.scalar_ = std::move(s);
  return d;
}

Draft& Draft::set(std::string_view key, Draft value) {
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) {
      value.comments_.insert(value.comments_.begin(), children_[i]->comments_.begin(),
                             children_[i]->comments_.end());
      *children_[i] = std::move(value);
      return *children_[i];
    }
  }
  keys_.emplace_back(key);
  children_.push_back(std::make_unique<Draft>(std::move(value)));
  return *children_.back();
}

Draft* Draft::find(std::string_view key) {
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return children_[i].get();
  }
  return nullptr;
}

Draft& Draft::push(Draft item) {
  children_.push_back(std::make_unique<Draft>(std::move(item)));
  return *children_.back();
}

void Draft::write_comments(std::string& out, int indent) const {
  for (const std::string& c : comments_) out += fmt::format("{:{}}# {}\n", "", indent, c);
}

// Lists inside lists (xl's lists of lists) are written in flow style, every string quoted.
std::string Draft::flow() const {
  if (kind_ == Kind::Word) return scalar_;
  if (kind_ == Kind::Text) return double_quoted(scalar_);
  std::string out = "[";
  for (size_t i = 0; i < children_.size(); ++i) out += (i ? ", " : "") + children_[i]->flow();
  return out + "]";
}

void Draft::write_value(std::string& out, int indent) const {
  switch (kind_) {
    case Kind::Word:
      out += " " + scalar_ + "\n";
      return;
    case Kind::Text:
      out += " " + (plain_string(scalar_) ? scalar_ : double_quoted(scalar_)) + "\n";
      return;
    case Kind::Map:
      if (children_.empty()) {
        out += " {}\n";
        return;
      }
      out += "\n";
      write_entries(out, indent + 2, "");
      return;
    case Kind::List:
      if (children_.empty()) {
        out += " []\n";
        return;
      }
      out += "\n";
      for (const auto& item : children_) {
        const std::string dash = fmt::format("{:{}}- ", "", indent + 2);
        if (item->kind_ == Kind::Map && !item->children_.empty()) {
          item->write_comments(out, indent + 2);
          item->write_entries(out, indent + 4, dash);
        } else if (item->kind_ == Kind::List) {
          item->write_comments(out, indent + 2);
          out += dash + item->flow() + "\n";
        } else {
          item->write_comments(out, indent + 2);
          std::string scalar;
          item->write_value(scalar, indent + 2);
          out += dash + scalar.substr(1);
        }
      }
      return;
  }
}

// The entries at `indent`; `first_prefix` replaces the indentation of the first key (a list
// item's "- "), whose comments then come before the item.
void Draft::write_entries(std::string& out, int indent, std::string_view first_prefix) const {
  for (size_t i = 0; i < keys_.size(); ++i) {
    const bool inline_first = i == 0 && !first_prefix.empty();
    if (inline_first) {
      // Comments of the first entry go before the item's dash, at the dash's indentation.
      children_[i]->write_comments(out, indent - 2);
      out += first_prefix;
    } else {
      children_[i]->write_comments(out, indent);
      out += fmt::format("{:{}}", "", indent);
    }
    out += keys_[i] + ":";
    children_[i]->write_value(out, indent);
  }
}

std::string Draft::yaml() const {
  std::string out;
  write_comments(out, 0);
  write_entries(out, 0, "");
  return out;
}

}  // namespace xenplan
