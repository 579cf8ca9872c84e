#include "model/value_readers.h"

#include <fmt/format.h>

#include <cctype>

#include "base/echo.h"
#include "base/edit_distance.h"
#include "base/units.h"
#include "model/builders.h"

namespace xenplan {
namespace {

bool is_scalar(const Node& node) {
  return node.kind == NodeKind::Scalar;
}

DiagnosticSink::Builder wrong_type(Context& ctx, const Node& node, std::string_view key,
                                   std::string_view expected) {
  const std::string found =
      node.kind == NodeKind::Scalar ? echo(node.text) : std::string(kind_name(node.kind));
  return ctx.sink.error(Code::WrongType, ctx.at(node.span),
                        fmt::format("{} must be {}, found {}", key, expected, found));
}

// Span of the characters [from, from+len) inside a scalar, for errors that point into it.
Span inner_span(const Node& node, size_t from, size_t len) {
  const uint32_t base = node.span.begin + (node.quoted ? 1u : 0u);
  const auto begin = static_cast<uint32_t>(base + from);
  return {begin, static_cast<uint32_t>(begin + std::max<size_t>(len, 1))};
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::optional<Located<std::string>> read_string(Context& ctx, const Node& node, std::string_view key) {
  if (!is_scalar(node)) {
    wrong_type(ctx, node, key, "a string");
    return std::nullopt;
  }
  return written<std::string>(node.text, node.span);
}

std::optional<Located<uint64_t>> read_uint(Context& ctx, const Node& node, std::string_view key, uint64_t min,
                                           uint64_t max) {
  if (!is_scalar(node) || node.quoted || !all_digits(node.text)) {
    if (is_scalar(node) && !node.text.empty() && node.text[0] == '-') {
      ctx.sink.error(Code::OutOfRange, ctx.at(node.span),
                     fmt::format("{} must be at least {}, found {}", key, min, echo(node.text)));
      return std::nullopt;
    }
    auto b = wrong_type(ctx, node, key, "a whole number");
    if (is_scalar(node) && node.quoted && all_digits(node.text)) b.help("remove the quotes");
    return std::nullopt;
  }
  if (node.text.size() > 1 && node.text[0] == '0') {
    ctx.sink
        .error(Code::OutOfRange, ctx.at(node.span),
               fmt::format("{} {} has a leading zero", key, echo(node.text)))
        .help("write the number without leading zeros; some tools read them as octal");
    return std::nullopt;
  }
  uint64_t n = 0;
  bool overflow = node.text.size() > 19;
  for (char c : node.text) {
    if (overflow) break;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  if (overflow || n < min || n > max) {
    ctx.sink.error(Code::OutOfRange, ctx.at(node.span),
                   fmt::format("{} must be between {} and {}, found {}", key, min, max, echo(node.text)));
    return std::nullopt;
  }
  return written<uint64_t>(n, node.span);
}

std::optional<Located<uint32_t>> read_uint32(Context& ctx, const Node& node, std::string_view key,
                                             uint32_t min, uint32_t max) {
  const auto v = read_uint(ctx, node, key, min, max);
  if (!v) return std::nullopt;
  return written<uint32_t>(static_cast<uint32_t>(v->value), v->span);
}

std::optional<Located<bool>> read_bool(Context& ctx, const Node& node, std::string_view key) {
  if (is_scalar(node) && !node.quoted && (node.text == "true" || node.text == "false")) {
    return written<bool>(node.text == "true", node.span);
  }
  ctx.sink
      .error(Code::WrongType, ctx.at(node.span),
             fmt::format("{} must be true or false, found {}", key, echo(node.text)))
      .help(node.text == "yes" || node.text == "no" || node.text == "on" || node.text == "off"
                ? "YAML 1.1 spellings such as yes/no/on/off are not booleans here; write true or false"
                : "write true or false");
  return std::nullopt;
}

namespace {

std::optional<Located<uint64_t>> read_quantity(Context& ctx, const Node& node, std::string_view key,
                                               Parsed<uint64_t> (*parse)(std::string_view),
                                               std::string_view expected) {
  if (!is_scalar(node)) {
    wrong_type(ctx, node, key, expected);
    return std::nullopt;
  }
  const Parsed<uint64_t> p = parse(node.text);
  if (!p.value) {
    auto b = ctx.sink.error(Code::BadUnit, ctx.at(node.span), fmt::format("{}: {}", key, p.error));
    if (!p.help.empty()) b.help(p.help);
    return std::nullopt;
  }
  return written<uint64_t>(*p.value, node.span);
}

}  // namespace

std::optional<Located<uint64_t>> read_memory(Context& ctx, const Node& node, std::string_view key) {
  return read_quantity(ctx, node, key, parse_memory_bytes, "a memory size such as `512MiB`");
}

std::optional<Located<uint64_t>> read_time(Context& ctx, const Node& node, std::string_view key) {
  return read_quantity(ctx, node, key, parse_time_us, "a time such as `10ms`");
}

std::optional<Located<CpuSet>> read_cpuset(Context& ctx, const Node& node, std::string_view key) {
  CpuSet set;
  if (node.kind == NodeKind::Sequence) {
    bool ok = true;
    std::vector<uint32_t> cpus;
    for (NodeId id : node.items) {
      const auto cpu = read_uint32(ctx, ctx.node(id), fmt::format("a CPU in {}", key), 0, kMaxCpuId);
      if (cpu)
        cpus.push_back(cpu->value);
      else
        ok = false;
    }
    if (!ok) return std::nullopt;
    set = CpuSet::of(std::move(cpus));
    if (set.empty()) {
      ctx.sink.error(Code::BadCpuSet, ctx.at(node.span), fmt::format("{} is an empty CPU set", key))
          .help("list at least one CPU, such as [2, 3] or \"2-3\"");
      return std::nullopt;
    }
    return written<CpuSet>(set, node.span);
  }
  if (!is_scalar(node)) {
    wrong_type(ctx, node, key, "a CPU set such as \"2-5,7\" or [2, 3]");
    return std::nullopt;
  }
  CpuSetError error;
  if (!parse_cpuset(node.text, set, error)) {
    auto b = ctx.sink.error(Code::BadCpuSet, ctx.at(inner_span(node, error.offset, 1)),
                            fmt::format("{}: {}", key, error.message));
    if (!error.help.empty()) b.help(error.help);
    return std::nullopt;
  }
  return written<CpuSet>(set, node.span);
}

std::optional<Located<Mac>> read_mac(Context& ctx, const Node& node, std::string_view key) {
  const auto text = read_string(ctx, node, key);
  if (!text) return std::nullopt;
  const std::string& s = text->value;
  Mac mac;
  bool ok = s.size() == 17;
  for (size_t i = 0; ok && i < 6; ++i) {
    const char hi = s[i * 3], lo = s[i * 3 + 1];
    if (!std::isxdigit(static_cast<unsigned char>(hi)) || !std::isxdigit(static_cast<unsigned char>(lo)) ||
        (i < 5 && s[i * 3 + 2] != ':')) {
      ok = false;
      break;
    }
    mac.octets[i] = static_cast<uint8_t>(std::stoi(s.substr(i * 3, 2), nullptr, 16));
  }
  if (!ok) {
    ctx.sink.error(Code::BadMac, ctx.at(node.span), fmt::format("{} {} is not a MAC address", key, echo(s)))
        .help("write six two-digit hex octets separated by colons, such as \"00:16:3e:00:00:01\"");
    return std::nullopt;
  }
  return written<Mac>(mac, node.span);
}

std::vector<NodeId> read_list(Context& ctx, const Node& node, std::string_view key) {
  if (node.kind != NodeKind::Sequence) {
    wrong_type(ctx, node, key, "a list");
    return {};
  }
  return node.items;
}

std::vector<Located<std::string>> read_string_list(Context& ctx, const Node& node, std::string_view key) {
  std::vector<Located<std::string>> out;
  for (NodeId id : read_list(ctx, node, key)) {
    if (auto s = read_string(ctx, ctx.node(id), fmt::format("an entry of {}", key))) out.push_back(*s);
  }
  return out;
}

std::optional<size_t> match_word(Context& ctx, const Node& node, std::string_view key,
                                 const std::vector<std::string_view>& words) {
  std::string list;
  for (const auto& w : words) list += fmt::format("{}{}", list.empty() ? "" : ", ", w);
  if (!is_scalar(node)) {
    wrong_type(ctx, node, key, fmt::format("one of {}", list));
    return std::nullopt;
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (node.text == words[i]) return i;
  }
  auto b = ctx.sink.error(Code::BadValue, ctx.at(node.span),
                          fmt::format("{} must be one of {}, found {}", key, list, echo(node.text)));
  std::vector<std::string> candidates(words.begin(), words.end());
  if (const auto guess = closest_match(node.text, candidates))
    b.help(fmt::format("did you mean {}?", echo(*guess)));
  return std::nullopt;
}

}  // namespace xenplan

namespace xenplan {

std::optional<Located<SchedulerKind>> read_scheduler(Context& ctx, const Node& node, std::string_view key) {
  static constexpr WordOf<SchedulerKind> kWords[] = {{"credit", SchedulerKind::Credit},
                                                     {"credit2", SchedulerKind::Credit2},
                                                     {"rtds", SchedulerKind::Rtds},
                                                     {"null", SchedulerKind::Null},
                                                     {"arinc653", SchedulerKind::Arinc653}};
  if (node.kind == NodeKind::Null && (node.text == "null" || node.text == "Null" || node.text == "NULL")) {
    return written<SchedulerKind>(SchedulerKind::Null, node.span);
  }
  return read_word<SchedulerKind>(ctx, node, key, kWords);
}

}  // namespace xenplan

namespace xenplan {

constexpr uint64_t kMaxRtdsUs = 2147483647;  // xl parses periods into a C int

namespace {

RtdsParams read_rtds_params(Context& ctx, const Node& node) {
  MapReader m(ctx, node, "`rtds`");
  RtdsParams p;
  p.span = node.span;
  p.extratime = defaulted(false, node.span);
  m.require("period", "10ms", p.period_us, read_time);
  m.require("budget", "2ms", p.budget_us, read_time);
  m.read("extratime", p.extratime, read_bool);
  m.finish();
  for (Located<uint64_t>* t : {&p.period_us, &p.budget_us}) {
    if (t->usable() && t->value > kMaxRtdsUs) {
      ctx.sink.error(Code::RtdsParams, ctx.at(t->span),
                     fmt::format("{} is longer than xl's limit of 2147483647us", format_time(t->value)));
      t->state = FieldState::Invalid;
    }
  }
  return p;
}

}  // namespace

RtdsSpec read_rtds(Context& ctx, const Node& node) {
  RtdsSpec spec;
  spec.span = node.span;
  if (node.kind == NodeKind::Sequence) {
    spec.per_vcpu = true;
    for (NodeId id : node.items) spec.entries.push_back(read_rtds_params(ctx, ctx.node(id)));
  } else {
    spec.entries.push_back(read_rtds_params(ctx, node));
  }
  return spec;
}

}  // namespace xenplan
