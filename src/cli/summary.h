// A short human summary of a checked host: its pools, their CPUs and members.
#pragma once

#include <string>

#include "model/model.h"

namespace xenplan {

std::string host_summary(const Model& model);

}  // namespace xenplan
