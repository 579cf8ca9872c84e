// The xl.cfg reader: the grammar itself, strings in both quotes with xl's escapes, lists, numbers,
// comments, `+=` and repeated keys as xl resolves them, and syntax errors at line:col in words.
#include "syntax/xl_cfg_reader.h"

#include <doctest/doctest.h>

#include "base/render.h"

using namespace xenplan;

namespace {

struct Read {
  bool ok = false;
  XlCfgFile cfg;
  std::string diagnostics;  // rendered as xenplan prints them
};

Read read(std::string text) {
  SourceFile file("t.cfg", std::move(text));
  Read r;
  DiagnosticSink sink;
  r.ok = read_xl_cfg(file, r.cfg, sink);
  r.diagnostics = render_diagnostics(sink.sorted(), {});
  return r;
}

const XlCfgValue& value(const Read& r, std::string_view key) {
  const XlCfgSetting* s = r.cfg.find(key);
  REQUIRE_MESSAGE(s, "no setting ", std::string(key));
  return s->value;
}

// The first line of the rendered error: "t.cfg:LINE:COL: error: MESSAGE [XP0002]".
std::string first_line(const Read& r) {
  return r.diagnostics.substr(0, r.diagnostics.find('\n'));
}

}  // namespace

TEST_CASE("the xl.cfg grammar has no rule that can loop without consuming input") {
  CHECK(xl_cfg_grammar_problems() == 0);
}

TEST_CASE("xl.cfg strings: both quotes, and the escapes xl 4.17 reads") {
  const Read r = read(
      "a = \"say \\\"hi\\\" \\\\ it's\"\n"
      "b = 'it\\'s \"quoted\"'\n"
      "c = \"tab\\there\\nline\"\n"
      "d = \"A\\101B\"\n"   // xl drops an octal escape and its digits
      "e = \"x\\0123y\"\n"  // three digits after the first are taken too
      "f = \"#not a comment\"\n"
      "g = ''\n");
  REQUIRE(r.ok);
  CHECK(value(r, "a").text == "say \"hi\" \\ it's");
  CHECK(value(r, "a").quoted);
  CHECK(value(r, "b").text == "it's \"quoted\"");
  CHECK(value(r, "c").text == "tab\there\nline");
  CHECK(value(r, "d").text == "AB");
  CHECK(value(r, "e").text == "xy");
  CHECK(value(r, "f").text == "#not a comment");
  CHECK(value(r, "g").text == "");
  CHECK(r.cfg.comments.empty());
}

TEST_CASE("xl.cfg numbers are atoms kept as written") {
  const Read r = read("memory = 0x200\nvcpus=2\nmaxmem = 0777\nkey.with_dots9 = 1\n");
  REQUIRE(r.ok);
  CHECK(value(r, "memory").text == "0x200");
  CHECK_FALSE(value(r, "memory").quoted);
  CHECK(value(r, "vcpus").text == "2");
  CHECK(value(r, "maxmem").text == "0777");
  CHECK(value(r, "key.with_dots9").text == "1");
}

TEST_CASE("xl.cfg lists: trailing commas, nesting, line breaks and comments between items") {
  const Read r = read(
      "disk = [ 'phy:/dev/vg0/web,xvda,w', ]\n"
      "vif = [\n"
      "  'bridge=xenbr0',  # the LAN\n"
      "  # a comment line inside the list\n"
      "  'bridge=xenbr1'\n"
      "  ,\n"
      "]\n"
      "vnuma = [ [ \"pnode=0\", \"size=512\" ], [\"pnode=1\"] ]\n"
      "empty = []\n"
      "irqs = [ 7, 0x9 ]\n");
  REQUIRE(r.ok);
  REQUIRE(value(r, "disk").items.size() == 1);
  CHECK(value(r, "disk").items[0].text == "phy:/dev/vg0/web,xvda,w");
  REQUIRE(value(r, "vif").items.size() == 2);
  CHECK(value(r, "vif").items[1].text == "bridge=xenbr1");
  REQUIRE(value(r, "vnuma").items.size() == 2);
  CHECK(value(r, "vnuma").items[0].is_list());
  CHECK(value(r, "vnuma").items[0].items[1].text == "size=512");
  CHECK(value(r, "empty").is_list());
  CHECK(value(r, "empty").items.empty());
  CHECK(value(r, "irqs").items[1].text == "0x9");
  REQUIRE(r.cfg.comments.size() == 2);
}

TEST_CASE("xl.cfg comments, semicolons, and a last statement without a line break") {
  const std::string text =
      "# a guest\nname = \"web\" # its name\n\n;memory = 512; vcpus = 2\nkernel = \"/k\"";
  const Read r = read(text);
  REQUIRE(r.ok);
  CHECK(value(r, "name").text == "web");
  CHECK(value(r, "vcpus").text == "2");
  CHECK(value(r, "kernel").text == "/k");
  REQUIRE(r.cfg.comments.size() == 2);
  CHECK(text.substr(r.cfg.comments[1].begin, r.cfg.comments[1].end - r.cfg.comments[1].begin) ==
        "# its name");
}

