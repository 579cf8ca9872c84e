// Reads the xenplan language into the syntax tree with PEGTL (the only file that includes it).
// Actions append to a small builder; named blocks go through the sugar table (syntax/sugar.h).
#include "syntax/dsl_reader.h"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "../../grammar/xenplan_grammar.hpp"
#include "base/echo.h"
#include "syntax/limits.h"
#include "syntax/sugar.h"

namespace xenplan {
namespace {

namespace g = grammar;
namespace pegtl = tao::pegtl;

// The messages of the commit points: what was expected, in words.
template <typename Rule>
inline constexpr const char* error_message = nullptr;
template <>
inline constexpr const char* error_message<g::escape_char> =
    "unknown escape in a string: write \\\", \\\\, \\n, \\t, \\r or \\xHH";
template <>
inline constexpr const char* error_message<g::string_close> =
    "unterminated string: expected a closing `\"` on the same line";
template <>
inline constexpr const char* error_message<g::list_close> = "expected `,` or `]` after a list item";
template <>
inline constexpr const char* error_message<g::list_item> =
    "expected a list item after `,`: a word, a \"string\", a [list] or a { block }";
template <>
inline constexpr const char* error_message<g::block_close> =
    "expected a key such as `memory` or a `}` that closes the block";
template <>
inline constexpr const char* error_message<g::entry_value> =
    "expected a value after the key: a word such as rt, 8 or 512MiB, a \"string\", a [list] or a { block }";
template <>
inline constexpr const char* error_message<g::header_keyword> =
    "a xenplan file starts with its format version: write `xenplan 1` first";
template <>
inline constexpr const char* error_message<g::version> =
    "expected the format version after `xenplan`, such as `xenplan 1`";
template <>
inline constexpr const char* error_message<g::end_of_file> =
    "expected a key such as `host`, `pool` or `domain`, or the end of the file";

struct Errors {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};

// must_if static_asserts that every rule used under must<> has a message.
template <typename Rule>
using Control = pegtl::must_if<Errors>::control<Rule>;

struct LimitExceeded {
  Span span;
  std::string message;
};

// A named block where its keyword means nothing, but would in an enclosing block: most likely a
// `}` is missing before it.
struct MisplacedBlock {
  Span span;
  std::string message;
  Span opened;  // the innermost block still open
};

std::string unescape(std::string_view quoted);

class Builder {
 public:
  explicit Builder(Tree& tree, uint32_t size) : tree_(tree) {
    Node root;
    root.kind = NodeKind::Mapping;
    root.span = {0, size};
    const NodeId id = tree_.add(std::move(root));
    tree_.set_root(id);
    frames_.push_back({id, BlockContext::Top, {}, false, {}});
  }

  void key(std::string text, Span span) {
    Frame& f = frames_.back();
    f.pending = {std::move(text), span, 0};
    f.has_pending = true;
  }

  void name(std::string text, bool quoted, Span span) {
    pending_name_ = PendingName{std::move(text), span, quoted};
  }

  void scalar(std::string text, bool quoted, Span span) {
    Node n;
    n.kind = NodeKind::Scalar;
    n.text = std::move(text);
    n.quoted = quoted;
    n.span = span;
    attach(add(std::move(n)));
  }

