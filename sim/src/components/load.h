// Electric loads driven by hourly profiles.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "zeropark/civil_time.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"

namespace zeropark {

// Compiles a load: reads its CSV (resolved against `scenario_dir`) or builds its built-in shape,
// and scales it. Throws InputError naming the scenario's line or the CSV's.
LoadModel compile_load(const LoadSpec& load, int bus, const std::filesystem::path& scenario_dir);

// The load's demand at a local time, kW: constant within each hour.
double load_demand_kw(const LoadModel& load, const CivilTime& now);

// Names of the built-in profiles.
const std::vector<std::string>& builtin_load_profiles();

}  // namespace zeropark
