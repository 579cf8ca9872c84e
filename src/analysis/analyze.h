// analyze: the schedulability verdict of every pool of a valid model (reference §8).
#pragma once

#include "analysis/report.h"
#include "model/model.h"

namespace xenplan {

AnalysisReport analyze(const Model& model);

}  // namespace xenplan
