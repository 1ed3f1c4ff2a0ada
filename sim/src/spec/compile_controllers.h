// The park's controllers: the supervisory one (a built-in by name, or a plug-in by path), the
// local controllers and the devices each owns, and the settings they share.
#pragma once

#include <filesystem>

#include "zeropark/model.h"
#include "zeropark/spec.h"

namespace zeropark {

// Fills model.controller, controller_plugin, local_controllers and controller_settings. Needs the
// model's devices compiled (local controllers name them). Plug-ins are loaded here, once, so that a
// bad one is an error at its line, not a failure mid-run. Throws InputError.
void compile_controllers(const ParkSpec& spec, const std::filesystem::path& scenario_dir, ParkModel& model);

}  // namespace zeropark
