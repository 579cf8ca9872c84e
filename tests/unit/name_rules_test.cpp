#include "passes/name_rules.h"

#include <doctest/doctest.h>

using namespace xenplan;

TEST_CASE("domain names: LVM-safe words that xl cannot mistake for ids") {
  CHECK_FALSE(domain_name_problem("plc-1"));
  CHECK_FALSE(domain_name_problem("web.example_2+x"));
  CHECK(*domain_name_problem("1234") == "it is all digits, which xl reads as a domain id");
  CHECK(*domain_name_problem("a/b") == "it contains `/`");
  CHECK(*domain_name_problem("a b") == "it contains a space");
  CHECK(*domain_name_problem("a$(reboot)") == "it contains `$`");
  CHECK(*domain_name_problem("a`b`") == "it contains ```");
  CHECK(*domain_name_problem("a'b") == "it contains `'`");
  CHECK(*domain_name_problem("a\"b") == "it contains `\"`");
  CHECK(*domain_name_problem("a;b") == "it contains `;`");
  CHECK(*domain_name_problem("a\nb") == "it contains control character 0x0a");
  CHECK(*domain_name_problem("-x") == "it starts with `-`");
  CHECK(*domain_name_problem(".x") == "it starts with `.`");
  CHECK(*domain_name_problem("") == "it is empty");
  CHECK(*domain_name_problem("caf\xc3\xa9") == "it contains a non-ASCII character");
  CHECK(*domain_name_problem(std::string(65, 'a')) == "it is longer than 64 characters");
}

TEST_CASE("pool, bridge and volume names") {
  CHECK(*pool_name_problem("42") == "it is all digits, which xl reads as a pool id");
  CHECK_FALSE(pool_name_problem("rt"));
  CHECK_FALSE(interface_name_problem("xenbr0"));
  CHECK(*interface_name_problem("averyverylongbridge") == "it is longer than 15 characters");
  CHECK(*interface_name_problem("br:0") == "it contains `:`");
  CHECK_FALSE(volume_group_name_problem("vg0"));
  CHECK(*volume_group_name_problem("mapper") ==
        "`/dev/mapper` already exists, and LVM cannot name a group after it");
  CHECK_FALSE(logical_volume_name_problem("plc-1-xvda"));
  CHECK(*logical_volume_name_problem("x_tmeta-xvda") == "it contains `_tmeta`, which LVM reserves");
  CHECK(*logical_volume_name_problem("snapshot") == "`snapshot` is reserved by LVM");
}

TEST_CASE("paths, command lines and Xen options") {
  CHECK_FALSE(absolute_path_problem("/boot/vmlinuz"));
  CHECK_FALSE(absolute_path_problem("/srv/a,b 'c'.img"));  // quoted by the backends
  CHECK(*absolute_path_problem("boot/vmlinuz") == "it is not an absolute path");
  CHECK(*absolute_path_problem("/a\nb") == "it contains control character 0x0a");
  CHECK_FALSE(bootloader_problem("pygrub"));
  CHECK_FALSE(bootloader_problem("/usr/lib/xen-4.17/bin/pygrub"));
  CHECK(*bootloader_problem("py grub") == "it contains a space");
  CHECK_FALSE(free_text_problem("root=/dev/xvda1 ro console=hvc0 quiet=\"x\""));
  CHECK(*free_text_problem("a\tb") == "it contains control character 0x09");
  CHECK_FALSE(xen_option_problem("com1=115200,8n1"));
  CHECK(*xen_option_problem("console=com1 loglvl=all") == "it contains a space");
  CHECK(*xen_option_problem("x=$(id)") == "it contains `$`");
}

TEST_CASE("IPv4 addresses") {
  CHECK_FALSE(ipv4_cidr_problem("192.0.2.10/24"));
  CHECK(*ipv4_cidr_problem("192.0.2.10") == "it has no prefix length (such as /24)");
  CHECK(*ipv4_cidr_problem("192.0.2.300/24") == "it is not an IPv4 address");
  CHECK(*ipv4_cidr_problem("192.0.2.1/33") == "its prefix length is above 32");
  CHECK_FALSE(ipv4_address_problem("192.0.2.1"));
  CHECK(*ipv4_address_problem("192.0.2") == "it is not an IPv4 address");
  CHECK(*ipv4_address_problem("01.2.3.4") == "it is not an IPv4 address");
}