  template <typename Input>
  void open(NodeKind kind, uint32_t at, const Input& in) {
    if (frames_.size() >= kMaxNesting) {
      throw LimitExceeded{{at, at + 1}, fmt::format("nesting deeper than {} levels", kMaxNesting)};
    }
    Frame& parent = frames_.back();
    const std::string key = parent.has_pending ? parent.pending.key : std::string();
    // A list's items live in the list's context: `domains [ { disk xvda { ... } } ]` takes
    // domain blocks, as the printer writes them.
    const bool in_list = tree_.node(parent.node).kind == NodeKind::Sequence;
    const BlockContext inner = in_list ? parent.context : context_inside(parent.context, key);
    const Sugar* sugar =
        kind == NodeKind::Mapping && parent.has_pending ? sugar_for_keyword(parent.context, key) : nullptr;
    Node n;
    n.kind = kind;
    n.span = {at, at + 1};
    const NodeId id = add(std::move(n));
    if (sugar) {
      open_sugar(*sugar, id, in);
      return;
    }
    if (pending_name_) {
      for (auto f = frames_.rbegin() + 1; f != frames_.rend(); ++f) {
        if (!sugar_for_keyword(f->context, key)) continue;
        const uint32_t opened = tree_.node(frames_.back().node).span.begin;
        throw MisplacedBlock{
            parent.pending.key_span,
            fmt::format("a {} block cannot be inside this block: is a `}}` missing before it?", echo(key)),
            {opened, opened + 1}};
      }
      throw pegtl::parse_error(
          fmt::format("{} takes no name here: write {}", echo(key), echo(key + " { ... }")), in);
    }
    attach(id);
    frames_.push_back({id, inner, {}, false, {}});
  }

  void close(uint32_t end) {
    const Frame f = frames_.back();
    frames_.pop_back();
    tree_.node(f.node).span.end = end;
    extend(end);
  }

  void comment(Span span) { tree_.comments().push_back(span); }

  // Where the innermost block or list still open begins (its `{` or `[`), for a note when the
  // file ends or goes wrong before it is closed.
  std::optional<Span> innermost_open() const {
    if (frames_.size() < 2) return std::nullopt;
    const uint32_t at = tree_.node(frames_.back().node).span.begin;
    return Span{at, at + 1};
  }

 private:
  struct Frame {
    NodeId node;
    BlockContext context;
    Entry pending;
    bool has_pending;
    std::map<std::string, NodeId> sugar_lists;  // lists that named blocks append to
  };

  // `pool rt { ... }`: a mapping appended to the `pools` list, with `name: rt` first.
  template <typename Input>
  void open_sugar(const Sugar& s, NodeId id, const Input& in) {
    Frame& parent = frames_.back();
    const Span keyword_span = parent.pending.key_span;
    if (pending_name_ && s.name_key.empty()) {
      throw pegtl::parse_error(
          fmt::format("`{}` blocks take no name: write `{} {{ ... }}`", s.keyword, s.keyword), in);
    }
    if (!s.is_list) {
      parent.pending.key = std::string(s.key);
      attach(id);
    } else {
      auto it = parent.sugar_lists.find(std::string(s.key));
      if (it == parent.sugar_lists.end()) {
        Node list;
        list.kind = NodeKind::Sequence;
        list.span = keyword_span;
        const NodeId list_id = add(std::move(list));
        tree_.node(parent.node).entries.push_back({std::string(s.key), keyword_span, list_id});
        it = parent.sugar_lists.emplace(std::string(s.key), list_id).first;
      }
      tree_.node(it->second).items.push_back(id);
      parent.has_pending = false;
    }
    if (pending_name_) {
      Node name;
      name.kind = NodeKind::Scalar;
      name.text = pending_name_->text;
      name.quoted = pending_name_->quoted;
      name.span = pending_name_->span;
      const NodeId name_id = add(std::move(name));
      tree_.node(id).entries.push_back({std::string(s.name_key), pending_name_->span, name_id});
      tree_.node(id).span.begin = keyword_span.begin;
      pending_name_.reset();
    }
    frames_.push_back({id, s.inner, {}, false, {}});
  }

  // Every node but the root comes through here: the language has no aliases, so the tree's size
  // is what the YAML reader's expanded count limits (2 bytes a node would allow 32,000,000).
  NodeId add(Node n) {
    if (tree_.size() >= kMaxExpandedNodes) {
      throw LimitExceeded{{n.span.begin, n.span.begin + 1},
                          fmt::format("the description has more than {} nodes", kMaxExpandedNodes)};
    }
    return tree_.add(std::move(n));
  }

  void attach(NodeId id) {
    Frame& f = frames_.back();
    Node& parent = tree_.node(f.node);
    if (parent.kind == NodeKind::Sequence) {
      parent.items.push_back(id);
    } else {
      f.pending.value = id;
      parent.entries.push_back(f.pending);
      f.has_pending = false;
    }
    extend(tree_.node(id).span.end);
  }

