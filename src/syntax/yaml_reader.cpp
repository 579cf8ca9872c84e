#include "syntax/yaml_reader.h"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <map>
#include <streambuf>

#include "syntax/limits.h"

namespace xenplan {
namespace {

// Thrown from inside the event handler to stop yaml-cpp at a limit; caught in read_yaml.
struct LimitExceeded {
  Span span;
  std::string message;
  Code code = Code::InputLimit;
};

// Builds a Tree from yaml-cpp's parse events, keeping every key (duplicates included) and the
// position of every node. Aliases share the anchored node instead of copying it.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceFile& file, Tree& tree) : file_(file), tree_(tree) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const uint32_t at = offset(mark);
    Node n;
    n.kind = NodeKind::Null;
    n.span = token_span(at);
    // Keep the spelling only when it is one: an empty value (`key:`) has a mark elsewhere.
    const std::string_view spelled = file_.slice(n.span);
    if (spelled == "null" || spelled == "Null" || spelled == "NULL" || spelled == "~")
      n.text = spelled;
    else
      n.span.end = n.span.begin;
    add(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const uint32_t at = offset(mark);
    const auto it = anchors_.find(anchor);
    if (it == anchors_.end())
      throw LimitExceeded{{at, at + 1}, "alias to an unknown anchor", Code::SyntaxError};
    for (const Frame& f : stack_) {
      if (f.id == it->second.id) throw LimitExceeded{{at, at + 1}, "alias refers to a node that contains it"};
    }
    attach(it->second.id, it->second.weight);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const uint32_t at = offset(mark);
    Node n;
    n.kind = NodeKind::Scalar;
    n.quoted = tag == "!";
    n.text = value;
    n.span = scalar_span(at, value);
    add(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(NodeKind::Sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(NodeKind::Mapping, mark, anchor);
  }
  void OnMapEnd() override { close(); }

  bool has_root() const { return root_set_; }
  NodeId root() const { return root_; }

 private:
  struct Frame {
    NodeId id;
    YAML::anchor_t anchor = YAML::NullAnchor;
    uint64_t weight = 1;        // expanded node count so far, this node included
    bool expecting_key = true;  // mappings alternate key, value
    Entry pending;
  };
  // An anchored node and its expanded node count, which each alias to it adds again.
  struct Anchored {
    NodeId id;
    uint64_t weight;
  };

  uint32_t offset(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return 0;
    return file_.offset_of(static_cast<uint32_t>(mark.line), static_cast<uint32_t>(mark.column));
  }

  // End of a scalar written at `at`: through the closing quote, or along its first line.
  Span scalar_span(uint32_t at, const std::string& value) const {
    const std::string& text = file_.text();
    if (at < text.size() && (text[at] == '"' || text[at] == '\'')) {
      const char quote = text[at];
      uint32_t i = at + 1;
      while (i < text.size()) {
        if (quote == '"' && text[i] == '\\') {
          i += 2;
          continue;
        }
        if (text[i] == quote) {
          if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            i += 2;
            continue;
          }
          return {at, i + 1};
        }
        ++i;
      }
      return {at, static_cast<uint32_t>(text.size())};
    }
    return plain_span(at, value);
  }

  // Neither span looks for the line's end first: on a one-line flow list of n items that search
  // alone costs n² (each item would scan to the end of the line).
  Span plain_span(uint32_t at, const std::string& value) const {
    const std::string& text = file_.text();
    const std::string_view first_line = std::string_view(value).substr(0, value.find('\n'));
    // The text matches a first line that holds no '\n', so the span stays on its line.
    if (text.compare(at, first_line.size(), first_line) == 0) {
      return {at, at + static_cast<uint32_t>(first_line.size())};
    }
    return token_span(at);
  }

  // A plain token from `at` to the next flow delimiter, comment or line end.
  Span token_span(uint32_t at) const {
    const std::string& text = file_.text();
    uint32_t end = at;
    while (end < text.size() && text[end] != '\n' && text[end] != '#' && text[end] != ',' &&
           text[end] != ']' && text[end] != '}' && text[end] != '\r')
      ++end;
    while (end > at && text[end - 1] == ' ') --end;
    return {at, end};
  }

  void open(NodeKind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (stack_.size() >= kMaxNesting) {
      const uint32_t at = offset(mark);
      throw LimitExceeded{{at, at + 1}, fmt::format("nesting deeper than {} levels", kMaxNesting)};
    }
    Node n;
    n.kind = kind;
    const uint32_t at = offset(mark);
    n.span = {at, at + 1};
    const NodeId id = tree_.add(std::move(n));
    if (anchor != YAML::NullAnchor) anchors_[anchor] = {id, 1};  // its weight is known at close()
    stack_.push_back({id, anchor, 1, true, {}});
  }

  void close() {
    const Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.anchor != YAML::NullAnchor) anchors_[frame.anchor].weight = frame.weight;
    attach(frame.id, frame.weight);
  }

