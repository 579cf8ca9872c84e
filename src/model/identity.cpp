#include "model/identity.h"

#include <cctype>

#include "base/uuid.h"

namespace xenplan {

std::string domain_uuid(const Model& model, const Domain& domain) {
  if (domain.uuid.usable()) {
    std::string given = domain.uuid.value;
    for (char& c : given) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return given;  // xl prints UUIDs in lower case; the scripts compare with what xl prints
  }
  return name_based_uuid(kDomainUuidNamespace, model.host.name.value + "/" + domain.name.value);
}

}  // namespace xenplan
