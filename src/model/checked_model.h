// A model that passed validation: what the backends read. Constructing one verifies that every
// reference is resolved, so a backend can reach a pool, bridge or volume group only through a
// reference that names one (a gap in validation becomes an internal error, never a bad index).
#pragma once

#include "model/model.h"

namespace xenplan {

class CheckedModel {
 public:
  // Throws std::logic_error naming the first unresolved reference.
  explicit CheckedModel(const Model& model);

  const Model& model() const { return model_; }

  const Pool* pool_of(const Domain& d) const;  // null: Pool-0
  const Bridge& bridge_of(const Network& n) const;
  const VolumeGroup& group_of(const Disk& disk) const;  // volume disks only

 private:
  const Model& model_;
};

}  // namespace xenplan
