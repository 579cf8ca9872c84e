// Generates synthetic but valid descriptions for the benchmarks (scripts/bench):
//   xenplan_generate host N FILE       a host with N domains (Pool-0, credit2) in YAML
//   xenplan_generate rtds V FILE       a host whose RTDS pool has V vCPUs that BCL can prove
//   xenplan_generate fleet N DIR       N small hosts (DIR/host-<i>.yaml), each with RTDS and null pools
//   xenplan_generate SHAPE N FILE [BYTES]   a host whose `domains` is one list of N nodes, for the
//                                      readers' scaling: SHAPE is flow (one line), flow-lines (an
//                                      item a line), block, flow-maps (N/3 `{a: x}`) or dsl (the
//                                      language, one line); items are `1`, or as wide as makes the
//                                      file BYTES long. Not valid (too many domains): only read.
//   xenplan_generate long-name BYTES FILE   a domain whose name is BYTES long
#include <fmt/format.h>

#include <algorithm>
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

// One list of `n` nodes in `shape`, its items widened until the file is about `bytes` long.
std::string list(const std::string& shape, unsigned n, size_t bytes) {
  const bool dsl = shape == "dsl";
  std::string out = dsl ? "xenplan 1\nhost h { cpus 4  memory 8GiB }\ndomains"
                        : "xenplan: 1\nhost: {name: h, cpus: 4, memory: 8GiB}\ndomains:";
  // The bytes of an item besides its text, and how many nodes it is.
  const size_t frame = shape == "block" ? 5 : shape == "flow-maps" ? 7 : shape == "flow-lines" ? 4 : 2;
  const unsigned nodes = shape == "flow-maps" ? 3 : 1;
  const unsigned items = n / nodes;
  const size_t room = bytes > out.size() + 8 ? bytes - out.size() - 8 : 0;
  const std::string item(std::max<size_t>(1, items ? room / items : 1) - (bytes ? frame : 0), 'x');
  const std::string word = bytes ? item : "1";
  if (shape != "block") out += " [";
  out.reserve(out.size() + items * (word.size() + frame) + 8);
  for (unsigned i = 0; i < items; ++i) {
    if (shape == "block")
      out += "\n  - " + word;
    else if (shape == "flow-lines")
      out += (i ? ",\n  " : "\n  ") + word;
    else if (shape == "flow-maps")
      out += (i ? ", {a: " : "{a: ") + word + "}";
    else
      out += (i ? ", " : "") + word;
  }
  out += shape == "block" ? "\n" : shape == "flow-lines" ? "\n]\n" : "]\n";
  return out;
}

std::string long_name(size_t bytes) {
  return fmt::format("xenplan: 1\nhost: {{name: h, cpus: 4, memory: 8GiB}}\ndomains: [{{name: {}}}]\n",
                     std::string(bytes, 'x'));
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr,
                 "usage: xenplan_generate host|rtds|fleet N FILE|DIR\n"
                 "       xenplan_generate flow|flow-lines|block|flow-maps|dsl N FILE [BYTES]\n"
                 "       xenplan_generate long-name BYTES FILE\n");
    return 2;
  }
  const std::string kind = argv[1];
  const auto n = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
  const size_t bytes = argc == 5 ? std::strtoul(argv[4], nullptr, 10) : 0;
  if (kind == "flow" || kind == "flow-lines" || kind == "block" || kind == "flow-maps" || kind == "dsl")
    write(argv[3], list(kind, n, bytes));
  else if (kind == "long-name")
    write(argv[3], long_name(n));
  else if (kind == "host")
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
