// xenplan-up and xenplan-down, the two scripts that act on a running Xen host (script_up.cpp,
// script_down.cpp), from what they share (script_xl.cpp).
#include "paths.h"
#include "script_common.h"

namespace xenplan {

Artifacts emit_scripts(const BuildInput& in) {
  return {artifact_at(paths::kUp, ArtifactKind::Script, up_script(in), 0755),
          artifact_at(paths::kDown, ArtifactKind::Script, down_script(in.checked), 0755)};
}

}  // namespace xenplan
