// The xenplan language's named blocks, and where they land in the syntax tree. The parser reads
// `pool rt { ... }` as an entry of the `pools` list with `name: rt`; the printer writes such
// entries back as named blocks. One table for both directions keeps conversion lossless.
#pragma once

#include <string_view>

namespace xenplan {

// Where a mapping sits, which decides which named blocks it takes.
enum class BlockContext { Top, Host, Pool, Domain, Other };

struct Sugar {
  BlockContext context;       // where the block may appear
  std::string_view keyword;   // `pool`
  std::string_view key;       // the tree key it fills: `pools`
  bool is_list;               // false only for `host`, which is a single mapping
  std::string_view name_key;  // the entry the block's name becomes (`name`, `vdev`); empty: no name
  BlockContext inner;         // the context inside the block
};

// The sugar for `keyword` in `context`, or null (entries of one static table).
const Sugar* sugar_for_keyword(BlockContext context, std::string_view keyword);
// The sugar whose tree key is `key` in `context` (for printing), or null.
const Sugar* sugar_for_key(BlockContext context, std::string_view key);
// The context inside a plain block at `key` (`xen`, `dom0` ...): Other, unless sugar says more.
BlockContext context_inside(BlockContext context, std::string_view key);

}  // namespace xenplan
