#include "base/echo.h"

#include <doctest/doctest.h>

#include <string>

#include "base/diagnostic.h"

using namespace xenplan;

TEST_CASE("a short value is echoed whole, in backticks") {
  CHECK(echo("rt") == "`rt`");
  CHECK(echo("") == "``");
  CHECK(echo(std::string(80, 'a')) == "`" + std::string(80, 'a') + "`");
}

TEST_CASE("a long value is echoed as its two ends and its length") {
  CHECK(echo(std::string(81, 'a')) ==
        "`" + std::string(48, 'a') + "..." + std::string(16, 'a') + "` (81 bytes)");
  const std::string big = "<" + std::string(62914558, 'a') + ">";
  CHECK(echo(big) == "`<" + std::string(47, 'a') + "..." + std::string(15, 'a') + ">` (62914560 bytes)");
}

TEST_CASE("the window of a long value never splits a UTF-8 character") {
  std::string text = "x";
  for (int i = 0; i < 100; ++i) text += "\xc3\xa9";  // é
  text += "y";
  std::string head = "x", tail;
  for (int i = 0; i < 23; ++i) head += "\xc3\xa9";
  for (int i = 0; i < 7; ++i) tail += "\xc3\xa9";
  CHECK(echo(text) == "`" + head + "..." + tail + "y` (202 bytes)");
}

TEST_CASE("the sink cuts a message, note or help that echoed a long value whole") {
  DiagnosticSink sink;
  const std::string huge(1 << 20, 'a');
  sink.error(Code::BadValue, {}, "value `" + huge + "` is wrong").note({}, huge).help("write " + huge);
  const Diagnostic& d = sink.diagnostics().front();
  const std::string cut = std::string(768 - 7, 'a');
  CHECK(d.message == "value `" + cut + "..." + std::string(128 - 10, 'a') + "` is wrong (1048593 bytes)");
  CHECK(d.notes.front().message.size() < kMaxMessageBytes);
  CHECK(d.help.size() < kMaxMessageBytes);
  sink.error(Code::BadValue, {}, std::string(kMaxMessageBytes, 'b'));
  CHECK(sink.diagnostics().back().message == std::string(kMaxMessageBytes, 'b'));
}
