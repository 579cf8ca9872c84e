#include "import/disk_spec.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace xenplan {
namespace {

// A rule's match at the front of the rest of the spec: `rank` is the length flex compares
// (trailing context included), `length` what it consumes. Zero rank: no match.
struct Match {
  size_t rank = 0;
  size_t length = 0;
};

bool lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool lower_digit(char c) {
  return lower(c) || (c >= '0' && c <= '9');
}

// KEY=[^,]*,?
Match key_value(std::string_view s, std::string_view key_eq) {
  if (!s.starts_with(key_eq)) return {};
  size_t n = key_eq.size();
  while (n < s.size() && s[n] != ',') ++n;
  if (n < s.size()) ++n;
  return {n, n};
}

// WORD,?
Match word(std::string_view s, std::string_view w) {
  if (!s.starts_with(w)) return {};
  const size_t n = w.size() + (s.size() > w.size() && s[w.size()] == ',' ? 1 : 0);
  return {n, n};
}

// NAME: followed by `/.*`, which always matches: the rule counts as matching the whole rest.
Match prefix(std::string_view s, std::string_view name_colon) {
  if (!s.starts_with(name_colon)) return {};
  return {s.size(), name_colon.size()};
}

// [a-z][-a-z0-9]*=[^,],?   (an unknown parameter)
Match unknown_parameter(std::string_view s) {
  if (s.empty() || !lower(s[0])) return {};
  size_t n = 1;
  while (n < s.size() && (lower_digit(s[n]) || s[n] == '-')) ++n;
  if (n + 1 >= s.size() || s[n] != '=' || s[n + 1] == ',') return {};
  n += 2;
  if (n < s.size() && s[n] == ',') ++n;
  return {n, n};
}

// [a-z][a-z0-9]*:/([^a-z0-9].*)?   (an unknown deprecated prefix)
Match unknown_prefix(std::string_view s) {
  if (s.empty() || !lower(s[0])) return {};
  size_t n = 1;
  while (n < s.size() && lower_digit(s[n])) ++n;
  if (n >= s.size() || s[n] != ':') return {};
  ++n;
  const bool context = n < s.size() && !lower_digit(s[n]);
  return {context ? s.size() : n, n};
}

// [^=,]*,|[^=,]+,?
Match positional(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] != '=' && s[n] != ',') ++n;
  if (n < s.size() && s[n] == ',') return {n + 1, n + 1};
  return n > 0 ? Match{n, n} : Match{};
}

// The rules in libxlu_disk_l.l's order: the longest match wins, the first of equal ones. These are
// the rules of the scanner Xen 4.17 ships (the generated libxlu_disk_l.c, which Debian's xl is
// built from): it predates the .l's `trusted` and `untrusted`, which xl therefore reads as
// positional parameters.
enum class Rule {
  Blank,
  Format,
  Cdrom,
  DevtypeCdrom,
  DevtypeDisk,
  DevtypeOther,
  Access,
  Backend,
  BackendType,
  Specification,
  Vdev,
  Script,
  DirectIoSafe,
  Discard,
  NoDiscard,
  Colo,
  NoColo,
  ColoHost,
  ColoPort,
  ColoExport,
  ActiveDisk,
  HiddenDisk,
  Target,
  UnknownParameter,
  FormatPrefix,
  ScriptPrefix,
  OtherPrefix,
  UnknownPrefix,
  Positional,
  Bad,
};

struct Step {
  Rule rule = Rule::Bad;
  Match match;
  std::string_view prefix_name;
};

