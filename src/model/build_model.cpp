#include "model/build_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "base/echo.h"
#include "base/edit_distance.h"
#include "model/builders.h"
#include "model/value_readers.h"
#include "syntax/limits.h"

namespace xenplan {
namespace {

constexpr uint64_t kFormatVersion = 1;

bool read_format_version(Context& ctx, MapReader& top) {
  const Node* v = top.optional("xenplan");
  if (!v) {
    ctx.sink.error(Code::FormatVersion, ctx.at(top.span()), "the description does not say its format version")
        .help("start the file with `xenplan: 1`");
    return false;
  }
  if (v->kind != NodeKind::Scalar || v->quoted || v->text != std::to_string(kFormatVersion)) {
    ctx.sink
        .error(Code::FormatVersion, ctx.at(v->span),
               fmt::format("unsupported format version {}", echo(v->text)))
        .help(fmt::format("this xenplan reads format version {0}: write `xenplan: {0}`", kFormatVersion));
    return false;
  }
  return true;
}

// Resolves references to one kind of entity by name, in constant time per reference, and reports
// names that are missing. "Did you mean" is searched for the first kMaxSuggestions misses only, so a
// hostile file with thousands of them stays linear. A reference whose own value was invalid was
// reported where it was read, and stays unresolved without a second message.
template <class Named>
class Resolver {
 public:
  Resolver(Context& ctx, const std::vector<Named>& defs, std::string_view kind, std::string_view where)
      : ctx_(ctx), defs_(defs), kind_(kind), where_(where) {
    for (uint32_t i = 0; i < defs.size(); ++i) {
      if (defs[i].name.usable()) index_.emplace(defs[i].name.value, i);  // the first of duplicates
    }
  }

  void resolve(Ref<Named>& ref) {
    if (!ref.name.written()) return;
    if (const auto it = index_.find(ref.name.value); it != index_.end()) {
      ref.resolve(it->second);
      return;
    }
    if (ref.name.value.empty()) {
      ctx_.sink.error(Code::UnresolvedRef, ctx_.at(ref.name.span), fmt::format("the {} name is empty", kind_))
          .help(fmt::format("name a {} defined {}", kind_, where_));
      return;
    }
    auto b = ctx_.sink.error(Code::UnresolvedRef, ctx_.at(ref.name.span),
                             fmt::format("no {} is named {}", kind_, echo(ref.name.value)));
    if (const auto guess = suggestion(ref.name.value)) {
      b.note(ctx_.at(defs_[index_.at(*guess)].name.span),
             fmt::format("{} {} is defined here", kind_, echo(*guess)));
      b.help(fmt::format("did you mean {}?", echo(*guess)));
    } else if (!index_.empty() && index_.size() <= kMaxListed) {
      b.help(fmt::format("name one of {}, or define {} {}", listed(), echo(ref.name.value), where_));
    } else {
      b.help(fmt::format("define it first, for example {}", where_));
    }
  }

 private:
  static constexpr size_t kMaxSuggestions = 64;
  static constexpr size_t kMaxListed = 8;

  std::optional<std::string> suggestion(const std::string& name) {
    if (suggestions_left_ == 0) return std::nullopt;
    --suggestions_left_;
    if (names_.empty()) {
      for (const Named& d : defs_) {
        if (d.name.usable()) names_.push_back(d.name.value);
      }
    }
    return closest_match(name, names_);
  }

  std::string listed() const {
    std::string out;
    for (const Named& d : defs_) {
      if (d.name.usable()) out += fmt::format("{}{}", out.empty() ? "" : ", ", echo(d.name.value));
    }
    return out;
  }

  Context& ctx_;
  const std::vector<Named>& defs_;
  std::string_view kind_, where_;
  std::unordered_map<std::string_view, uint32_t> index_;
  std::vector<std::string> names_;
  size_t suggestions_left_ = kMaxSuggestions;
};

bool within_limit(Context& ctx, const Node& list, size_t limit, std::string_view what) {
  if (list.items.size() <= limit) return true;
  ctx.sink
      .error(Code::InputLimit, ctx.at(list.span),
             fmt::format("the description has {} {}, more than xenplan's limit of {}", list.items.size(),
                         what, limit))
      .help("split the host into several descriptions");
  return false;
}

void resolve_references(Context& ctx, Model& model) {
  Resolver<Pool> pools(ctx, model.pools, "pool", "under `pools:`");
  Resolver<Bridge> bridges(ctx, model.host.bridges, "bridge", "under `host.bridges:`");
  Resolver<VolumeGroup> groups(ctx, model.host.volume_groups, "volume group", "under `host.volume_groups:`");
  for (Domain& d : model.domains) {
    if (d.pool.name.value != kPool0Name) pools.resolve(d.pool);
    for (Network& n : d.networks) bridges.resolve(n.bridge);
    for (Disk& disk : d.disks) {
      if (disk.source == DiskSource::Volume) groups.resolve(disk.group);
    }
  }
}

}  // namespace

std::optional<Model> build_model(const Tree& tree, const SourceFile& file, DiagnosticSink& sink) {
  if (!tree.has_root()) return std::nullopt;
  Context ctx{tree, file, sink};
  const Node& root = tree.node(tree.root());
  if (root.kind != NodeKind::Mapping) {
    sink.error(
        Code::WrongType, ctx.at(root.span),
        fmt::format("a description must be a mapping with `xenplan`, `host`, `pools` and `domains`, found {}",
                    kind_name(root.kind)));
    return std::nullopt;
  }
  MapReader top(ctx, root, "the description");
  if (!read_format_version(ctx, top)) return std::nullopt;

  Model model;
  model.file = &file;
  if (const Node* v = top.required("host", "host: {name: my-host, cpus: 8, memory: 32GiB, ...}")) {
    read_host(ctx, *v, model.host);
  }
  if (const Node* v = top.optional("pools")) {
    if (!within_limit(ctx, *v, kMaxPools, "pools")) return std::nullopt;
    for (NodeId id : read_list(ctx, *v, "`pools`")) {
      read_pool(ctx, tree.node(id), model.pools.emplace_back());
    }
  }
  if (const Node* v = top.optional("domains")) {
    if (!within_limit(ctx, *v, kMaxDomains, "domains")) return std::nullopt;
    for (NodeId id : read_list(ctx, *v, "`domains`")) {
      read_domain(ctx, tree.node(id), model.domains.emplace_back());
    }
  }
  top.finish();
  resolve_references(ctx, model);
  // Passed-through PCI devices need the IOMMU: on unless the description says otherwise.
  const bool has_pci =
      std::any_of(model.domains.begin(), model.domains.end(), [](const Domain& d) { return !d.pci.empty(); });
  const auto& options = model.host.xen.options;
  const bool own_iommu = std::any_of(options.begin(), options.end(), [](const Located<std::string>& o) {
    return o.value.starts_with("iommu=");
  });
  if (has_pci && !model.host.xen.iommu.given() && !own_iommu) model.host.xen.iommu.value = IommuMode::On;
  return model;
}

}  // namespace xenplan
