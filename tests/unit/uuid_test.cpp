// Name-based UUIDs: RFC 4122 version 5, and the identity xenplan derives for each domain.
#include "base/uuid.h"

#include <doctest/doctest.h>

#include <stdexcept>

#include "model/identity.h"

using namespace xenplan;

TEST_CASE("version-5 UUIDs match RFC 4122's algorithm (values from Python's uuid.uuid5)") {
  // The DNS namespace of RFC 4122, appendix C.
  CHECK(name_based_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com") ==
        "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  CHECK(name_based_uuid("6ba7b810-9DAD-11D1-80B4-00C04FD430C8", "www.example.com") ==
        "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  CHECK(name_based_uuid(kDomainUuidNamespace, "") == "67923d77-e65b-5f15-8255-2381409c56b2");
  CHECK_THROWS_AS(name_based_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c", "x"), std::invalid_argument);
  CHECK_THROWS_AS(name_based_uuid("6ba7b810x9dad-11d1-80b4-00c04fd430c8", "x"), std::invalid_argument);
  CHECK_THROWS_AS(name_based_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430cg", "x"), std::invalid_argument);
}

TEST_CASE("a domain's UUID is the version-5 UUID of <host>/<domain> in xenplan's namespace") {
  Model m;
  m.host.name.value = "rt-node-1";
  Domain d;
  d.name.value = "plc-1";
  // uuidgen --sha1 --namespace 6ca9060d-f0a5-4af9-80e9-97ef5da98709 --name rt-node-1/plc-1
  CHECK(domain_uuid(m, d) == "c55d971b-1437-5cf1-b499-fc2f6ca30d07");
  m.host.name.value = "rt-node-2";
  CHECK(domain_uuid(m, d) != "c55d971b-1437-5cf1-b499-fc2f6ca30d07");
}