Step next_step(std::string_view s) {
  Step best;
  auto consider = [&](Rule rule, Match m, std::string_view name = {}) {
    if (m.rank > best.match.rank) best = {rule, m, name};
  };
  size_t blanks = 0;
  while (blanks < s.size() && (s[blanks] == ' ' || s[blanks] == '\t' || s[blanks] == '\n')) ++blanks;
  if (blanks > 0) consider(Rule::Blank, {s.size(), blanks});
  consider(Rule::Format, key_value(s, "format="));
  consider(Rule::Cdrom, word(s, "cdrom"));
  consider(Rule::DevtypeCdrom, word(s, "devtype=cdrom"));
  consider(Rule::DevtypeDisk, word(s, "devtype=disk"));
  consider(Rule::DevtypeOther, key_value(s, "devtype="));
  consider(Rule::Access, key_value(s, "access="));
  consider(Rule::Backend, key_value(s, "backend="));
  consider(Rule::BackendType, key_value(s, "backendtype="));
  consider(Rule::Specification, key_value(s, "specification="));
  consider(Rule::Vdev, key_value(s, "vdev="));
  consider(Rule::Script, key_value(s, "script="));
  consider(Rule::DirectIoSafe, word(s, "direct-io-safe"));
  consider(Rule::Discard, word(s, "discard"));
  consider(Rule::NoDiscard, word(s, "no-discard"));
  consider(Rule::Colo, word(s, "colo"));
  consider(Rule::NoColo, word(s, "no-colo"));
  consider(Rule::ColoHost, key_value(s, "colo-host="));
  consider(Rule::ColoPort, key_value(s, "colo-port="));
  consider(Rule::ColoExport, key_value(s, "colo-export="));
  consider(Rule::ActiveDisk, key_value(s, "active-disk="));
  consider(Rule::HiddenDisk, key_value(s, "hidden-disk="));
  if (s.starts_with("target=")) consider(Rule::Target, {s.size(), s.size()});
  consider(Rule::UnknownParameter, unknown_parameter(s));
  for (std::string_view f : {"raw:", "qcow:", "qcow2:", "vhd:"})
    consider(Rule::FormatPrefix, prefix(s, f), f);
  for (std::string_view f : {"iscsi:", "nbd:", "enbd:", "drbd:"})
    consider(Rule::ScriptPrefix, prefix(s, f), f);
  for (std::string_view f : {"tapdisk:", "tap:", "tap2:", "aio:", "ioemu:", "file:", "phy:"})
    consider(Rule::OtherPrefix, prefix(s, f), f);
  consider(Rule::UnknownPrefix, unknown_prefix(s));
  consider(Rule::Positional, positional(s));
  consider(Rule::Bad, {1, 1});
  return best;
}

class Parser {
 public:
  DiskSpec run(std::string_view spec) {
    std::string_view rest = spec;
    while (!rest.empty() && out_.error.empty()) {
      const Step step = next_step(rest);
      std::string text(rest.substr(0, step.match.length));
      rest.remove_prefix(step.match.length);
      apply(step, text, spec);
    }
    if (!out_.error.empty()) return out_;
    if (!format_set_) out_.format = "raw";
    if (out_.cdrom) {
      out_.readwrite = false;
      if (!out_.target || out_.target->empty()) out_.format = "empty";
    }
    if (!vdev_set_) {
      out_.error = "no vdev specified";
    } else if (!out_.target && !out_.cdrom) {
      out_.error = "no target specified (and device not removable)";
    }
    return out_;
  }

 private:
  static std::string strip(std::string text, char delim) {
    if (!text.empty() && text.back() == delim) text.pop_back();
    return text;
  }
  static std::string after_equals(const std::string& text) {
    return strip(text.substr(text.find('=') + 1), ',');
  }

  // xl's message names the parameter without the comma that ends it.
  void fail(std::string message, std::string_view near) {
    if (near.ends_with(',')) near.remove_suffix(1);
    out_.error = message + " near `" + std::string(near) + "`";
  }

  void set_format(const std::string& f, std::string_view near) {
    static constexpr std::array kFormats = {"raw", "qcow", "qcow2", "vhd", "empty", "qed"};
    const std::string value = f.empty() ? "raw" : f;
    if (std::find(kFormats.begin(), kFormats.end(), value) == kFormats.end())
      return fail("unknown value for format", near);
    if (format_set_ && out_.format != value) return fail("format respecified", near);
    out_.format = value;
    format_set_ = true;
  }
  void set_access(const std::string& a, std::string_view near) {
    if (a == "r" || a == "ro")
      out_.readwrite = false;
    else if (a == "rw" || a == "w" || a.empty())
      out_.readwrite = true;
    else
      fail("unknown value for access", near);
  }
  // xl's savestring: a second non-empty value is an error.
  void save(std::optional<std::string>& field, std::string value, const char* what, std::string_view near) {
    if (field && !field->empty()) return fail(std::string(what) + " respecified", near);
    field = std::move(value);
  }
  void set_vdev(std::string value, std::string_view near) {
    if (vdev_set_ && !out_.vdev.empty()) return fail("vdev respecified", near);
    out_.vdev = std::move(value);
    vdev_set_ = true;
  }
  // A positional `hdc:cdrom`: the vdev and the deprecated device type.
  bool vdev_and_devtype(const std::string& text, std::string_view near) {
    const size_t colon = text.rfind(':');
    if (colon == std::string::npos) return false;
    set_vdev(text.substr(0, colon), near);
    const std::string type = text.substr(colon + 1);
    if (type == "cdrom")
      out_.cdrom = true;
    else if (type == "disk")
      out_.cdrom = false;
    else
      fail("unknown deprecated type", near);
    return true;
  }

