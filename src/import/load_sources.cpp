#include "import/load_sources.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "import/grub_reader.h"
#include "import/interfaces_reader.h"
#include "import/lvs_reader.h"
#include "syntax/limits.h"
#include "syntax/xl_cfg_reader.h"

namespace xenplan {
namespace {

namespace fs = std::filesystem;

enum class Kind { XlCfg, Grub, Interfaces };

struct Found {
  std::string path;
  std::optional<bool> autostart;  // from the /etc/xen/auto of the directory it was found in
};

// What a file is, by its name, or by its first line that is not blank or a comment.
Kind classify(const std::string& path, const std::string& text) {
  const fs::path p(path);
  const std::string base = p.filename().string(), parent = p.parent_path().filename().string();
  if (base == "grub" || parent == "grub.d") return Kind::Grub;
  if (base == "interfaces" || parent == "interfaces.d") return Kind::Interfaces;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string first;
    if (!(words >> first) || first.starts_with('#')) continue;
    if (first == "export") words >> first;
    if (first.starts_with("GRUB_") || first.starts_with("XEN_OVERRIDE_GRUB")) return Kind::Grub;
    if (first == "auto" || first == "iface" || first.starts_with("allow-") || first == "source" ||
        first == "source-directory" || first == "mapping")
      return Kind::Interfaces;
    break;
  }
  return Kind::XlCfg;
}

bool read_file(const std::string& path, std::string& out, std::string& reason) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return reason = "it is a directory", false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return reason = std::strerror(errno), false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  if (out.size() > kMaxInputBytes) return reason = "it is larger than 64 MiB", false;
  return true;
}

// A cpupool file sets only what `xl cpupool-create` reads.
bool is_pool(const XlCfgFile& cfg) {
  if (cfg.settings.empty()) return false;
  return std::all_of(cfg.settings.begin(), cfg.settings.end(), [](const XlCfgSetting& s) {
    return s.key == "name" || s.key == "sched" || s.key == "cpus" || s.key == "nodes";
  });
}

bool taken_in_directory(const fs::path& p) {
  const std::string base = p.filename().string(), parent = p.parent_path().filename().string();
  return base == "grub" || base == "interfaces" || parent == "grub.d" || parent == "interfaces.d" ||
         p.extension() == ".cfg";
}

// The files of a directory the import reads, sorted; /etc/xen's auto/ links say which domains
// xendomains starts at boot.
void walk(const fs::path& dir, std::vector<Found>& out, std::vector<std::string>& skipped) {
  std::set<fs::path> autostarted;
  const bool has_auto = fs::is_directory(dir / "auto");
  if (has_auto) {
    for (const auto& e : fs::directory_iterator(dir / "auto"))
      autostarted.insert(fs::weakly_canonical(e.path()));
  }
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    const fs::path& p = it->path();
    if (it->is_directory() && (p.filename() == "scripts" || p.filename() == "auto")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    if (!taken_in_directory(p)) {
      skipped.push_back(p.string());
      continue;
    }
    Found f{p.string(), std::nullopt};
    if (has_auto) f.autostart = autostarted.count(fs::weakly_canonical(p)) > 0;
    out.push_back(f);
  }
}

// GRUB sources /etc/default/grub first, then grub.d/*.cfg in the order of their names.
bool grub_before(const std::string& a, const std::string& b) {
  const bool a_main = fs::path(a).filename() == "grub", b_main = fs::path(b).filename() == "grub";
  if (a_main != b_main) return a_main;
  return fs::path(a).filename() < fs::path(b).filename();
}

}  // namespace

LoadedSources load_import_sources(const ImportInputs& inputs, DiagnosticSink& sink) {
  LoadedSources out;
  ImportSources& s = out.sources;
  s.host = inputs.host;
  std::vector<Found> found;
  for (const std::string& path : inputs.paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
      walk(path, found, s.skipped);
    else
      found.push_back({path, std::nullopt});
  }
  auto unreadable = [&](const std::string& path, const std::string& reason) {
    s.files.push_back(std::make_unique<SourceFile>(path, ""));
    sink.error(Code::InputUnreadable, Location::whole(s.files.back().get()),
               fmt::format("cannot read the file: {}", reason));
    out.readable = false;
  };
  struct Read {
    const SourceFile* file;
    Kind kind;
    std::optional<bool> autostart;
  };
  std::vector<Read> read;
  std::set<std::string> seen;
  for (const Found& f : found) {
    if (!seen.insert(fs::weakly_canonical(f.path).string()).second) continue;  // named twice
    std::string text, reason;
    if (!read_file(f.path, text, reason)) {
      unreadable(f.path, reason);
      continue;
    }
    const Kind kind = classify(f.path, text);
    s.files.push_back(std::make_unique<SourceFile>(f.path, std::move(text)));
    read.push_back({s.files.back().get(), kind, f.autostart});
  }
  std::vector<const SourceFile*> grub;
  for (const Read& r : read) {
    if (r.kind == Kind::Grub) grub.push_back(r.file);
  }
  std::stable_sort(grub.begin(), grub.end(), [](const SourceFile* a, const SourceFile* b) {
    return grub_before(a->name(), b->name());
  });
  std::map<std::string, std::string> env;  // the shell variables the GRUB files set, in order
  for (const SourceFile* g : grub) s.grub.push_back(read_grub_defaults(*g, env));
  for (const Read& r : read) {
    if (r.kind == Kind::Grub) {
      continue;
    } else if (r.kind == Kind::Interfaces) {
      s.interfaces.push_back(read_interfaces(*r.file));
    } else {
      XlSource x{r.file, {}, r.autostart};
      if (!read_xl_cfg(*r.file, x.cfg, sink)) continue;
      (is_pool(x.cfg) ? s.pools : s.domains).push_back(std::move(x));
    }
  }
  if (inputs.lvs) {
    std::string text, reason;
    if (!read_file(*inputs.lvs, text, reason)) {
      unreadable(*inputs.lvs, reason);
    } else {
      s.files.push_back(std::make_unique<SourceFile>(*inputs.lvs, std::move(text)));
      read_lvs(*s.files.back(), s.volumes, sink);
    }
  }
  return out;
}

}  // namespace xenplan
