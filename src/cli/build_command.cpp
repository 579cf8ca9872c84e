// `xenplan build FILE... -o DIR | --check DIR`: check everything, then write (or compare) the
// artifacts of every host. Nothing is written unless every description is valid.
#include <fmt/format.h>

#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/diagnostics_output.h"
#include "cli/pipeline.h"
#include "cli/summary.h"
#include "emitters.h"
#include "output/compare_tree.h"
#include "output/write_tree.h"

namespace xenplan {
namespace {

constexpr const char* kOutputMarker = "\"generator\": \"xenplan\"";

struct HostOutput {
  const CompiledDescription* compiled;
  std::string dir;
  Artifacts artifacts;
  std::vector<TreeFile> files;
};

// DIR/<name>, without doubling the slash of a DIR given as `out/`.
std::string join_dir(const std::string& dir, const std::string& name) {
  return dir.ends_with('/') ? dir + name : fmt::format("{}/{}", dir, name);
}

std::vector<TreeFile> tree_files(const Artifacts& artifacts) {
  std::vector<TreeFile> files;
  for (const Artifact& a : artifacts) files.push_back({a.path, a.mode, a.content});
  return files;
}

// `--check`: list what differs; true when everything is up to date.
bool up_to_date(const HostOutput& host, std::ostream& out) {
  const auto differences = compare_tree(host.dir, host.files);
  for (const TreeDifference& d : differences) {
    const char* what = d.kind == TreeDifference::Kind::Changed   ? "changed"
                       : d.kind == TreeDifference::Kind::Missing ? "missing"
                                                                 : "extra";
    out << fmt::format("{}: {}\n", what, join_dir(host.dir, d.path));
  }
  return differences.empty();
}

// `-o`: checks every DIR before any is written, so a refusal writes nothing anywhere; then
// writes each host's tree.
int write_all(const std::vector<HostOutput>& hosts, const Options& options, std::ostream& human) {
  WriteTarget target{"", options.force, kOutputMarker, {}};
  for (const std::string& f : options.files) {
    if (f != "-") target.inputs.push_back(f);  // standard input is no file a DIR could hold
  }
  for (const HostOutput& h : hosts) {
    target.dir = h.dir;
    ResolvedDir resolved;
    if (const WriteOutcome checked = check_target(target, resolved); !checked.ok) {
      std::cerr << fmt::format("xenplan: error: {}; nothing was written\n", checked.error);
      return checked.refused ? kExitUsage : kExitUnreadable;
    }
  }
  for (const HostOutput& h : hosts) {
    target.dir = h.dir;
    const WriteOutcome written = write_tree(target, h.files);
    if (!written.ok) {
      std::cerr << fmt::format("xenplan: error: {}{}\n", written.error,
                               written.replaced ? "" : "; nothing was written there");
      return written.refused ? kExitUsage : kExitUnreadable;
    }
    human << fmt::format("{}: ", h.compiled->loaded.source->name()) << host_summary(*h.compiled->model);
    human << fmt::format("wrote {} files to {}:\n", h.files.size(), h.dir);
    for (const Artifact& a : h.artifacts)
      human << fmt::format("  {:<12} {}\n", artifact_kind_name(a.kind), a.path);
  }
  return kExitOk;
}

}  // namespace

int run_build(const Options& options) {
  DiagnosticsOutput output(options);
  const std::vector<CompiledFile> files = compile_all(options.files, options.syntax, {options.allow_unknown});
  bool unreadable = false;
  for (const CompiledFile& f : files) {
    output.add(f.diagnostics);
    unreadable = unreadable || !f.compiled.loaded.readable;
  }
  output.finish();
  std::ostream& human = output.machine() ? std::cerr : std::cout;  // stdout is the document's
  if (unreadable) return kExitUnreadable;
  if (output.errors() > 0) {
    std::cerr << "xenplan: nothing was written\n";
    return kExitInvalid;
  }
  const std::string root = options.drift_dir.empty() ? options.output : options.drift_dir;
  std::vector<HostOutput> hosts;
  std::map<std::string, std::string> host_files;  // host name → the file that describes it
  for (const CompiledFile& f : files) {
    const CompiledDescription& c = f.compiled;
    const std::string& name = c.model->host.name.value;
    if (const auto [it, fresh] = host_files.emplace(name, c.loaded.source->name()); !fresh) {
      std::cerr << fmt::format("xenplan: error: {} and {} both describe host `{}`; nothing was written\n",
                               it->second, c.loaded.source->name(), name);
      return kExitInvalid;
    }
    const std::string dir = files.size() == 1 ? root : join_dir(root, name);
    Artifacts artifacts = emit_artifacts(CheckedModel(*c.model), *c.analysis);
    std::vector<TreeFile> tree = tree_files(artifacts);
    hosts.push_back({&c, dir, std::move(artifacts), std::move(tree)});
  }
  if (!options.drift_dir.empty()) {
    bool clean = true;
    for (const HostOutput& h : hosts) clean = up_to_date(h, human) && clean;
    if (clean) human << fmt::format("{}: up to date\n", root);
    return clean ? kExitOk : kExitInvalid;
  }
  return write_all(hosts, options, human);
}

}  // namespace xenplan
