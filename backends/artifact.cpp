#include "artifact.h"

namespace xenplan {

Artifact artifact_at(std::string install_path, std::string kind, std::string content, uint32_t mode) {
  Artifact a;
  a.path = install_path.substr(1);
  a.install_path = std::move(install_path);
  a.kind = std::move(kind);
  a.mode = mode;
  a.content = std::move(content);
  return a;
}

}  // namespace xenplan
