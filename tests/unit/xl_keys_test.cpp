// The `xl:` escape hatch: the key table (model/xl_keys.def).
#include "model/xl_keys.h"

#include <doctest/doctest.h>

#include <set>
#include <tao/pegtl.hpp>

#include "../../grammar/xenplan_grammar.hpp"

using namespace xenplan;

namespace {

XlForm forms_of(std::string_view key) {
  const XlKey* k = find_xl_key(key);
  REQUIRE(k != nullptr);
  return k->forms;
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
    tao::pegtl::memory_input in(k.name.data(), k.name.size(), "key");
    CHECK(tao::pegtl::parse<tao::pegtl::seq<grammar::key, tao::pegtl::eof>>(in));
  }
}
