// Reads xl.cfg files with PEGTL (grammar/xl_cfg_grammar.hpp): actions append to a small builder,
// strings are unescaped as xl 4.17 unescapes them, and every syntax error is reported in words.
#include "syntax/xl_cfg_reader.h"

#include <fmt/format.h>

#include <string>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>
#include <vector>

#include "../../grammar/xl_cfg_grammar.hpp"
#include "base/utf8.h"
#include "syntax/limits.h"

namespace xenplan {
namespace {

namespace g = xl_grammar;
namespace pegtl = tao::pegtl;

// The messages of the commit points: what was expected, in words.
template <typename Rule>
inline constexpr const char* error_message = nullptr;
template <>
inline constexpr const char* error_message<g::comment_end> =
    "the file ends in a comment without a line break after it, which xl rejects";
template <>
inline constexpr const char* error_message<g::escape_char> =
    "unknown escape in a string: xl reads \\\" \\' \\\\ \\a \\b \\f \\n \\r \\t \\v and \\NNN; its \\x "
    "escapes "
    "are broken";
template <>
inline constexpr const char* error_message<g::dq_close> =
    "unterminated string: expected a closing `\"` on the same line";
template <>
inline constexpr const char* error_message<g::sq_close> =
    "unterminated string: expected a closing `'` on the same line";
template <>
inline constexpr const char* error_message<g::list_item> =
    "expected a value after `,`: a \"string\", a number, a [list], or `]` to close the list";
template <>
inline constexpr const char* error_message<g::list_close> =
    "expected `,` and another value, or `]` to close the list";
template <>
inline constexpr const char* error_message<g::assign_op> = "expected `=` (or `+=`) after the key";
template <>
inline constexpr const char* error_message<g::assigned_value> =
    "expected a value after `=`: a quoted string such as \"pv\", a number such as 512, or a [list]";
template <>
inline constexpr const char* error_message<g::assignment_end> =
    "expected the end of the line (or `;`) after the value: one setting per statement";
template <>
inline constexpr const char* error_message<g::end_of_file> =
    "expected a setting such as `memory = 512`: a lower-case key, `=` and a value";

struct Errors {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};

// must_if static_asserts that every rule used under must<> has a message.
template <typename Rule>
using Control = pegtl::must_if<Errors>::control<Rule>;

struct LimitExceeded {
  Span span;
};

template <typename Input>
Span span_of(const Input& in) {
  const auto begin = static_cast<uint32_t>(in.iterator().byte);
  return {begin, static_cast<uint32_t>(begin + in.size())};
}

// The text of a quoted string as xl's dequoting gives it: the quotes off, escapes replaced, and
// an octal escape (a digit 0-7 and two or three more digits) dropped, as xl 4.17 drops it.
std::string unescape(std::string_view quoted) {
  std::string out;
  const std::string_view body = quoted.substr(1, quoted.size() - 2);
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    const char c = body[++i];
    if (c >= '0' && c <= '7') {  // the grammar guarantees two more digits, perhaps three
      i += 2;
      if (i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '9') ++i;
      continue;
    }
    switch (c) {
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      default:
        out += c;  // " ' or backslash
    }
  }
  return out;
}

class Builder {
 public:
  explicit Builder(XlCfgFile& out) : out_(out) {}

  void key(std::string text, Span span) {
    current_ = XlCfgAssignment{};
    current_.key = std::move(text);
    current_.key_span = span;
  }
  void append() { current_.append = true; }
  void atom(std::string text, bool quoted, Span span) {
    XlCfgValue v;
    v.text = std::move(text);
    v.quoted = quoted;
    v.span = span;
    attach(std::move(v));
  }
  void open_list(Span at) {
    if (lists_.size() >= kMaxNesting) throw LimitExceeded{at};
    XlCfgValue v;
    v.kind = XlCfgValue::Kind::List;
    v.span = at;
    lists_.push_back(std::move(v));
  }
  void close_list(uint32_t end) {
    XlCfgValue v = std::move(lists_.back());
    lists_.pop_back();
    v.span.end = end;
    attach(std::move(v));
  }
  void end_assignment() { out_.assignments.push_back(std::move(current_)); }
  void comment(Span span) { out_.comments.push_back(span); }

