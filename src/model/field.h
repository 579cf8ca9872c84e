// A field of the model with its source span and how it got its value, and references by name
// between entities. The state is explicit so that a defaulted field is checked like a written one,
// and a field whose value had an error is skipped by every check that depends on it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/source.h"

namespace xenplan {

enum class FieldState : uint8_t {
  Absent,     // not in the description and without a default (a missing required one is reported)
  Invalid,    // in the description, but its value had an error (reported where it was read)
  Defaulted,  // not in the description: the default applies; the span points at the entity
  Written,    // in the description, read without error; the span points at the value
};

template <class T>
struct Located {
  T value{};
  Span span;
  FieldState state = FieldState::Absent;

  // The value is one checks and backends may use: written, or the default.
  bool usable() const { return state == FieldState::Written || state == FieldState::Defaulted; }
  // The description has the key (with a good value or not).
  bool given() const { return state == FieldState::Written || state == FieldState::Invalid; }
  bool written() const { return state == FieldState::Written; }
};

template <class T>
Located<T> written(T value, Span span) {
  return {std::move(value), span, FieldState::Written};
}
template <class T>
Located<T> defaulted(T value, Span span) {
  return {std::move(value), span, FieldState::Defaulted};
}

// A reference by name to an entity of the model (a pool, a bridge, a volume group). build_model
// resolves it once; backends reach the entity only through CheckedModel, which verified that
// every reference is resolved, so an unresolved index can never be read.
template <class T>
class Ref {
 public:
  Located<std::string> name;

  std::optional<uint32_t> index() const { return index_; }
  bool resolved() const { return index_.has_value(); }
  void resolve(uint32_t index) { index_ = index; }

 private:
  std::optional<uint32_t> index_;
};

}  // namespace xenplan
