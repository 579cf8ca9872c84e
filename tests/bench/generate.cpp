// Generates synthetic but valid descriptions for the benchmarks (scripts/bench):
//   xenplan_generate host N FILE       a host with N domains (Pool-0, credit2) in YAML
//   xenplan_generate rtds V FILE       a host whose RTDS pool has V vCPUs that BCL can prove
//   xenplan_generate fleet N DIR       N small hosts (DIR/host-<i>.yaml), each with RTDS and null pools
// and the hostile cases of the README's "Hostile input", each as large as the input limits allow:
//   xenplan_generate null-wide N FILE       a null pool on CPUs 1-16383 with N domains of 128 vCPUs
//   xenplan_generate rtds-wide N FILE       a global RTDS pool on CPUs 1-16383, N domains of 128 vCPUs
//   xenplan_generate rtds-affinity N FILE   the same, each domain pinned to its own 128 CPUs (overlapping)
//   xenplan_generate cpus-wide N FILE       N one-vCPU domains in Pool-0, each with `cpus: "0-16383"`
//   xenplan_generate vcpus-wide N FILE      N domains of 128 vCPUs in Pool-0, each with `cpus: "0-16383"`
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

// The largest host Xen allows: 16,384 CPUs, dom0 pinned to CPU 0, `pools` given as written.
std::string wide_header(const std::string& pools) {
  return "xenplan: 1\nhost:\n  name: wide\n  cpus: 16384\n  memory: 16TiB\n  xen: {version: \"4.17\", "
         "schedulers: [credit, credit2, rtds, null]}\n  dom0: {memory: 2GiB, vcpus: 1, pin: true}\n" +
         pools + "domains:\n";
}

std::string wide_domain(unsigned i, unsigned vcpus, const std::string& extra) {
  return fmt::format("  - {{name: d{}, memory: 64MiB, vcpus: {}, kernel: /boot/vmlinuz{}}}\n", i, vcpus,
                     extra);
}

std::string null_wide(unsigned n) {
  std::string out = wide_header("pools:\n  - {name: nl, scheduler: null, cpus: \"1-16383\"}\n");
  for (unsigned i = 0; i < n; ++i) out += wide_domain(i, 128, ", pool: nl");
  return out;
}

// Utilization 0.01 per vCPU: 1,280 CPUs of budget for 1,000 domains, far below the pool's 16,383.
std::string rtds_wide(unsigned n, bool affinity) {
  std::string out = wide_header("pools:\n  - {name: rt, scheduler: rtds, cpus: \"1-16383\"}\n");
  for (unsigned i = 0; i < n; ++i) {
    std::string extra = ", pool: rt, rtds: {period: 100ms, budget: 1ms}";
    if (affinity) {
      const unsigned first = 1 + (i * 16) % (16383 - 127);
      extra += fmt::format(", cpus: \"{}-{}\"", first, first + 127);
    }
    out += wide_domain(i, 128, extra);
  }
  return out;
}

std::string cpus_wide(unsigned n, unsigned vcpus) {
  std::string out = wide_header("");
  for (unsigned i = 0; i < n; ++i) out += wide_domain(i, vcpus, ", cpus: \"0-16383\"");
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
    std::fprintf(
        stderr,
        "usage: xenplan_generate host|rtds|fleet|null-wide|rtds-wide|rtds-affinity|cpus-wide|vcpus-wide "
        "N FILE|DIR\n"
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
  else if (kind == "null-wide")
    write(argv[3], null_wide(n));
  else if (kind == "rtds-wide" || kind == "rtds-affinity")
    write(argv[3], rtds_wide(n, kind == "rtds-affinity"));
  else if (kind == "cpus-wide" || kind == "vcpus-wide")
    write(argv[3], cpus_wide(n, kind == "cpus-wide" ? 1 : 128));
  else if (kind == "fleet") {
    std::filesystem::create_directories(argv[3]);
    for (unsigned i = 0; i < n; ++i)
      write(fmt::format("{}/host-{}.yaml", argv[3], i), rtds(8, fmt::format("host-{}", i)));
  } else {
    return 2;
  }
  return 0;
}