 private:
  void attach(XlCfgValue v) {
    if (lists_.empty())
      current_.value = std::move(v);
    else
      lists_.back().items.push_back(std::move(v));
  }

  XlCfgFile& out_;
  XlCfgAssignment current_;
  std::vector<XlCfgValue> lists_;  // the lists still open, innermost last
};

template <typename Rule>
struct Action : pegtl::nothing<Rule> {};

template <>
struct Action<g::key> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.key(in.string(), span_of(in));
  }
};
template <>
struct Action<g::append_op> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.append();
  }
};
template <>
struct Action<g::dq_string> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.atom(unescape(in.string_view()), true, span_of(in));
  }
};
template <>
struct Action<g::sq_string> : Action<g::dq_string> {};
template <>
struct Action<g::number> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.atom(in.string(), false, span_of(in));
  }
};
template <>
struct Action<g::list_open> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.open_list(span_of(in));
  }
};
template <>
struct Action<g::list_close> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.close_list(span_of(in).end);
  }
};
template <>
struct Action<g::assignment> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.end_assignment();
  }
};
template <>
struct Action<g::comment> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    Span s = span_of(in);
    if (s.end > s.begin) --s.end;  // the line break the grammar requires
    b.comment(s);
  }
};

// A carriage return or Python-looking text gets a message of its own: xl's reasons for those.
void report(const SourceFile& file, uint32_t at, std::string message, DiagnosticSink& sink) {
  const std::string& text = file.text();
  const char c = at < text.size() ? text[at] : '\0';
  if (c == '\r') {
    sink.error(Code::SyntaxError, {&file, {at, at + 1}},
               "a carriage return ends this line: xl reads only LF line endings")
        .help("convert the file with `dos2unix` (or `sed -i 's/\\r$//'`)");
    return;
  }
  auto b = sink.error(Code::SyntaxError, {&file, {at, at + 1}}, std::move(message));
  if (std::string_view("+-.():").find(c) != std::string_view::npos && c != '\0')
    b.help("xl.cfg is not Python: a value is a quoted string, a number or a [list], with no expressions");
}

}  // namespace

bool read_xl_cfg(const SourceFile& file, XlCfgFile& out, DiagnosticSink& sink) {
  const std::string& text = file.text();
  if (const size_t nul = text.find('\0'); nul != std::string::npos) {
    const auto at = static_cast<uint32_t>(nul);
    sink.error(Code::SyntaxError, {&file, {at, at + 1}}, "the file contains a NUL byte")
        .help("xl.cfg files are text; check that the right file was given");
    return false;
  }
  if (const size_t bad = first_invalid_utf8(text); bad != std::string::npos) {
    const auto at = static_cast<uint32_t>(bad);
    sink.error(Code::SyntaxError, {&file, {at, at + 1}}, "the file is not valid UTF-8")
        .help("xenplan reads xl.cfg files as UTF-8 text");
    return false;
  }
  pegtl::memory_input in(text.data(), text.size(), file.name());
  Builder builder(out);
  try {
    pegtl::parse<g::file, Action, Control>(in, builder);
  } catch (const LimitExceeded& e) {
    sink.error(Code::InputLimit, {&file, e.span},
               fmt::format("lists nested deeper than {} levels", kMaxNesting));
    return false;
  } catch (const pegtl::parse_error& e) {
    const auto at = static_cast<uint32_t>(e.positions().empty() ? 0 : e.positions().front().byte);
    report(file, at, std::string(e.message()), sink);
    return false;
  }
  return resolve_xl_settings(out, file, sink);
}

// The grammar can loop without consuming input nowhere: checked in tests/unit/xl_cfg_reader_test.cpp.

size_t xl_cfg_grammar_problems() {
  return tao::pegtl::analyze<xl_grammar::file>();
}

}  // namespace xenplan