TEST_CASE("xl.cfg repeated keys: the last assignment wins, += adds to the one before") {
  const Read r = read(
      "memory = 256\nmemory = 512\n"
      "extra = \"console=hvc0\"\nextra += \" quiet\"\n"
      "disk = [ 'a' ]\ndisk += [ 'b', 'c' ]\n"
      "cmdline += \"alone\"\n");
  REQUIRE(r.ok);
  CHECK(r.cfg.assignments.size() == 7);
  const XlCfgSetting* memory = r.cfg.find("memory");
  REQUIRE(memory);
  CHECK(memory->value.text == "512");
  REQUIRE(memory->overridden.size() == 1);
  CHECK(memory->overridden[0].begin == 0);
  CHECK(value(r, "extra").text == "console=hvc0 quiet");
  REQUIRE(value(r, "disk").items.size() == 3);
  CHECK(value(r, "disk").items[2].text == "c");
  CHECK(value(r, "cmdline").text == "alone");
  CHECK(r.cfg.settings.size() == 4);
  CHECK(r.cfg.settings[0].key == "memory");
}

TEST_CASE("xl.cfg syntax errors: at their line and column, in words") {
  CHECK(first_line(read("type = pv\n")) ==
        "t.cfg:1:8: error: expected a value after `=`: a quoted string such as \"pv\", a number such as 512, "
        "or a [list] [XP0002]");
  CHECK(read("name = \"web\n").diagnostics ==
        "t.cfg:1:12: error: unterminated string: expected a closing `\"` on the same line [XP0002]\n"
        "    1 | name = \"web\n"
        "      |            ^\n");
  CHECK(first_line(read("name = 'web\n")) ==
        "t.cfg:1:12: error: unterminated string: expected a closing `'` on the same line [XP0002]");
  CHECK(first_line(read("memory 512\n")) ==
        "t.cfg:1:8: error: expected `=` (or `+=`) after the key [XP0002]");
  CHECK(first_line(read("memory = 512 vcpus = 2\n")) ==
        "t.cfg:1:14: error: expected the end of the line (or `;`) after the value: one setting per statement "
        "[XP0002]");
  CHECK(first_line(read("disk = [ 'a' 'b' ]\n")) ==
        "t.cfg:1:14: error: expected `,` and another value, or `]` to close the list [XP0002]");
  CHECK(
      first_line(read("disk = [ 'a', , ]\n")) ==
      "t.cfg:1:15: error: expected a value after `,`: a \"string\", a number, a [list], or `]` to close the "
      "list [XP0002]");
  CHECK(first_line(read("disk = [ 'a',\n")) ==
        "t.cfg:2:1: error: expected a value after `,`: a \"string\", a number, a [list], or `]` to close the "
        "list [XP0002]");
  CHECK(first_line(read("Memory = 512\n")) ==
        "t.cfg:1:1: error: expected a setting such as `memory = 512`: a lower-case key, `=` and a value "
        "[XP0002]");
  CHECK(
      first_line(read("name = \"a\\x41\"\n")) ==
      "t.cfg:1:11: error: unknown escape in a string: xl reads \\\" \\' \\\\ \\a \\b \\f \\n \\r \\t \\v and "
      "\\NNN; its \\x escapes are broken [XP0002]");
  // An octal escape needs two more digits: `\1b` is as unknown as `\q`.
  const auto message = [](const Read& r) { return first_line(r).substr(first_line(r).find(": error:")); };
  CHECK(message(read("name = \"a\\1b\"\n")) == message(read("name = \"a\\qb\"\n")));
  CHECK(first_line(read("name = \"web\"\n# the end")) ==
        "t.cfg:2:10: error: the file ends in a comment without a line break after it, which xl rejects "
        "[XP0002]");
  CHECK(first_line(read("disk += 'a'\ndisk += [ 'b' ]\n")) ==
        "t.cfg:2:9: error: `disk +=` adds a list to a string: xl adds lists to lists and strings to strings "
        "only [XP0002]");
}

TEST_CASE("xl.cfg errors xl has reasons of its own for: CRLF line endings and Python") {
  CHECK(read("name = \"web\"\r\n").diagnostics ==
        "t.cfg:1:13: error: a carriage return ends this line: xl reads only LF line endings [XP0002]\n"
        "    1 | name = \"web\"\n"
        "      |             ^\n"
        "  help: convert the file with `dos2unix` (or `sed -i 's/\\r$//'`)\n");
  const Read python = read("memory = 256 + 2\n");
  CHECK(python.diagnostics.find("help: xl.cfg is not Python") != std::string::npos);
  CHECK(first_line(read(std::string("a = \"x\"\nb = 1\0\n", 14))) ==
        "t.cfg:2:6: error: the file contains a NUL byte [XP0002]");
}