  void add(Node n, YAML::anchor_t anchor) {
    const NodeId id = tree_.add(std::move(n));
    if (anchor != YAML::NullAnchor) anchors_[anchor] = {id, 1};
    attach(id, 1);
  }

  // Links a finished node into its parent (or makes it the root) and counts its expanded size.
  void attach(NodeId id, uint64_t weight) {
    if (stack_.empty()) {
      root_ = id;
      root_set_ = true;
      return;
    }
    Frame& parent = stack_.back();
    Node& p = tree_.node(parent.id);
    parent.weight = std::min<uint64_t>(parent.weight + weight, kMaxExpandedNodes + 1);
    if (parent.weight > kMaxExpandedNodes) {
      throw LimitExceeded{
          tree_.node(id).span,
          fmt::format("the description has more than {} nodes, aliases counted as what they expand to",
                      kMaxExpandedNodes)};
    }
    const Span child = tree_.node(id).span;
    if (p.kind == NodeKind::Sequence) {
      p.items.push_back(id);
    } else if (parent.expecting_key) {
      const Node& key = tree_.node(id);
      parent.pending = Entry{key.kind == NodeKind::Scalar ? key.text : std::string(), key.span, 0};
      if (key.kind != NodeKind::Scalar && key.kind != NodeKind::Null) {
        throw LimitExceeded{key.span, "a key must be a single word, not a list or mapping",
                            Code::SyntaxError};
      }
      parent.expecting_key = false;
    } else {
      parent.pending.value = id;
      p.entries.push_back(std::move(parent.pending));
      parent.expecting_key = true;
    }
    p.span.end = std::max(p.span.end, child.end);
  }

  const SourceFile& file_;
  Tree& tree_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, Anchored> anchors_;
  NodeId root_ = 0;
  bool root_set_ = false;
};

// yaml-cpp drops comments: find each `#` that starts a comment (at a line start or after a blank)
// outside every scalar, so `fmt` can keep them.
void collect_comments(const SourceFile& file, Tree& tree) {
  std::vector<Span> scalars;
  size_t count = 0;
  for (NodeId id = 0; id < tree.size(); ++id) count += tree.node(id).kind == NodeKind::Scalar;
  scalars.reserve(count);  // no doubling: for 4,000,000 scalars it would hold 48 MB at once
  for (NodeId id = 0; id < tree.size(); ++id) {
    if (tree.node(id).kind == NodeKind::Scalar) scalars.push_back(tree.node(id).span);
  }
  std::sort(scalars.begin(), scalars.end(), [](Span a, Span b) { return a.begin < b.begin; });
  const std::string& text = file.text();
  size_t next_scalar = 0;
  for (uint32_t i = 0; i < text.size(); ++i) {
    while (next_scalar < scalars.size() && scalars[next_scalar].end <= i) ++next_scalar;
    if (next_scalar < scalars.size() && scalars[next_scalar].begin <= i) {
      i = scalars[next_scalar].end - 1;  // skip the scalar
      continue;
    }
    if (text[i] != '#' || (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\t' && text[i - 1] != '\n'))
      continue;
    uint32_t end = i;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    tree.comments().push_back({i, end});
    i = end;
  }
}

// yaml-cpp reads an istream: this one reads the file's text where it is, instead of a copy of
// up to 64 MiB. yaml-cpp only reads, so the get area is never written.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(const std::string& text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

bool read_yaml(const SourceFile& file, Tree& tree, DiagnosticSink& sink) {
  TextBuffer buffer(file.text());
  std::istream in(&buffer);
  TreeBuilder builder(file, tree);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) return true;  // empty document: no root
    if (builder.has_root()) tree.set_root(builder.root());
    collect_comments(file, tree);
    TreeBuilder rest(file, tree);
    if (parser.HandleNextDocument(rest)) {
      const Span at = rest.has_root() ? tree.node(rest.root()).span : Span{};
      sink.error(Code::SyntaxError, {&file, at}, "a description holds one YAML document, found a second")
          .help("remove the `---` line and everything after it, or split the hosts into separate files");
      return false;
    }
  } catch (const LimitExceeded& e) {
    sink.error(e.code, {&file, e.span}, e.message);
    return false;
  } catch (const YAML::Exception& e) {
    const uint32_t at = e.mark.is_null() ? 0
                                         : file.offset_of(static_cast<uint32_t>(std::max(0, e.mark.line)),
                                                          static_cast<uint32_t>(std::max(0, e.mark.column)));
    sink.error(Code::SyntaxError, {&file, {at, at + 1}}, fmt::format("invalid YAML: {}", e.msg));
    return false;
  }
  return true;
}

}  // namespace xenplan
