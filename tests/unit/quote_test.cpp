// The quoting functions, one per target language, against hostile values.
#include "quote.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace xenplan;

TEST_CASE("xl strings escape only the double quote and the backslash") {
  CHECK(xl_string("plc-1") == "\"plc-1\"");
  CHECK(xl_string("a\"b") == "\"a\\\"b\"");
  CHECK(xl_string("C:\\x") == "\"C:\\\\x\"");
  CHECK(xl_string("$(reboot) `id`; a,b=c 'q'") == "\"$(reboot) `id`; a,b=c 'q'\"");
  CHECK(xl_string("") == "\"\"");
  CHECK_THROWS_AS(xl_string("a\nb"), std::invalid_argument);
  CHECK_THROWS_AS(xl_string("a\tb"), std::invalid_argument);
}

TEST_CASE("shell words are bare only when bash reads them back unchanged") {
  CHECK(shell_word("plc-1") == "plc-1");
  CHECK(shell_word("/etc/xen/xenplan/pools/rt.cfg") == "/etc/xen/xenplan/pools/rt.cfg");
  CHECK(shell_word("2-5,7") == "2-5,7");
  CHECK(shell_word("a b") == "'a b'");
  CHECK(shell_word("$(reboot)") == "'$(reboot)'");
  CHECK(shell_word("`id`") == "'`id`'");
  CHECK(shell_word("a;b") == "'a;b'");
  CHECK(shell_word("it's") == "'it'\\''s'");
  CHECK(shell_word("*") == "'*'");
  CHECK(shell_word("~root") == "'~root'");
  CHECK(shell_word("") == "''");
  CHECK(shell_word("a\"b") == "'a\"b'");
  CHECK_THROWS_AS(shell_word("a\nb"), std::invalid_argument);
}

TEST_CASE("GRUB words use single quotes like sh") {
  CHECK(grub_word("/boot/xen.gz") == "/boot/xen.gz");
  CHECK(grub_word("Debian GNU/Linux, with Xen") == "'Debian GNU/Linux, with Xen'");
  CHECK(grub_word("${root}") == "'${root}'");
  CHECK(grub_word("a'b") == "'a'\\''b'");
  CHECK_THROWS_AS(grub_word("a\rb"), std::invalid_argument);
}

TEST_CASE("ifupdown words are refused unless literal") {
  CHECK(ifupdown_word("xenbr0") == "xenbr0");
  CHECK(ifupdown_word("192.0.2.10/24") == "192.0.2.10/24");
  CHECK_THROWS_AS(ifupdown_word("br 0"), std::invalid_argument);
  CHECK_THROWS_AS(ifupdown_word("eth0;x"), std::invalid_argument);
  CHECK_THROWS_AS(ifupdown_word(""), std::invalid_argument);
}

TEST_CASE("xl device-spec values are refused when xl would split them or read another key") {
  CHECK(xl_spec_value("e1000") == "e1000");
  CHECK(xl_spec_value("10Mb/s@20ms") == "10Mb/s@20ms");
  CHECK(xl_spec_value("192.0.2.20") == "192.0.2.20");
  CHECK(xl_spec_value("/etc/xen/scripts/vif-route") == "/etc/xen/scripts/vif-route");
  CHECK_THROWS_AS(xl_spec_value("e1000,script=/tmp/x"), std::invalid_argument);
  CHECK_THROWS_AS(xl_spec_value("a=b"), std::invalid_argument);
  CHECK_THROWS_AS(xl_spec_value("a b"), std::invalid_argument);
  CHECK_THROWS_AS(xl_spec_value("\"x\""), std::invalid_argument);
  CHECK_THROWS_AS(xl_spec_value(""), std::invalid_argument);
}
