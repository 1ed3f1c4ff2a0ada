// Saving a what-if fork as a scenario of its own: the original scenario's text with the fork's
// edit written into it, so `zeropark run` (or the view) can run the forked park from the start.
//
// A scenario cannot say "from day 12 on": the saved file applies the edit from the first tick.
#pragma once

#include <filesystem>
#include <string>

#include "what_if.h"
#include "zeropark/model.h"

namespace zeropark::view {

// The YAML text of the forked scenario: model.scenario_text with the batteries' capacity_kwh
// (× battery_capacity_scale) and max_charge_kw/max_discharge_kw (× battery_power_scale), the PV
// arrays' dc_capacity_kw and ac_capacity_kw when given (× pv_scale) and simulation.controller
// replaced (its plug-in and the local controllers dropped, as apply_edit does), named
// "<name>_fork". Relative input paths (weather, profiles, sessions, ...) that name a file beside
// the original become absolute, so the text runs from any folder.
// Throws std::invalid_argument for an edit apply_edit refuses, or a model without scenario text.
std::string fork_scenario_text(const ParkModel& model, const WhatIfEdit& edit);

// Writes fork_scenario_text to `path`. Throws std::runtime_error naming the path when it cannot
// be written.
void save_fork_scenario(const ParkModel& model, const WhatIfEdit& edit, const std::filesystem::path& path);

// "<name>_fork.yaml" in the current folder: the panel's default file name.
std::string default_fork_file(const ParkModel& model);

}  // namespace zeropark::view
