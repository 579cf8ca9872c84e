// The printers keep each comment where it was: also one before the first entry of a nested block,
// or before the first item of a list, which lies outside the block's or list's own span.
#include <doctest/doctest.h>

#include "format/printers.h"
#include "syntax/load.h"

using namespace xenplan;

namespace {

std::string print(const std::string& yaml, Syntax to) {
  DiagnosticSink sink;
  const LoadedFile f = load_text("c.yaml", yaml, Syntax::Yaml, sink);
  REQUIRE(f.parsed);
  return to == Syntax::Xenplan ? print_dsl(f.tree, *f.source, {}) : print_yaml(f.tree, *f.source, {});
}

constexpr const char* kYaml =
    "xenplan: 1\n"
    "host:\n"
    "  name: h\n"
    "  xen:\n"
    "    # before the first entry\n"
    "    version: \"4.17\"\n"
    "    options:\n"
    "      # before the first item\n"
    "      - \"console=com1\"\n"
    "      - \"loglvl=all\"\n";

}  // namespace

TEST_CASE("fmt keeps a comment before a nested block's first entry inside the block") {
  CHECK(print(kYaml, Syntax::Xenplan) ==
        "xenplan 1\n"
        "\n"
        "host h {\n"
        "  xen {\n"
        "    # before the first entry\n"
        "    version \"4.17\"\n"
        "    options [\n"
        "      # before the first item\n"
        "      \"console=com1\",\n"
        "      \"loglvl=all\",\n"
        "    ]\n"
        "  }\n"
        "}\n");
}

TEST_CASE("fmt keeps a comment before a list's first item with the item") {
  CHECK(print(kYaml, Syntax::Yaml) == kYaml);
}