  void extend(uint32_t end) {
    if (!frames_.empty()) {
      Node& n = tree_.node(frames_.back().node);
      n.span.end = std::max(n.span.end, end);
    }
  }

  Tree& tree_;
  std::vector<Frame> frames_;
  struct PendingName {
    std::string text;
    Span span;
    bool quoted;
  };
  std::optional<PendingName> pending_name_;
};

template <typename Input>
Span span_of(const Input& in) {
  const auto begin = static_cast<uint32_t>(in.iterator().byte);
  return {begin, static_cast<uint32_t>(begin + in.size())};
}

std::string unescape(std::string_view quoted) {
  std::string out;
  for (size_t i = 1; i + 1 < quoted.size(); ++i) {
    if (quoted[i] != '\\') {
      out += quoted[i];
      continue;
    }
    const char c = quoted[++i];
    if (c == 'x') {  // the grammar guarantees two hex digits
      out += static_cast<char>(std::stoi(std::string(quoted.substr(i + 1, 2)), nullptr, 16));
      i += 2;
      continue;
    }
    out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
  }
  return out;
}

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
struct Action<g::header_keyword> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.key("xenplan", span_of(in));
  }
};
template <>
struct Action<g::word> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.scalar(in.string(), false, span_of(in));
  }
};
template <>
struct Action<g::list_word> : Action<g::word> {};
template <>
struct Action<g::version> : Action<g::word> {};
template <>
struct Action<g::string> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.scalar(unescape(in.string_view()), true, span_of(in));
  }
};
template <>
struct Action<g::block_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.name(in.string(), false, span_of(in));
  }
};
template <>
struct Action<g::quoted_block_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.name(unescape(in.string_view()), true, span_of(in));
  }
};
template <>
struct Action<g::list_open> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.open(NodeKind::Sequence, span_of(in).begin, in);
  }
};
template <>
struct Action<g::block_open> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.open(NodeKind::Mapping, span_of(in).begin, in);
  }
};
template <>
struct Action<g::list_close> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.close(span_of(in).end);
  }
};
template <>
struct Action<g::block_close> : Action<g::list_close> {};
template <>
struct Action<g::comment> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    Span s = span_of(in);
    while (s.end > s.begin &&
           (in.begin()[s.end - s.begin - 1] == '\n' || in.begin()[s.end - s.begin - 1] == '\r'))
      --s.end;
    b.comment(s);
  }
};

}  // namespace

bool read_dsl(const SourceFile& file, Tree& tree, DiagnosticSink& sink) {
  pegtl::memory_input in(file.text().data(), file.text().size(), file.name());
  Builder builder(tree, static_cast<uint32_t>(file.text().size()));
  try {
    pegtl::parse<g::file, Action, Control>(in, builder);
    return true;
  } catch (const LimitExceeded& e) {
    sink.error(Code::InputLimit, {&file, e.span}, e.message);
  } catch (const MisplacedBlock& e) {
    sink.error(Code::SyntaxError, {&file, e.span}, e.message)
        .note({&file, e.opened}, "the block that is not closed opens here");
  } catch (const pegtl::parse_error& e) {
    const auto at = static_cast<uint32_t>(e.positions().empty() ? 0 : e.positions().front().byte);
    const std::string_view message = e.message();
    auto b = sink.error(Code::SyntaxError, {&file, {at, at + 1}}, std::string(message));
    const bool block = message == error_message<g::block_close>;
    if (block || message == error_message<g::list_close>) {
      if (const auto open = builder.innermost_open())
        b.note({&file, *open},
               block ? "inside the block that opens here" : "inside the list that opens here");
    }
  }
  return false;
}

size_t dsl_grammar_problems() {
  return pegtl::analyze<g::file>();
}

bool is_dsl_key(std::string_view text) {
  pegtl::memory_input in(text.data(), text.size(), "key");
  return pegtl::parse<pegtl::seq<g::key, pegtl::eof>>(in);
}

}  // namespace xenplan
