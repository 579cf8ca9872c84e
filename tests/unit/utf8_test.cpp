#include "base/utf8.h"

#include <doctest/doctest.h>

#include <string>

using namespace xenplan;

TEST_CASE("UTF-8 validation") {
  constexpr auto npos = std::string_view::npos;
  CHECK(first_invalid_utf8("plain ascii") == npos);
  CHECK(first_invalid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") == npos);
  CHECK(first_invalid_utf8("ab\xff") == 2);            // never valid
  CHECK(first_invalid_utf8("a\xc0\xaf") == 1);         // overlong '/'
  CHECK(first_invalid_utf8("a\xe0\x80\xaf") == 1);     // overlong 3-byte
  CHECK(first_invalid_utf8("\xed\xa0\x80") == 0);      // a surrogate
  CHECK(first_invalid_utf8("\xf4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(first_invalid_utf8("ok\xc3") == 2);            // cut short
  CHECK(first_invalid_utf8("ok\xe2\x82x") == 2);       // bad continuation
}
