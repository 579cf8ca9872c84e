// xl's device specification strings (xl-disk-configuration(5), xl-network-configuration(5),
// xl-pci-configuration(5), the vfb of xl.cfg(5)): comma-separated key=value lists, every value
// through xl_spec_value() except a disk's target, which goes last because it takes the rest.
#pragma once

#include <string>

#include "model/checked_model.h"

namespace xenplan {

std::string disk_spec(const CheckedModel& m, const Domain& d, const Disk& disk);
std::string vif_spec(const CheckedModel& m, const Network& n);
std::string pci_spec(const PciDevice& dev);
std::string vfb_spec(const Vnc& vnc);

}  // namespace xenplan
