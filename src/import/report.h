// What an import did not carry over exactly, finding by finding: the summary `xenplan import`
// prints on standard error, and the comments it writes into the description. Import never loses
// a key silently: every key of every input is mapped, passed through `xl:`, or a finding here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace xenplan {

enum class FindingKind {
  Dropped,    // in the input, not in the description: the host will run without it
  Guessed,    // in the description, but no input decides it (host facts, a bridge never defined)
  Defaulted,  // not in the input: the description writes the default xl or Xen applies
  Rewritten,  // in the input, written in another form that xl or Xen reads alike
  Ignored,    // in the input, but xl (or Xen, or GRUB) ignores it too: nothing changes
};

std::string_view finding_kind_name(FindingKind kind);  // "dropped", "guessed", ...

struct Finding {
  FindingKind kind = FindingKind::Dropped;
  Location where;       // the input it is about (positioned at the key or value when there is one)
  std::string subject;  // what it is about, in the input's terms: `memory`, `vif[1].mtu`, `dom0_mem`
  std::string message;  // why, and what the description does instead; starts lower-case
};

class ImportReport {
 public:
  void add(Finding finding) { findings_.push_back(std::move(finding)); }
  const std::vector<Finding>& findings() const { return findings_; }
  size_t count(FindingKind kind) const;

 private:
  std::vector<Finding> findings_;
};

// "web.cfg:12:7" (or "web.cfg" for a finding about a whole file), for the summary and comments.
std::string finding_place(const Finding& f);
// The comment a finding leaves in the description: `KIND SUBJECT: MESSAGE (PLACE)`.
std::string finding_comment(const Finding& f);

// One line per finding, `PLACE: KIND SUBJECT: MESSAGE`, in input order, then a line of counts.
std::string render_import_summary(const ImportReport& report, size_t files, size_t domains, size_t pools);

}  // namespace xenplan
