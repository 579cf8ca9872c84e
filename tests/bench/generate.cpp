// Generates synthetic but valid descriptions for the benchmarks (scripts/bench):
//   xenplan_generate host N FILE       a host with N domains (Pool-0, credit2) in YAML
//   xenplan_generate rtds V FILE       a host whose RTDS pool has V vCPUs that BCL can prove
//   xenplan_generate fleet N DIR       N small hosts (DIR/host-<i>.yaml), each with RTDS and null pools
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

std::string header(const std::string& name, unsigned cpus, unsigned long memory_mib, const char* version) {
  return fmt::format(
      "xenplan: 1\nhost:\n  name: {}\n  cpus: {}\n  memory: {}MiB\n  xen: {{version: \"{}\", schedulers: "
      "[credit, "
      "credit2, rtds, null]}}\n  dom0: {{memory: 2GiB, vcpus: 2, pin: true}}\n  bridges: [{{name: xenbr0, "
      "ports: "
      "[eth0], address: dhcp}}]\n  volume_groups: [{{name: vg0, devices: [/dev/sdb]}}]\n",
      name, cpus, memory_mib, version);
}

std::string domain(unsigned i, const std::string& extra) {
  return fmt::format(
      "  - {{name: d{}, type: pv, memory: 256MiB, vcpus: 2, kernel: /boot/vmlinuz, cmdline: "
      "\"root=/dev/xvda1 ro\", "
      "disks: [{{vdev: xvda, volume: {{group: vg0, size: 4GiB}}}}], networks: [{{bridge: xenbr0, mac: "
      "\"00:16:3e:{:02x}:{:02x}:{:02x}\"}}]{}}}\n",
      i, (i >> 16) & 255, (i >> 8) & 255, i & 255, extra);
}

std::string host(unsigned n) {
  std::string out = header("big", 64, n * 300ul + 4096, "4.17") + "domains:\n";
  for (unsigned i = 0; i < n; ++i) out += domain(i, "");
  return out;
}

// V vCPUs of utilization 0.3·m/V on m = V/8 CPUs: comfortably provable by BCL.
std::string rtds(unsigned vcpus, const std::string& name) {
  const unsigned cpus = std::max(2u, vcpus / 8);
  std::string out = header(name, cpus + 2, vcpus * 300ul + 4096, "4.14");
  out += fmt::format("pools:\n  - {{name: rt, scheduler: rtds, cpus: \"2-{}\"}}\ndomains:\n", cpus + 1);
  const unsigned domains = vcpus / 2;
  for (unsigned i = 0; i < domains; ++i) {
    const unsigned period = 10000 + (i * 37) % 10000;
    const unsigned budget = std::max(10u, period * 3 * cpus / (10 * vcpus));
    out += domain(i, fmt::format(", pool: rt, rtds: {{period: {}us, budget: {}us}}", period, budget));
  }
  return out;
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: xenplan_generate host|rtds|fleet N FILE|DIR\n");
    return 2;
  }
  const std::string kind = argv[1];
  const auto n = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
  if (kind == "host")
    write(argv[3], host(n));
  else if (kind == "rtds")
    write(argv[3], rtds(n, "rt"));
  else if (kind == "fleet") {
    std::filesystem::create_directories(argv[3]);
    for (unsigned i = 0; i < n; ++i)
      write(fmt::format("{}/host-{}.yaml", argv[3], i), rtds(8, fmt::format("host-{}", i)));
  } else {
    return 2;
  }
  return 0;
}
