#include "syntax/xl_config.h"

#include <fmt/format.h>

#include <map>

namespace xenplan {

const XlCfgSetting* XlCfgFile::find(std::string_view key) const {
  for (const XlCfgSetting& s : settings) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

bool resolve_xl_settings(XlCfgFile& file, const SourceFile& source, DiagnosticSink& sink) {
  std::map<std::string, size_t, std::less<>> index;
  file.settings.clear();
  for (const XlCfgAssignment& a : file.assignments) {
    const auto it = index.find(a.key);
    if (it == index.end()) {
      index.emplace(a.key, file.settings.size());
      file.settings.push_back({a.key, a.key_span, a.value, {}});
      continue;
    }
    XlCfgSetting& s = file.settings[it->second];
    if (!a.append) {
      s.overridden.push_back(s.key_span);
      s.key_span = a.key_span;
      s.value = a.value;
      continue;
    }
    if (s.value.kind != a.value.kind) {
      sink.error(Code::SyntaxError, {&source, a.value.span},
                 fmt::format("`{} +=` adds {} to {}: xl adds lists to lists and strings to strings only",
                             a.key, a.value.is_list() ? "a list" : "a string",
                             s.value.is_list() ? "a list" : "a string"))
          .note({&source, s.key_span}, "the value it adds to is set here");
      return false;
    }
    s.key_span = a.key_span;
    if (s.value.is_atom()) {
      s.value.text += a.value.text;
      s.value.span = a.value.span;
    } else {
      s.value.items.insert(s.value.items.end(), a.value.items.begin(), a.value.items.end());
      s.value.span = a.value.span;
    }
  }
  return true;
}

}  // namespace xenplan
