#include "model/checked_model.h"

#include <fmt/format.h>

#include <stdexcept>

namespace xenplan {
namespace {

[[noreturn]] void unresolved(std::string_view what, const Domain& d, std::string_view name) {
  throw std::logic_error(
      fmt::format("{} `{}` of domain `{}` was not resolved before building", what, name, d.name.value));
}

}  // namespace

CheckedModel::CheckedModel(const Model& model) : model_(model) {
  for (const Domain& d : model.domains) {
    if (!model.in_pool0(d) && !model.find(d.pool)) unresolved("pool", d, d.pool.name.value);
    for (const Network& n : d.networks) {
      if (!model.find(n.bridge)) unresolved("bridge", d, n.bridge.name.value);
    }
    for (const Disk& disk : d.disks) {
      if (disk.source == DiskSource::Volume && !model.find(disk.group))
        unresolved("volume group", d, disk.group.name.value);
    }
  }
}

const Pool* CheckedModel::pool_of(const Domain& d) const {
  return model_.pool_of(d);
}

const Bridge& CheckedModel::bridge_of(const Network& n) const {
  const Bridge* b = model_.find(n.bridge);
  if (!b) throw std::logic_error("a network outside this model");
  return *b;
}

const VolumeGroup& CheckedModel::group_of(const Disk& disk) const {
  const VolumeGroup* g = model_.find(disk.group);
  if (!g) throw std::logic_error("group_of a disk that is not a volume of this model");
  return *g;
}

}  // namespace xenplan
