// The identity xenplan gives each domain it describes: a UUID derived from the host's and the
// domain's names, written into the domain's xl.cfg and checked by xenplan-up and xenplan-down,
// so that they act only on domains they created, never on a foreign domain of the same name.
#pragma once

#include <string>
#include <string_view>

#include "model/model.h"

namespace xenplan {

// xenplan's namespace for name-based UUIDs (a fixed random UUID; never change it: every
// deployed host's domains carry UUIDs derived from it).
inline constexpr std::string_view kDomainUuidNamespace = "6ca9060d-f0a5-4af9-80e9-97ef5da98709";

// The domain's `uuid` when the description gives one (lower-case); otherwise the RFC 4122
// version-5 UUID of "<host>/<domain>" in kDomainUuidNamespace, lower-case, as
//   uuidgen --sha1 --namespace 6ca9060d-f0a5-4af9-80e9-97ef5da98709 --name HOST/DOMAIN
// prints it.
std::string domain_uuid(const Model& model, const Domain& domain);

}  // namespace xenplan
