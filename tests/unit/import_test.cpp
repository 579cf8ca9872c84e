// xenplan import's parts: the disk specification scanner (as Xen 4.17's xl scans), the GRUB,
// ifupdown and lvs readers, the draft's quoting, and mappings that need a close look.
#include "import/import.h"

#include <doctest/doctest.h>

#include <map>

#include "base/render.h"
#include "import/disk_spec.h"
#include "import/draft.h"
#include "import/grub_reader.h"
#include "import/interfaces_reader.h"
#include "import/lvs_reader.h"
#include "syntax/xl_cfg_reader.h"

using namespace xenplan;

namespace {

// The description an import of one xl.cfg text gives, canonical YAML; errors rendered.
struct Imported {
  std::string yaml;
  std::string errors;
  std::string summary;
};

Imported import_one(const std::string& text) {
  ImportSources sources;
  sources.host = {std::string("h"), 16u, uint64_t{64} << 30, std::string("4.17")};
  sources.files.push_back(std::make_unique<SourceFile>("t.cfg", text));
  DiagnosticSink sink;
  XlSource src{sources.files.back().get(), {}, std::nullopt};
  Imported out;
  if (read_xl_cfg(*src.file, src.cfg, sink)) sources.domains.push_back(std::move(src));
  const ImportResult r = import_description(sources, sink);
  out.errors = render_diagnostics(sink.sorted(), {});
  out.yaml = print_imported(r.yaml, Syntax::Yaml);
  out.summary = render_import_summary(r.report, 1, r.domains, r.pools);
  return out;
}

// The lines of the domain's entry in the imported YAML, from `  - name:` on.
std::string domain_of(const Imported& i) {
  return i.yaml.substr(i.yaml.find("domains:\n") + 9);
}

}  // namespace

TEST_CASE("disk specifications scan as xl scans them: the longest match, positional forms, prefixes") {
  struct Case {
    const char* spec;
    const char* target;
    const char* vdev;
    const char* format;
    bool readwrite;
    bool cdrom;
  };
  const Case cases[] = {
      {"phy:/dev/vg0/web,xvda,w", "/dev/vg0/web", "xvda", "raw", true, false},
      {"/dev/vg/guest-volume,raw,xvda,rw", "/dev/vg/guest-volume", "xvda", "raw", true, false},
      {"file:/srv/a.img,xvdb,r", "/srv/a.img", "xvdb", "raw", false, false},
      {"tap:qcow2:/srv/q.qcow2,xvdc,w", "/srv/q.qcow2", "xvdc", "qcow2", true, false},
      {",hdc:cdrom,r", "", "hdc", "empty", false, true},
      {"file:/srv/x.iso,hdc:cdrom,r", "/srv/x.iso", "hdc", "raw", false, true},
      {"format=raw, vdev=xvda, access=rw, target=/srv/with,comma.img", "/srv/with,comma.img", "xvda", "raw",
       true, false},
      {"vdev=hdd, devtype=cdrom", nullptr, "hdd", "empty", false, true},
      {"cdromx, xvda", "cdromx", "", "raw", true, false},  // `cdromx` is longer as a positional target
  };
  for (const Case& c : cases) {
    INFO("spec: ", c.spec);
    const DiskSpec d = parse_disk_spec(c.spec);
    if (std::string(c.spec) == "cdromx, xvda") {
      CHECK(d.error == "unknown value for format near `xvda`");
      continue;
    }
    REQUIRE(d.error == "");
    CHECK(d.target.has_value() == (c.target != nullptr));
    if (c.target) CHECK(*d.target == c.target);
    CHECK(d.vdev == c.vdev);
    CHECK(d.format == c.format);
    CHECK(d.readwrite == c.readwrite);
    CHECK(d.cdrom == c.cdrom);
  }
  const std::map<std::string, std::string> errors = {
      {"/dev/vg0/web,xvda,w", "unknown value for format near `xvda`"},
      {"target=/srv/a.img,vdev=xvda", "no vdev specified"},
      {"vdev=xvda, trusted, target=/dev/sdy", "target respecified near `/dev/sdy`"},  // 4.17's scanner
      {"format=raw, format=qcow2, vdev=xvda, target=/x", "format respecified near `qcow2`"},
      {"vdev=xvda, foo=bar, target=/x", "unknown parameter near `foo=b`"},
      {"xyz:/srv/a.img,xvda,w", "unknown deprecated disk prefix near `xyz:`"},
      {"vdev=xvda", "no target specified (and device not removable)"},
  };
  for (const auto& [spec, error] : errors) {
    INFO("spec: ", spec);
    CHECK(parse_disk_spec(spec).error == error);
  }
  const DiskSpec iscsi = parse_disk_spec("iscsi:iqn.2001-05.com.example:disk,xvda,w");
  CHECK(iscsi.script == "block-iscsi");
  CHECK(*iscsi.target == "iqn.2001-05.com.example:disk");
  CHECK(parse_disk_spec("vdev=xvda, backendtype=qdisk, colo, target=/x").others ==
        std::vector<std::string>{"backendtype=qdisk", "colo"});
}

