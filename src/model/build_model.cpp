#include "model/build_model.h"

#include <fmt/format.h>

#include <string>

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

// Finds `name` among `names` (each with its definition span); reports when it is missing.
template <class Named>
std::optional<uint32_t> resolve(Context& ctx, const Located<std::string>& ref, const std::vector<Named>& defs,
                                std::string_view kind, std::string_view example) {
  std::vector<std::string> candidates;
  for (uint32_t i = 0; i < defs.size(); ++i) {
    if (defs[i].name.value == ref.value) return i;
    candidates.push_back(defs[i].name.value);
  }
  auto b = ctx.sink.error(Code::UnresolvedRef, ctx.at(ref.span),
                          fmt::format("no {} is named {}", kind, echo(ref.value)));
  if (const auto guess = closest_match(ref.value, candidates)) {
    for (const auto& def : defs) {
      if (def.name.value == *guess)
        b.note(ctx.at(def.name.span), fmt::format("{} {} is defined here", kind, echo(*guess)));
    }
    b.help(fmt::format("did you mean {}?", echo(*guess)));
  } else {
    b.help(fmt::format("define it first, for example {}", example));
  }
  return std::nullopt;
}

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
  for (Domain& d : model.domains) {
    if (d.pool_name && d.pool_name->value != "Pool-0") {
      d.pool = resolve(ctx, *d.pool_name, model.pools, "pool", "under `pools:`");
    }
    for (Network& n : d.networks) {
      if (n.bridge.value.empty()) continue;
      n.bridge_index = resolve(ctx, n.bridge, model.host.bridges, "bridge", "under `host.bridges:`");
    }
    for (Disk& disk : d.disks) {
      if (disk.source != DiskSource::Volume || disk.group.value.empty()) continue;
      disk.group_index =
          resolve(ctx, disk.group, model.host.volume_groups, "volume group", "under `host.volume_groups:`");
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
  return model;
}

}  // namespace xenplan
