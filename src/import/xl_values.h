// How xl's parser reads the value of a setting (tools/libs/util/libxlu_cfg.c of Xen 4.17):
// numbers as C's strtol with base 0 (so 0x200 and 0777 are numbers too), booleans as numbers,
// strings only from atoms, and a list's items only up to the first item that is itself a list.
// Also the set of a file's keys, so that a key no mapper takes is reported, never lost.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/sources.h"

namespace xenplan {

// The number xl reads, or nullopt when xl would ignore the key (a list, or not a whole number).
std::optional<long> xl_long(const XlCfgValue& v);
// The string xl reads, or nullopt for a list.
const std::string* xl_text(const XlCfgValue& v);
// The items xl reads from a list of strings.
std::vector<const XlCfgValue*> xl_strings(const XlCfgValue& v);

// The keys of one xl.cfg file; a mapper takes the ones it maps.
class XlKeys {
 public:
  explicit XlKeys(const XlCfgFile& cfg);

  // The setting, marked as taken; null when the file does not set it.
  const XlCfgSetting* take(std::string_view key);
  // The setting without taking it.
  const XlCfgSetting* peek(std::string_view key) const { return cfg_.find(key); }
  // The settings no mapper took, in the order of the file.
  std::vector<const XlCfgSetting*> rest() const;

 private:
  const XlCfgFile& cfg_;
  std::vector<bool> taken_;  // per cfg_.settings
};

}  // namespace xenplan
