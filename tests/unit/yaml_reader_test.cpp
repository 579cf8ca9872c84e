#include "syntax/yaml_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/render.h"
#include "syntax/load.h"

using namespace xenplan;

namespace {
struct Read {
  SourceFile file;
  Tree tree;
  DiagnosticSink sink;
  bool ok;
  explicit Read(std::string text) : file("t.yaml", std::move(text)), ok(read_yaml(file, tree, sink)) {}
  std::string rendered() const { return render_diagnostics(sink.sorted(), {}); }
};
}  // namespace

TEST_CASE("the YAML reader keeps duplicate keys and every node's span") {
  Read r("a: 1\nb: \"two\"\na: [x, y]\n");
  REQUIRE(r.ok);
  const Node& root = r.tree.node(r.tree.root());
  REQUIRE(root.kind == NodeKind::Mapping);
  REQUIRE(root.entries.size() == 3);
  CHECK(root.entries[2].key == "a");
  CHECK(r.file.slice(root.entries[1].key_span) == "b");
  const Node& two = r.tree.node(root.entries[1].value);
  CHECK(two.quoted);
  CHECK(two.text == "two");
  CHECK(r.file.slice(two.span) == "\"two\"");
  const Node& list = r.tree.node(root.entries[2].value);
  CHECK(list.kind == NodeKind::Sequence);
  CHECK(r.file.slice(r.tree.node(list.items[1]).span) == "y");
}

TEST_CASE("an unquoted null is a null node that remembers its spelling") {
  Read r("scheduler: null\nempty:\n");
  REQUIRE(r.ok);
  const Node& root = r.tree.node(r.tree.root());
  const Node& n = r.tree.node(root.entries[0].value);
  CHECK(n.kind == NodeKind::Null);
  CHECK(n.text == "null");
  CHECK(r.tree.node(root.entries[1].value).kind == NodeKind::Null);
}

TEST_CASE("syntax errors are reported at their position") {
  Read r("a: [1, 2\nb: 3\n");
  CHECK_FALSE(r.ok);
  CHECK(r.rendered().find("t.yaml:") == 0);
  CHECK(r.rendered().find("error: invalid YAML: ") != std::string::npos);
  CHECK(r.rendered().find("[XP0002]") != std::string::npos);
}

TEST_CASE("a second document is rejected") {
  Read r("a: 1\n---\nb: 2\n");
  CHECK_FALSE(r.ok);
  CHECK(r.rendered() ==
        "t.yaml:3:1: error: a description holds one YAML document, found a second [XP0002]\n"
        "    3 | b: 2\n"
        "      | ^~~~\n"
        "  help: remove the `---` line and everything after it, or split the hosts into separate files\n");
}

TEST_CASE("aliases share nodes, and an alias bomb stops at the expansion limit") {
  Read shared("x: &a [1, 2]\ny: *a\n");
  REQUIRE(shared.ok);
  const Node& root = shared.tree.node(shared.tree.root());
  CHECK(root.entries[0].value == root.entries[1].value);

  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) {
      bomb += j ? ", *a" : "*a";
      bomb += std::to_string(i - 1);
    }
    bomb += "]\n";
  }
  Read r(bomb);
  CHECK_FALSE(r.ok);
  CHECK(r.rendered().find("error: the description has more than 4000000 nodes, aliases counted as what they expand to [XP0004]") != std::string::npos);
  CHECK(r.tree.size() < 200);  // nothing was copied
}

TEST_CASE("deep nesting stops with a clear error instead of overflowing the stack") {
  Read r(std::string(100000, '[') + std::string(100000, ']'));
  CHECK_FALSE(r.ok);
  CHECK(r.rendered().find("error: nesting deeper than 64 levels [XP0004]") != std::string::npos);
}

TEST_CASE("a recursive alias is rejected") {
  Read r("a: &x [1, *x]\n");
  CHECK_FALSE(r.ok);
}

TEST_CASE("NUL bytes are reported before parsing") {
  DiagnosticSink sink;
  const LoadedFile f = load_text("n.yaml", std::string("a: 1\n\0b: 2\n", 11), Syntax::Yaml, sink);
  CHECK_FALSE(f.parsed);
  CHECK(render_diagnostics(sink.sorted(), {})
            .find("n.yaml:2:1: error: the file contains a NUL byte [XP0002]") == 0);
}

TEST_CASE("the items of a flow list span exactly their own text") {
  Read r("a: [x1, \"q, ]\", ~, y # c\n, -2, 'z''s']\n");
  REQUIRE(r.ok);
  const Node& list = r.tree.node(r.tree.node(r.tree.root()).entries[0].value);
  REQUIRE(list.items.size() == 6);
  std::vector<std::string_view> spelled;
  for (NodeId id : list.items) spelled.push_back(r.file.slice(r.tree.node(id).span));
  CHECK(spelled == std::vector<std::string_view>{"x1", "\"q, ]\"", "~", "y", "-2", "'z''s'"});
  REQUIRE(r.tree.comments().size() == 1);
  CHECK(r.file.slice(r.tree.comments()[0]) == "# c");
}

// Each item's span used to search for the end of its line first: n items on one line cost n²
// (2,000,000 items took over a minute). scripts/bench measures the speed; this checks the spans.
TEST_CASE("a one-line flow list of 2,000,000 items keeps every span") {
  constexpr size_t kItems = 2'000'000;
  std::string text = "a: [";
  for (size_t i = 0; i < kItems; ++i) text += i ? ", 1" : "1";
  text += "]\n";
  Read r(std::move(text));
  REQUIRE(r.ok);
  const Node& list = r.tree.node(r.tree.node(r.tree.root()).entries[0].value);
  REQUIRE(list.items.size() == kItems);
  const Span last = r.tree.node(list.items.back()).span;
  CHECK(last.begin == 4 + 3 * (kItems - 1));
  CHECK(last.end == last.begin + 1);
}
