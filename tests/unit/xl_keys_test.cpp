// The `xl:` escape hatch: the key table (model/xl_keys.def), reading settings into the model and
// writing them into the domain's xl.cfg in the form xl reads.
#include "model/xl_keys.h"

#include <doctest/doctest.h>

#include <set>

#include "base/render.h"
#include "cli/pipeline.h"
#include "emitters.h"
#include "syntax/dsl_reader.h"

using namespace xenplan;

namespace {

XlForm forms_of(std::string_view key) {
  const XlKey* k = find_xl_key(key);
  REQUIRE(k != nullptr);
  return k->forms;
}

constexpr const char* kHost = R"(xenplan: 1
host:
  name: node
  cpus: 4
  memory: 8GiB
  xen: {version: "4.17"}
  dom0: {memory: 1GiB, vcpus: 1}
domains:
  - name: lab
    type: hvm
    memory: 512MiB
)";

// The xl.cfg of domain `lab` with `xl` as its settings, or the rendered diagnostics.
std::string lab_config(const std::string& xl) {
  DiagnosticSink sink;
  const auto c = compile_text("host.yaml", std::string(kHost) + "    xl:\n" + xl, Syntax::Yaml, {}, sink);
  if (!c.analysis) return render_diagnostics(sink.sorted(), {});
  for (const Artifact& a : emit_artifacts(CheckedModel(*c.model), *c.analysis)) {
    if (a.kind == ArtifactKind::XlDomain) return a.content;
  }
  return "no xl.cfg";
}

}  // namespace

TEST_CASE("the xl key table pins what xl 4.17's parser reads for each documented key") {
  CHECK(xl_keys().size() == 148);
  CHECK(forms_of("cpuid") == (XlForm::String | XlForm::List));
  CHECK(forms_of("viridian") == (XlForm::Bool | XlForm::List));
  CHECK(forms_of("altp2m") == (XlForm::Number | XlForm::String));
  CHECK(forms_of("gfx_passthru") == (XlForm::Bool | XlForm::String));
  CHECK(forms_of("shadow_memory") == XlForm::Number);
  CHECK(forms_of("nestedhvm") == XlForm::Bool);
  CHECK(forms_of("pci_permissive") == XlForm::Bool);  // read as a number, documented as a boolean
  CHECK(forms_of("device_tree") == XlForm::String);
  CHECK(forms_of("mca_caps") == XlForm::List);
  CHECK(forms_of("vnuma") == XlForm::Lists);
  CHECK(find_xl_key("nestedhvm")->guests == (XlGuests::Hvm | XlGuests::Pvh));
  CHECK(find_xl_key("vpmu")->since_minor == 16);
  CHECK(find_xl_key("msr_relaxed")->since_minor == 15);
  CHECK(find_xl_key("shadow_memory")->since_minor == 14);
  CHECK(find_xl_key("cpu_weight")->written_from == "credit.weight");
  CHECK(find_xl_key("bios")->written_from == "firmware");
  CHECK(find_xl_key("vncdisplay")->written_from == "vnc");
  CHECK(find_xl_key("on_soft_reset")->written_from == "");
  CHECK(find_xl_key("display") == nullptr);  // a vfb option, not a key of its own
}

TEST_CASE("every xl key is unique and can be written as a key of the xenplan language") {
  std::set<std::string_view> names;
  for (const XlKey& k : xl_keys()) {
    INFO(std::string(k.name));
    CHECK(names.insert(k.name).second);
    CHECK(is_dsl_key(k.name));
  }
}

TEST_CASE("xl settings are written after xenplan's keys, in order, each in the form xl reads") {
  const std::string cfg = lab_config(
      "      shadow_memory: 8\n"
      "      nestedhvm: true\n"
      "      hpet: false\n"
      "      cpuid: \"host,rdtscp=0\"\n"
      "      altp2m: mixed\n"
      "      rtc_timeoffset: 3600\n"
      "      keymap: 'de \"ch\" \\'\n"
      "      mca_caps: [lmce]\n"
      "      vnuma: [[\"pnode=0\", \"size=512\"], []]\n");
  const std::string tail =
      "on_crash = \"destroy\"\n"
      "# Passed through from the description's xl: settings\n"
      "shadow_memory = 8\n"
      "nestedhvm = 1\n"
      "hpet = 0\n"
      "cpuid = \"host,rdtscp=0\"\n"
      "altp2m = \"mixed\"\n"
      "rtc_timeoffset = 3600\n"
      "keymap = \"de \\\"ch\\\" \\\\\"\n"
      "mca_caps = [\"lmce\"]\n"
      "vnuma = [[\"pnode=0\", \"size=512\"], []]\n";
  REQUIRE(cfg.size() > tail.size());
  CHECK(cfg.substr(cfg.size() - tail.size()) == tail);
}

TEST_CASE("a domain without xl settings gets no pass-through section") {
  const std::string cfg = lab_config("      {}\n");
  CHECK(cfg.find("Passed through") == std::string::npos);
  CHECK(cfg.ends_with("on_crash = \"destroy\"\n"));
}

TEST_CASE("xl numbers are decimal, at least 0 and at most a C long") {
  CHECK(lab_config("      max_event_channels: 9223372036854775807\n")
            .find("max_event_channels = 9223372036854775807\n") != std::string::npos);
  CHECK(lab_config("      max_event_channels: 9223372036854775808\n")
            .find("`max_event_channels` must be between 0 and 9223372036854775807") != std::string::npos);
  CHECK(
      lab_config("      rtc_timeoffset: -3600\n").find("`rtc_timeoffset` must be at least 0, found `-3600`") !=
      std::string::npos);
  CHECK(lab_config("      shadow_memory: 010\n").find("`shadow_memory` `010` has a leading zero") !=
        std::string::npos);
  CHECK(lab_config("      shadow_memory: 0x10\n")
            .find("xl reads `shadow_memory` as a whole number, found `0x10`") != std::string::npos);
  // A key that also takes a string passes anything else through as one.
  CHECK(lab_config("      timer_mode: 0x1\n").find("timer_mode = \"0x1\"\n") != std::string::npos);
}

TEST_CASE("the memory budget counts an xl shadow_memory as the guest's paging pool, saturating") {
  CHECK(lab_config("      shadow_memory: 16\n").find("shadow_memory = 16\n") != std::string::npos);
  const std::string huge = lab_config("      shadow_memory: 9223372036854775807\n");
  CHECK(huge.find("host `node` has 8192MiB but needs ") != std::string::npos);
  CHECK(huge.find("[XP0402]") != std::string::npos);
}
