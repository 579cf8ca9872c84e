// One quoting function per target language. Every value from a description that reaches a
// generated file passes through exactly one of these. Validation has already rejected control
// characters; these functions refuse them again (std::invalid_argument) rather than emit them.
#pragma once

#include <string>
#include <string_view>

namespace xenplan {

// An xl.cfg string (xl.cfg(5)): double quotes, only `"` and `\` escaped. xl's numeric escapes
// are broken and raw newlines are not allowed, so control characters are refused.
std::string xl_string(std::string_view value);

// One bash word that bash reads back as exactly `value`: bare when it is made of safe
// characters, otherwise single-quoted with `'` written as '\''.
std::string shell_word(std::string_view value);

// One GRUB script word (grub.cfg is a shell-like language; its single quotes work like sh).
std::string grub_word(std::string_view value);

// A value inside one of xl's device specifications (a DISKSPEC key other than target, a VIFSPEC,
// a PCI_SPEC, a VFB_SPEC): they are `key=value` lists split at commas, with no quoting, so a value
// is refused unless it is made of characters that cannot end it or start another key.
std::string xl_spec_value(std::string_view value);

// A word of /etc/network/interfaces, which has no quoting at all: refused unless it is made of
// characters ifupdown reads literally.
std::string ifupdown_word(std::string_view value);

}  // namespace xenplan