  void positional_parameter(const std::string& raw, std::string_view near) {
    const std::string text = strip(raw, ',');
    if (!out_.target) {
      out_.target = text;
    } else if (!had_prefix_ && !format_set_) {
      if (out_.target->empty() && vdev_and_devtype(text, near))
        out_.format = "empty", format_set_ = true;
      else
        set_format(text, near);
    } else if (!vdev_set_) {
      if (!vdev_and_devtype(text, near)) set_vdev(text, near);
    } else if (!access_set_) {
      access_set_ = true;
      set_access(text, near);
    } else {
      fail("too many positional parameters", near);
    }
  }

  // Messages name what xl's do: the value of a key=value parameter, the text of any other.
  void apply(const Step& step, const std::string& text, std::string_view spec) {
    switch (step.rule) {
      case Rule::Blank:
        return;
      case Rule::Format:
        return set_format(after_equals(text), after_equals(text));
      case Rule::Cdrom:
      case Rule::DevtypeCdrom:
        out_.cdrom = true;
        return;
      case Rule::DevtypeDisk:
        out_.cdrom = false;
        return;
      case Rule::DevtypeOther:
        return fail("unknown value for type", text);
      case Rule::Access:
        return set_access(after_equals(text), after_equals(text));
      case Rule::Backend:
        return save(out_.backend, after_equals(text), "backend", after_equals(text));
      case Rule::Vdev:
        return set_vdev(after_equals(text), after_equals(text));
      case Rule::Script:
        return save(out_.script, after_equals(text), "script", after_equals(text));
      case Rule::Discard:
        out_.discard = true;
        return;
      case Rule::NoDiscard:
        out_.discard = false;
        return;
      case Rule::Target:
        return save(out_.target, after_equals(text), "target", after_equals(text));
      case Rule::UnknownParameter:
        return fail("unknown parameter", text);
      case Rule::FormatPrefix:
        had_prefix_ = true;
        out_.prefix = strip(text, ':');
        return set_format(strip(text, ':'), text);
      case Rule::ScriptPrefix:
        had_prefix_ = true;
        out_.prefix = strip(text, ':');
        return save(out_.script, "block-" + strip(text, ':'), "script", text);
      case Rule::OtherPrefix:
        had_prefix_ = true;
        if (!out_.prefix) out_.prefix = strip(text, ':');
        return;
      case Rule::UnknownPrefix:
        return fail("unknown deprecated disk prefix", text);
      case Rule::Positional:
        return positional_parameter(text, text);
      case Rule::BackendType: {
        const std::string v = after_equals(text);
        if (v != "phy" && v != "tap" && v != "qdisk" && v != "standalone")
          return fail("unknown value for backendtype", text);
        out_.others.push_back(strip(text, ','));
        return;
      }
      case Rule::Specification: {
        const std::string v = after_equals(text);
        if (v != "xen" && v != "virtio") return fail("unknown value for specification", text);
        out_.others.push_back(strip(text, ','));
        return;
      }
      case Rule::Bad:
        return fail("bad disk syntax", spec);
      default:
        out_.others.push_back(strip(text, ','));
        return;  // backendtype=, colo..., trusted, ...
    }
  }

  DiskSpec out_;
  bool format_set_ = false;
  bool vdev_set_ = false;
  bool access_set_ = false;
  bool had_prefix_ = false;
};

}  // namespace

DiskSpec parse_disk_spec(std::string_view spec) {
  return Parser().run(spec);
}

}  // namespace xenplan
