#include "artifact.h"

namespace xenplan {

std::string_view artifact_kind_name(ArtifactKind kind) {
  switch (kind) {
    case ArtifactKind::XlDomain:
      return "xl-domain";
    case ArtifactKind::XlCpupool:
      return "xl-cpupool";
    case ArtifactKind::XlConf:
      return "xl-conf";
    case ArtifactKind::Grub:
      return "grub";
    case ArtifactKind::Network:
      return "network";
    case ArtifactKind::Script:
      return "script";
    case ArtifactKind::Systemd:
      return "systemd";
    case ArtifactKind::Report:
      return "report";
    case ArtifactKind::Manifest:
      return "manifest";
  }
  return "report";
}

Artifact artifact_at(std::string install_path, ArtifactKind kind, std::string content, uint32_t mode) {
  Artifact a;
  a.path = install_path.substr(1);
  a.install_path = std::move(install_path);
  a.kind = kind;
  a.mode = mode;
  a.content = std::move(content);
  return a;
}

}  // namespace xenplan