TEST_CASE("GRUB defaults: assignments evaluated as sh does, conditions and commands kept apart") {
  SourceFile grub("grub",
                  "GRUB_CMDLINE_XEN='a b'\nexport GRUB_X=\"$GRUB_CMDLINE_XEN c\"\nGRUB_Y=${UNSET:-d}\\ e\n");
  SourceFile dropin("xen.cfg",
                    "echo \"hi\" >&2\n"
                    "if [ \"$A\" = \"\" ]; then\n\tGRUB_Z=1\nfi\n"
                    "GRUB_DEFAULT=$( \\\n\tprintf \"%s\" x)\n"
                    "GRUB_W=\"${GRUB_X}\"' f'  # comment\n");
  std::map<std::string, std::string> env;
  const GrubSource a = read_grub_defaults(grub, env);
  REQUIRE(a.assignments.size() == 3);
  CHECK(*a.assignments[1].value == "a b c");
  CHECK(*a.assignments[2].value == "d e");
  const GrubSource b = read_grub_defaults(dropin, env);
  REQUIRE(b.assignments.size() == 3);
  CHECK(b.assignments[0].name == "GRUB_Z");
  CHECK(b.assignments[0].conditional);
  CHECK(b.assignments[1].name == "GRUB_DEFAULT");
  CHECK_FALSE(b.assignments[1].value.has_value());  // a command substitution: not evaluated
  CHECK(*b.assignments[2].value == "a b c f");
  CHECK(b.commands.size() == 4);  // echo, if ..., then, fi
  CHECK(env.count("GRUB_Z") == 0);
}

TEST_CASE("ifupdown files: stanzas with their options, continued lines, auto and allow-hotplug") {
  SourceFile f("interfaces",
               "# c\nsource /etc/network/interfaces.d/*\nauto lo br0\nallow-hotplug eth0\n"
               "iface br0 inet static\n\taddress 192.0.2.1\n\tbridge_ports eth0 \\\n\t  eth1\n"
               "iface lo inet loopback\n");
  const InterfacesSource s = read_interfaces(f);
  REQUIRE(s.stanzas.size() == 2);
  CHECK(s.stanzas[0].name == "br0");
  CHECK(s.stanzas[0].method == "static");
  REQUIRE(s.stanzas[0].options.size() == 2);
  CHECK(s.stanzas[0].options[1].value == "eth0 eth1");
  REQUIRE(s.starts.size() == 3);
  CHECK(s.starts[2].keyword == "allow-hotplug");
  CHECK(s.other.size() == 1);
}

TEST_CASE("lvs output: volumes with sizes and devices; other lines are errors in words") {
  SourceFile f("lvs.txt",
               "  VG  LV   LSize Devices\n  vg0 web-xvda 8589934592B /dev/sdb(0),/dev/sdc(10)\n  vg0 oops\n");
  std::vector<LogicalVolume> out;
  DiagnosticSink sink;
  CHECK_FALSE(read_lvs(f, out, sink));
  REQUIRE(out.size() == 1);
  CHECK(out[0].bytes == 8589934592u);
  CHECK(out[0].devices == std::vector<std::string>{"/dev/sdb", "/dev/sdc"});
  CHECK(render_diagnostics(sink.sorted(), {}) ==
        "lvs.txt:3:1: error: expected a volume group, a logical volume, its size in bytes and its devices "
        "[XP0002]\n"
        "    3 |   vg0 oops\n"
        "      | ^~~~~~~~~~\n"
        "  help: give the output of `lvs --noheadings --units b --nosuffix -o "
        "vg_name,lv_name,lv_size,devices`\n");
}

