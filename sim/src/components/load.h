// Electric loads driven by hourly profiles.
#pragma once

#include <filesystem>
#include <vector>

#include "zeropark/spec.h"

namespace zeropark {

// The load's mean power in each of the 8760 typical-year hours, kW, after scaling. CSV profiles
// are resolved against `scenario_dir`; built-in profiles use `calendar_year` for their weekdays.
std::vector<double> load_profile_kw(const LoadSpec& load, const std::filesystem::path& scenario_dir,
                                    int calendar_year);

// Names of the built-in profiles.
const std::vector<std::string>& builtin_load_profiles();

}  // namespace zeropark
