// The display: an HVM guest's VNC keys (vnc, vnclisten, vncdisplay, vncunused, vncpasswd) and
// card (vga, stdvga, videoram); a PV or PVH guest's framebuffer, from `vfb` or, for PV, from
// the same top-level VNC keys (xl_parse.c builds a vfb from them). The inverse of
// xl_domain.cpp's display_section and xl_device_specs.cpp's vfb_spec.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/units.h"
#include "import/domain_map.h"
#include "passes/name_rules.h"

namespace xenplan {
namespace {

// The VNC settings of one display, from top-level keys or from a vfb's fields.
struct VncView {
  std::optional<std::string> listen;
  std::optional<long> display;
  std::optional<long> unused;
  bool password = false;
  Location where;
  std::string prefix;  // "" for top-level keys, "vfb[0]." for a vfb's fields
};

Draft vnc_block(const VncView& v, std::vector<Finding>& later) {
  Draft vnc = Draft::map();
  auto note = [&](FindingKind kind, std::string_view key, std::string message) {
    later.push_back({kind, v.where, v.prefix + std::string(key), std::move(message)});
  };
  if (!v.listen) {
    note(FindingKind::Defaulted, "vnclisten", "not given: 127.0.0.1, libxl's default");
  } else if (const auto problem = ipv4_address_problem(*v.listen)) {
    note(FindingKind::Dropped, "vnclisten",
         fmt::format("`{}` is not valid for xenplan ({}): it listens on 127.0.0.1", *v.listen, *problem));
  } else {
    vnc.set("listen", Draft::text(*v.listen));
  }
  if (v.display && *v.display >= 0 && *v.display <= 65535 - 5900) {
    vnc.set("display", Draft::number(static_cast<uint64_t>(*v.display)));
    if (v.unused && *v.unused != 0)
      note(FindingKind::Dropped, "vncunused", "beside vncdisplay the description keeps the display number");
  } else if (v.display) {
    note(FindingKind::Dropped, "vncdisplay", fmt::format("display {} is beyond TCP port 65535", *v.display));
  } else if (v.unused && *v.unused == 0) {
    vnc.set("display", Draft::number(0));
    note(FindingKind::Rewritten, "vncunused", "vncunused = 0 without vncdisplay is display 0");
  } else if (!v.unused) {
    note(FindingKind::Defaulted, "vncunused", "not given: the first free display, libxl's default");
  }
  if (v.password)
    note(FindingKind::Dropped, "vncpasswd",
         "xenplan writes no password into generated files: put it in a file and set `vnc.password_file`");
  return vnc;
}

void place_vnc(DomainMap& m, Draft vnc, std::vector<Finding>& later) {
  Draft& placed = m.out.set("vnc", std::move(vnc));
  for (Finding& f : later) m.note(f.kind, f.where, std::move(f.subject), std::move(f.message), &placed);
}

// The top-level VNC keys, taken.
VncView top_level_vnc(DomainMap& m, std::vector<const XlCfgSetting*>& given) {
  VncView v;
  v.where = m.whole();
  for (const char* key : {"vnc", "vnclisten", "vncdisplay", "vncunused", "vncpasswd"}) {
    if (const XlCfgSetting* s = m.keys.take(key)) given.push_back(s);
  }
  for (const XlCfgSetting* s : given) {
    if (v.where.file && !v.where.positioned) v.where = m.at(s->key_span);
    if (s->key == "vnclisten") {
      if (const std::string* t = m.text(*s)) v.listen = *t;
    } else if (s->key == "vncdisplay") {
      v.display = m.number(*s);
    } else if (s->key == "vncunused") {
      v.unused = m.number(*s);
    } else if (s->key == "vncpasswd") {
      v.password = true;
    }
  }
  return v;
}

void map_hvm_vnc(DomainMap& m) {
  std::vector<const XlCfgSetting*> given;
  const VncView v = top_level_vnc(m, given);
  if (given.empty()) return;  // libxl gives an HVM guest VNC anyway
  const XlCfgSetting* vnc = m.keys.peek("vnc");
  const std::optional<long> on = vnc ? xl_long(vnc->value) : std::nullopt;
  if (on && *on == 0) {
    for (const XlCfgSetting* s : given)
      m.note(FindingKind::Dropped, m.at(s->key_span), s->key,
             "the description cannot turn an HVM guest's VNC off (without `vnc`, libxl turns it on)");
    return;
  }
  std::vector<Finding> later;
  if (!vnc)
    later.push_back(
        {FindingKind::Defaulted, v.where, "vnc", "not given: on, libxl's default for HVM guests"});
  place_vnc(m, vnc_block(v, later), later);
}

// A vfb's fields as xl reads them: key=value split at commas, stopping at a field without `=`.
std::map<std::string, std::string> vfb_fields(std::string_view spec) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos < spec.size()) {
    const size_t comma = spec.find(',', pos);
    std::string_view f =
        spec.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    pos = comma == std::string_view::npos ? spec.size() : comma + 1;
    while (f.starts_with(' ')) f.remove_prefix(1);
    if (f.empty()) continue;
    const size_t eq = f.find('=');
    if (eq == std::string_view::npos) break;
    out[std::string(f.substr(0, eq))] = std::string(f.substr(eq + 1));
  }
  return out;
}