TEST_CASE("the draft quotes a string only where YAML would read it as something else") {
  Draft d = Draft::map();
  d.set("a", Draft::text("/boot/vmlinuz"));
  d.set("b", Draft::text("true"));
  d.set("c", Draft::text("2-5,7"));
  d.set("d", Draft::text("root=/dev/xvda1 ro"));
  d.set("e", Draft::text("null"));
  d.set("f", Draft::word("512MiB"));
  Draft& g = d.set("g", Draft::list());
  g.push(Draft::text("x")).comment("first");
  CHECK(d.yaml() ==
        "a: /boot/vmlinuz\nb: \"true\"\nc: \"2-5,7\"\nd: \"root=/dev/xvda1 ro\"\ne: \"null\"\nf: 512MiB\n"
        "g:\n  # first\n  - x\n");
}

TEST_CASE("mappings that need a close look: numbers as strtol reads them, per-vCPU number lists, vif rates") {
  const Imported i = import_one(
      "name = 'num'\nkernel = '/k'\nmemory = 0x200\nvcpus = 02\ncpus = [ 2, 3 ]\n"
      "vif = [ 'mac=0:16:3e:0:0:1,bridge=xenbr0,rate=1Mb/s@20m', 'rate=5MB/s@1,bridge=xenbr0' ]\n");
  CHECK(i.errors == "");
  CHECK(domain_of(i) ==
        "  - name: num\n"
        "    memory: 512MiB\n"
        "    vcpus: 2\n"
        "    cpus: [\"2\", \"3\"]\n"
        "    kernel: /k\n"
        "    networks:\n"
        "      - bridge: xenbr0\n"
        "        mac: \"00:16:3e:00:00:01\"\n"
        "        rate: \"1Mb/s@20ms\"\n"
        "      - bridge: xenbr0\n"
        "        rate: \"5MB/s@1s\"\n");
}

TEST_CASE("every key is mapped, passed through xl:, or reported") {
  const Imported i = import_one(
      "name = 'k'\nkernel = '/k'\nmemory = 64\nvcpus = 1\nhap = 1\nmemroy = 2\nvncviewer = "
      "1\nfirmware_override = '/x'\n"
      "pool_name = 'x'\nmax_grant_version = \"-1\"\n");
  CHECK(
      i.summary ==
      "t.cfg:6:1: ignored memroy: xl does not read this key (not in xl.cfg(5))\n"
      "t.cfg:7:1: ignored vncviewer: xl ignores it (\"use xl create -V\")\n"
      "t.cfg:8:1: dropped firmware_override: xl reads it, but xl.cfg(5) no longer documents it and `xl:` "
      "takes "
      "documented keys only\n"
      "t.cfg:9:1: ignored pool_name: xl does not read this key (not in xl.cfg(5))\n"
      "t.cfg:10:21: dropped max_grant_version: a negative number, which the description cannot write\n"
      "xenplan import: guessed dom0_mem: the Xen command line has no dom0_mem: 1GiB; Xen's default gave dom0 "
      "nearly all memory to balloon\n"
      "xenplan import: guessed dom0_max_vcpus: the Xen command line has no dom0_max_vcpus: 16, one per CPU "
      "as "
      "Xen's default\n"
      "xenplan import: 1 file, 1 domain, 0 pools; 2 dropped, 2 guessed, 3 ignored\n");
  CHECK(domain_of(i).find("    xl:\n      hap: true\n") != std::string::npos);
}

TEST_CASE("values xl rejects are errors at their place (XP0801)") {
  const Imported i =
      import_one("name = 'r'\ntype = 'hvm'\nmemory = 64\non_crash = 'explode'\nvif = [ 'rate=fast' ]\n");
  CHECK(i.errors.find("t.cfg:4:12: error: xl knows no on_crash action \"explode\" [XP0801]") !=
        std::string::npos);
  CHECK(i.errors.find("t.cfg:5:9: error: xl cannot read the vif rate `fast`: invalid rate [XP0801]") !=
        std::string::npos);
}
