#include "import/grub_reader.h"

#include <cctype>
#include <optional>

namespace xenplan {
namespace {

bool name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
bool ends_word(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|';
}

// A scanner over the whole text: statements may continue over lines (a backslash, or a quote
// still open), so it does not work line by line.
class Scanner {
 public:
  Scanner(const std::string& text, std::map<std::string, std::string>& env) : t_(text), env_(env) {}

  GrubSource run(const SourceFile& file) {
    GrubSource out;
    out.file = &file;
    while (skip_separators()) {
      const size_t start = pos_;
      if (t_[pos_] == '#') {
        while (pos_ < t_.size() && t_[pos_] != '\n') ++pos_;
        continue;
      }
      size_t at = pos_;
      if (t_.compare(at, 7, "export ") == 0) at += 7;
      while (at < t_.size() && (t_[at] == ' ' || t_[at] == '\t')) ++at;
      if (auto a = assignment(at)) {
        a->span.begin = static_cast<uint32_t>(start);
        a->conditional = depth_ > 0;
        if (!a->conditional && a->value) env_[a->name] = *a->value;
        out.assignments.push_back(std::move(*a));
        continue;
      }
      pos_ = start;
      const std::string first = command();
      if (first == "if" || first == "case" || first == "for" || first == "while" || first == "until")
        ++depth_;
      if ((first == "fi" || first == "esac" || first == "done") && depth_ > 0) --depth_;
      out.commands.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos_)});
    }
    return out;
  }

 private:
  // Skips blanks, line breaks, semicolons and backslash-newlines; false at the end of the text.
  bool skip_separators() {
    while (pos_ < t_.size()) {
      const char c = t_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == ';') {
        ++pos_;
      } else if (c == '\\' && pos_ + 1 < t_.size() && t_[pos_ + 1] == '\n') {
        pos_ += 2;
      } else {
        return true;
      }
    }
    return false;
  }

  // NAME=VALUE at `at`, evaluated; nullopt when the statement is not an assignment.
  std::optional<ShellAssignment> assignment(size_t at) {
    if (at >= t_.size() || !name_start(t_[at])) return std::nullopt;
    size_t end = at;
    while (end < t_.size() && name_char(t_[end])) ++end;
    if (end >= t_.size() || t_[end] != '=') return std::nullopt;
    ShellAssignment a;
    a.name = t_.substr(at, end - at);
    pos_ = end + 1;
    const size_t value_begin = pos_;
    bool evaluated = true;
    std::string value = word(evaluated);
    a.value_span = {static_cast<uint32_t>(value_begin), static_cast<uint32_t>(pos_)};
    a.span.end = static_cast<uint32_t>(pos_);
    if (evaluated) a.value = std::move(value);
    // `A=1 cmd` sets A for cmd alone: then the statement is a command, and A is not set.
    size_t after = pos_;
    while (after < t_.size() && (t_[after] == ' ' || t_[after] == '\t')) ++after;
    if (after < t_.size() && !ends_word(t_[after]) && t_[after] != '#' && !assignment_ahead(after)) {
      a.value.reset();
      a.conditional = true;
    }
    return a;
  }

  bool assignment_ahead(size_t at) const {
    if (at >= t_.size() || !name_start(t_[at])) return false;
    while (at < t_.size() && name_char(t_[at])) ++at;
    return at < t_.size() && t_[at] == '=';
  }

  // One shell word from pos_, expanded; `evaluated` false when it runs a command.
  std::string word(bool& evaluated) {
    std::string out;
    while (pos_ < t_.size() && !ends_word(t_[pos_])) {
      const char c = t_[pos_];
      if (c == '\'') {
        const size_t close = t_.find('\'', pos_ + 1);
        const size_t end = close == std::string::npos ? t_.size() : close;
        out += t_.substr(pos_ + 1, end - pos_ - 1);
        pos_ = close == std::string::npos ? t_.size() : close + 1;
      } else if (c == '"') {
        ++pos_;
        while (pos_ < t_.size() && t_[pos_] != '"') {
          if (t_[pos_] == '\\' && pos_ + 1 < t_.size() &&
              std::string_view("$`\"\\\n").find(t_[pos_ + 1]) != std::string_view::npos) {
            if (t_[pos_ + 1] != '\n') out += t_[pos_ + 1];
            pos_ += 2;
          } else if (!expansion(out, evaluated)) {
            out += t_[pos_++];
          }
        }
        if (pos_ < t_.size()) ++pos_;
      } else if (c == '\\' && pos_ + 1 < t_.size()) {
        if (t_[pos_ + 1] != '\n') out += t_[pos_ + 1];
        pos_ += 2;
      } else if (!expansion(out, evaluated)) {
        out += t_[pos_++];
      }
    }
    return out;
  }

  // $NAME, ${NAME}, ${NAME:-word} and ${NAME-word} at pos_, appended; $(...) and `...` are
  // skipped and make the word unevaluated. False when pos_ is not an expansion.
  bool expansion(std::string& out, bool& evaluated) {
    const char c = t_[pos_];
    if (c == '`') {
      const size_t close = t_.find('`', pos_ + 1);
      pos_ = close == std::string::npos ? t_.size() : close + 1;
      evaluated = false;
      return true;
    }
    if (c != '$' || pos_ + 1 >= t_.size()) return false;
    const char n = t_[pos_ + 1];
    if (n == '(') {
      int parens = 0;
      for (; pos_ < t_.size(); ++pos_) {
        if (t_[pos_] == '(') ++parens;
        if (t_[pos_] == ')' && --parens == 0) break;
      }
      if (pos_ < t_.size()) ++pos_;
      evaluated = false;
      return true;
    }
    if (n == '{') {
      const size_t close = t_.find('}', pos_ + 2);
      if (close == std::string::npos) return false;
      const std::string inner = t_.substr(pos_ + 2, close - pos_ - 2);
      pos_ = close + 1;
      const size_t op = inner.find_first_of(":-");
      const std::string name = inner.substr(0, op);
      const auto it = env_.find(name);
      const bool set = it != env_.end();
      if (op == std::string::npos) {
        if (set) out += it->second;
      } else {
        const bool colon = inner[op] == ':';
        const size_t dash = colon ? op + 1 : op;
        if (dash >= inner.size() || inner[dash] != '-') {
          evaluated = false;  // ${A:=b}, ${A:+b}, ...: not followed
          return true;
        }
        const bool use_default = !set || (colon && it->second.empty());
        out += use_default ? expand_plain(inner.substr(dash + 1)) : it->second;
      }
      return true;
    }
    if (name_start(n)) {
      size_t end = pos_ + 1;
      while (end < t_.size() && name_char(t_[end])) ++end;
      const auto it = env_.find(t_.substr(pos_ + 1, end - pos_ - 1));
      if (it != env_.end()) out += it->second;
      pos_ = end;
      return true;
    }
    return false;
  }

  // The default word of ${A:-word}: variables expanded, nothing else.
  std::string expand_plain(const std::string& w) const {
    std::string out;
    for (size_t i = 0; i < w.size(); ++i) {
      if (w[i] == '$' && i + 1 < w.size() && name_start(w[i + 1])) {
        size_t end = i + 1;
        while (end < w.size() && name_char(w[end])) ++end;
        const auto it = env_.find(w.substr(i + 1, end - i - 1));
        if (it != env_.end()) out += it->second;
        i = end - 1;
      } else {
        out += w[i];
      }
    }
    return out;
  }

  // Skips one command statement (to its unquoted end of line or `;`); returns its first word.
  std::string command() {
    std::string first;
    bool in_first = true;
    while (pos_ < t_.size()) {
      const char c = t_[pos_];
      if (c == '\n' || c == ';') break;
      if (c == '\\' && pos_ + 1 < t_.size()) {
        pos_ += 2;
        in_first = false;
        continue;
      }
      if (c == '\'' || c == '"') {
        const size_t close = t_.find(c, pos_ + 1);
        pos_ = close == std::string::npos ? t_.size() : close + 1;
        in_first = false;
        continue;
      }
      if (c == '#' && (pos_ == 0 || t_[pos_ - 1] == ' ' || t_[pos_ - 1] == '\t')) {
        while (pos_ < t_.size() && t_[pos_] != '\n') ++pos_;
        break;
      }
      if (c == ' ' || c == '\t')
        in_first = first.empty();
      else if (in_first)
        first += c;
      ++pos_;
    }
    return first;
  }

  const std::string& t_;
  std::map<std::string, std::string>& env_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

GrubSource read_grub_defaults(const SourceFile& file, std::map<std::string, std::string>& env) {
  return Scanner(file.text(), env).run(file);
}

}  // namespace xenplan
