#include "import/xl_values.h"

#include <cerrno>
#include <cstdlib>

namespace xenplan {

std::optional<long> xl_long(const XlCfgValue& v) {
  if (!v.is_atom() || v.text.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const long n = std::strtol(v.text.c_str(), &end, 0);
  if (errno != 0 || *end != '\0' || end == v.text.c_str()) return std::nullopt;
  return n;
}

const std::string* xl_text(const XlCfgValue& v) {
  return v.is_atom() ? &v.text : nullptr;
}

std::vector<const XlCfgValue*> xl_strings(const XlCfgValue& v) {
  std::vector<const XlCfgValue*> out;
  if (!v.is_list()) return out;
  for (const XlCfgValue& item : v.items) {
    if (!item.is_atom()) break;  // xlu_cfg_get_listitem gives nothing for a list: xl stops there
    out.push_back(&item);
  }
  return out;
}

XlKeys::XlKeys(const XlCfgFile& cfg) : cfg_(cfg), taken_(cfg.settings.size(), false) {}

const XlCfgSetting* XlKeys::take(std::string_view key) {
  for (size_t i = 0; i < cfg_.settings.size(); ++i) {
    if (cfg_.settings[i].key == key) {
      taken_[i] = true;
      return &cfg_.settings[i];
    }
  }
  return nullptr;
}

std::vector<const XlCfgSetting*> XlKeys::rest() const {
  std::vector<const XlCfgSetting*> out;
  for (size_t i = 0; i < cfg_.settings.size(); ++i) {
    if (!taken_[i]) out.push_back(&cfg_.settings[i]);
  }
  return out;
}

}  // namespace xenplan
