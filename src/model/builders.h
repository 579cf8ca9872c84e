// The entity readers build_model is made of, one per part of a description.
// Each reads one mapping of the tree into its model struct and reports what is wrong with it.
#pragma once

#include "model/field_reader.h"
#include "model/model.h"

namespace xenplan {

void read_host(Context& ctx, const Node& node, Host& host);
void read_pool(Context& ctx, const Node& node, Pool& pool);
void read_domain(Context& ctx, const Node& node, Domain& domain);
// A domain's `xl:` settings; `what` names the domain in messages (model/build_xl_settings.cpp).
void read_xl_settings(Context& ctx, const Node& node, std::string_view what, std::vector<XlSetting>& out);

// A domain's passed-through and emulated hardware (build_devices.cpp), read from its mapping.
void read_devices(Context& ctx, MapReader& m, Domain& d);
// A list of PCI addresses without virtual slots (dom0's `pciback_hide`).
std::vector<Located<Bdf>> read_bdf_list(Context& ctx, const Node& node, std::string_view key);

}  // namespace xenplan
