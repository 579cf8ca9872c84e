#include "model/identity.h"

#include "base/uuid.h"

namespace xenplan {

std::string domain_uuid(const Model& model, const Domain& domain) {
  return name_based_uuid(kDomainUuidNamespace, model.host.name.value + "/" + domain.name.value);
}

}  // namespace xenplan