void map_vfb(DomainMap& m, const XlCfgSetting& s) {
  const auto items = xl_strings(s.value);
  for (size_t i = 1; i < items.size(); ++i)
    m.note(FindingKind::Dropped, m.at(items[i]->span), fmt::format("vfb[{}]", i),
           "the description gives a guest one framebuffer");
  if (items.empty()) return;
  const auto fields = vfb_fields(items[0]->text);
  const auto number = [&](const char* key) -> std::optional<long> {
    const auto it = fields.find(key);
    return it == fields.end() ? std::nullopt : std::optional<long>(std::atol(it->second.c_str()));
  };
  if (number("vnc").value_or(0) == 0) {
    m.note(FindingKind::Dropped, m.at(items[0]->span), "vfb[0]",
           "a framebuffer without VNC (SDL only): the description's framebuffers are VNC displays");
    return;
  }
  VncView v{std::nullopt,         number("vncdisplay"),
            number("vncunused"),  fields.count("vncpasswd") > 0,
            m.at(items[0]->span), "vfb[0]."};
  if (fields.count("vnclisten")) v.listen = fields.at("vnclisten");
  std::vector<Finding> later;
  for (const auto& [key, value] : fields) {
    if (key == "keymap" || key == "sdl" || key == "opengl" || key == "display" || key == "xauthority")
      later.push_back({FindingKind::Dropped, v.where, "vfb[0]." + key,
                       fmt::format("the description's framebuffer has no field for `{}`", key)});
  }
  place_vnc(m, vnc_block(v, later), later);
}

// PV and PVH guests: a `vfb`, or for PV the top-level VNC keys xl builds a vfb from.
void map_framebuffer(DomainMap& m) {
  const XlCfgSetting* vfb = m.keys.take("vfb");
  const bool from_list = vfb && !xl_strings(vfb->value).empty();
  if (from_list) map_vfb(m, *vfb);
  std::vector<const XlCfgSetting*> given;
  const VncView v = top_level_vnc(m, given);
  const XlCfgSetting* vnc = m.keys.peek("vnc");
  const bool on = vnc && xl_long(vnc->value).value_or(0) != 0;
  const bool builds_vfb = m.type == DomainType::Pv && !from_list && on;
  for (const char* key : {"keymap", "sdl", "opengl"}) {
    if (const XlCfgSetting* s = m.keys.take(key)) given.push_back(s);
  }
  for (const char* key : {"display", "xauthority"}) {
    if (const XlCfgSetting* s = m.keys.take(key)) given.push_back(s);
  }
  if (!builds_vfb) {
    for (const XlCfgSetting* s : given)
      m.note(FindingKind::Ignored, m.at(s->key_span), s->key,
             from_list ? "xl ignores the top-level display keys beside a vfb"
                       : fmt::format("xl reads it for {} guests only with vnc = 1",
                                     m.type == DomainType::Pv ? "PV" : "HVM"));
    return;
  }
  std::vector<Finding> later;
  for (const XlCfgSetting* s : given) {
    if (s->key == "keymap" || s->key == "sdl" || s->key == "opengl" || s->key == "display" ||
        s->key == "xauthority")
      later.push_back({FindingKind::Dropped, m.at(s->key_span), s->key,
                       "the description writes a PV framebuffer as a vfb, which has no field for it"});
  }
  place_vnc(m, vnc_block(v, later), later);
}

void map_card(DomainMap& m) {
  const XlCfgSetting* vga = m.keys.take("vga");
  const XlCfgSetting* stdvga = m.keys.take("stdvga");
  const XlCfgSetting* videoram = m.keys.take("videoram");
  if (m.type != DomainType::Hvm) {
    for (const XlCfgSetting* s : {vga, stdvga})
      if (s) m.note(FindingKind::Ignored, m.at(s->key_span), s->key, "xl reads it for HVM guests only");
    if (videoram)
      m.note(FindingKind::Dropped, m.at(videoram->key_span), "videoram",
             "the description has video RAM for HVM guests only");
    return;
  }
  if (const std::string* kind = vga ? m.text(*vga) : nullptr) {
    if (*kind == "stdvga" || *kind == "cirrus" || *kind == "none")
      m.out.set("vga", Draft::word(*kind));
    else if (*kind == "qxl")
      m.note(FindingKind::Dropped, m.at(vga->value.span), "vga",
             "the description's cards are cirrus, stdvga and none");
    else
      m.reject(m.at(vga->value.span), fmt::format("xl knows no vga \"{}\"", *kind));
    if (stdvga)
      m.note(FindingKind::Ignored, m.at(stdvga->key_span), "stdvga", "xl ignores stdvga beside vga");
  } else if (const auto std = stdvga ? m.number(*stdvga) : std::nullopt) {
    m.out.set("vga", Draft::word(*std ? "stdvga" : "cirrus"));
  }
  if (const auto mib = videoram ? m.number(*videoram) : std::nullopt) {
    if (*mib > 0)
      m.out.set("videoram", Draft::word(format_memory(static_cast<uint64_t>(*mib) * kMiB)));
    else
      m.note(FindingKind::Dropped, m.at(videoram->value.span), "videoram", "video RAM of no MiB");
  }
}

}  // namespace

void map_display(DomainMap& m) {
  if (m.type == DomainType::Hvm)
    map_hvm_vnc(m);
  else
    map_framebuffer(m);
  map_card(m);
}

}  // namespace xenplan
