// A small JSON writer: deterministic output (two-space indentation, keys in the order written),
// strings escaped per RFC 8259. Used for report.json and machine-readable output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xenplan {

std::string json_quote(std::string_view text);

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(uint64_t number);
  JsonWriter& value(double number);  // printed with up to 6 decimals
  JsonWriter& value(bool flag);
  JsonWriter& null();

  // The document, ending in a newline.
  std::string finish();

 private:
  void before_value();
  void newline();

  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace xenplan
