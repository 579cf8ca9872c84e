// An xl.cfg file as Xen's xl reads it (xl.cfg(5)): `key = value` settings, where a value is an
// atom (a quoted string, or a bare number xl keeps as text until a key reads it) or a list of
// values. read_xl_cfg (syntax/xl_cfg_reader.h) produces it; the importer reads it. Cpupool files
// have the same syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/source.h"

namespace xenplan {

struct XlCfgValue {
  enum class Kind { Atom, List };
  Kind kind = Kind::Atom;
  std::string text;               // Atom: the string unescaped, or the number as written
  bool quoted = false;            // Atom: written in quotes (false: a bare number)
  std::vector<XlCfgValue> items;  // List
  Span span;

  bool is_atom() const { return kind == Kind::Atom; }
  bool is_list() const { return kind == Kind::List; }
};

// One statement as written: `key = value` or `key += value`.
struct XlCfgAssignment {
  std::string key;
  Span key_span;
  bool append = false;  // `+=`
  XlCfgValue value;
};

// A key as xl sees it: the value of its last assignment, with the values of `+=` added to the
// one before (strings joined, lists concatenated).
struct XlCfgSetting {
  std::string key;
  Span key_span;                 // the key of its last assignment
  XlCfgValue value;              // items keep their own spans
  std::vector<Span> overridden;  // keys of the earlier assignments a later `=` replaced
};

struct XlCfgFile {
  std::vector<XlCfgAssignment> assignments;  // in the order written
  std::vector<XlCfgSetting> settings;        // one per key, in the order keys first appear
  std::vector<Span> comments;                // `#` to the end of the line, without the line break

  // The setting of `key`, or null.
  const XlCfgSetting* find(std::string_view key) const;
};

// Fills `file.settings` from `file.assignments` as xl does. A `+=` that adds a list to a string
// or a string to a list is an error (xl rejects the file): reported, and false returned.
bool resolve_xl_settings(XlCfgFile& file, const SourceFile& source, DiagnosticSink& sink);

}  // namespace xenplan
