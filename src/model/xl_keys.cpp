#include "model/xl_keys.h"

#include <array>
#include <vector>

namespace xenplan {
namespace {

// The short names xl_keys.def is written with.
constexpr XlForm S = XlForm::String, N = XlForm::Number, B = XlForm::Bool, L = XlForm::List,
                 LL = XlForm::Lists;
constexpr XlGuests PV = XlGuests::Pv, PVH = XlGuests::Pvh, HVM = XlGuests::Hvm, ALL = XlGuests::All;

constexpr std::array kKeys = {
#define XL_KEY(name, forms, guests, since, field) XlKey{#name, forms, guests, since, field},
#include "model/xl_keys.def"
#undef XL_KEY
};

}  // namespace

std::span<const XlKey> xl_keys() {
  return kKeys;
}

const XlKey* find_xl_key(std::string_view name) {
  for (const XlKey& k : kKeys) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::string describe_forms(XlForm forms) {
  std::vector<std::string_view> words;
  if (has(forms, XlForm::Bool)) words.push_back("true or false");
  if (has(forms, XlForm::Number)) words.push_back("a whole number");
  if (has(forms, XlForm::String)) words.push_back("a string");
  if (has(forms, XlForm::List)) words.push_back("a list of strings");
  if (has(forms, XlForm::Lists)) words.push_back("a list of lists of strings");
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    out += i == 0 ? "" : (i + 1 == words.size() ? " or " : ", ");
    out += words[i];
  }
  return out;
}

}  // namespace xenplan
