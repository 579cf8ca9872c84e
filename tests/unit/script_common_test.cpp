// The pieces the generated scripts are made of: the one door for command lines, the grouping of
// `xl sched-rtds` calls, and the host paths derived from one definition each.
#include "script_common.h"

#include <doctest/doctest.h>

#include "paths.h"

using namespace xenplan;

TEST_CASE("every generated command line quotes each word, run lines name their step first") {
  CHECK(script_line({"start_domain", "plc-1", "/etc/xen/xenplan/domains/plc-1.cfg"}) ==
        "start_domain plc-1 /etc/xen/xenplan/domains/plc-1.cfg\n");
  CHECK(script_line({"check_domain", "a b", "$(id)"}, 2) == "  check_domain 'a b' '$(id)'\n");
  CHECK(run_line("setting RTDS parameters of plc", {"xl", "sched-rtds", "-d", "plc", "-v", "all"}) ==
        "run 'setting RTDS parameters of plc' xl sched-rtds -d plc -v all\n");
}

TEST_CASE("one sched-rtds call for equal vCPUs, one per vCPU otherwise, none for no vCPU") {
  const VcpuRtds a{2000, 10000, false}, b{4000, 20000, true};
  const auto all = rtds_calls({a, a, a});
  REQUIRE(all.size() == 1);
  CHECK(all[0].vcpu == "all");
  CHECK(all[0].params == a);
  const auto each = rtds_calls({a, b});
  REQUIRE(each.size() == 2);
  CHECK(each[0].vcpu == "0");
  CHECK(each[1].vcpu == "1");
  CHECK(each[1].params == b);
  CHECK(rtds_calls({}).empty());
}

TEST_CASE("host paths: a hypervisor image's build configuration, xenplan's bridge stanzas") {
  CHECK(paths::hypervisor_config("/boot/xen-4.17-amd64.gz") == "/boot/xen-4.17-amd64.config");
  CHECK(paths::hypervisor_config("/boot/xen-4.17-amd64.efi") == "/boot/xen-4.17-amd64.config");
  CHECK(paths::hypervisor_config("/boot/xen-4.17.3") == "/boot/xen-4.17.3.config");
  CHECK(paths::network_stanza("xenbr0") == "/etc/network/interfaces.d/xenplan-xenbr0");
}
