// Electric load: a profile of mean power per hour, constant within the hour, so the energy of
// every hour is exactly the profile's and does not depend on the run's resolution.
//
// CSV profiles are measured hourly energies (kWh in each hour = mean kW). Hour i of the file
// drives typical-year hour i (same month, day and hour of the simulated year), so a profile
// measured in another year keeps its seasons but not its weekdays.
//
// Built-in shapes are weekly (168 hours from Monday 00:00) and follow the simulated calendar's
// weekdays; annual_kwh scales them per 8760 h of average weeks. Relative shapes:
//   constant     1 at every hour.
//   office       weekdays 08:00–18:00: 1; other hours and weekends: 0.3 (base load).
//   data_centre  flat IT load with a cooling swing: 0.9 + 0.1·max(0, sin(π(h − 6)/18)), h the hour
//                of day, peaking mid-afternoon.
// Ignored: reactive power, voltage dependence, demand response (a controller's job).
#include "components/load.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "inputs/hourly_csv.h"
#include "time/calendar.h"
#include "zeropark/error.h"

namespace zeropark {
namespace {

constexpr int kHoursPerYear = 8760;
constexpr int kHoursPerWeek = 168;

std::vector<double> builtin_week(const std::string& name) {
  std::vector<double> shape(kHoursPerWeek);
  for (int h = 0; h < kHoursPerWeek; ++h) {
    const int hour_of_day = h % 24;
    const bool weekend = h / 24 >= 5;  // the week starts on Monday
    if (name == "constant") {
      shape[h] = 1.0;
    } else if (name == "office") {
      shape[h] = (!weekend && hour_of_day >= 8 && hour_of_day < 18) ? 1.0 : 0.3;
    } else {  // data_centre
      const double swing = std::sin(std::numbers::pi * (hour_of_day - 6) / 18.0);
      shape[h] = 0.9 + 0.1 * std::max(0.0, swing);
    }
  }
  return shape;
}

}  // namespace

const std::vector<std::string>& builtin_load_profiles() {
  static const std::vector<std::string> names = {"constant", "office", "data_centre"};
  return names;
}

LoadModel compile_load(const LoadSpec& load, int bus, const std::filesystem::path& scenario_dir) {
  const auto& builtins = builtin_load_profiles();
  const bool builtin = std::find(builtins.begin(), builtins.end(), load.profile) != builtins.end();
  const InputLocation where{load.at.file, load.at.line, load.at.column};
  LoadModel model{load.name, bus, {}, builtin};
  std::vector<double>& kw = model.hourly_kw;
  if (builtin) {
    if (load.annual_kwh == 0 && load.peak_kw == 0)
      throw InputError(where, "loads." + load.name + ".annual_kwh",
                       "a built-in profile needs annual_kwh or peak_kw to set its size");
    kw = builtin_week(load.profile);
    if (load.annual_kwh == 0) {
      const double peak = *std::max_element(kw.begin(), kw.end());
      for (double& v : kw) v *= load.peak_kw / peak;
    }
  } else {
    if (load.peak_kw != 0)
      throw InputError(where, "loads." + load.name + ".peak_kw",
                       "peak_kw scales built-in profiles only; use annual_kwh for a CSV profile");
    const std::filesystem::path path = scenario_dir / load.profile;
    if (!std::filesystem::exists(path))
      throw InputError(where, "loads." + load.name + ".profile",
                       "cannot open profile '" + path.string() + "' (nor is it a built-in: constant, "
                       "office, data_centre)");
    kw = read_hourly_csv(path, "loads." + load.name + ".profile", 0, 1e7).values;
  }
  if (load.annual_kwh > 0) {
    // A week's energy counts 8760/168 times in a year of average weeks.
    const double repeats = builtin ? static_cast<double>(kHoursPerYear) / kHoursPerWeek : 1.0;
    const double total_kwh = std::accumulate(kw.begin(), kw.end(), 0.0) * repeats;
    if (total_kwh <= 0)
      throw InputError(where, "loads." + load.name + ".profile", "the profile is zero all year and cannot be scaled");
    const double scale = load.annual_kwh / total_kwh;
    for (double& v : kw) v *= scale;
  }
  return model;
}

double load_demand_kw(const LoadModel& load, const CivilTime& now) {
  if (!load.weekly) return load.hourly_kw[static_cast<std::size_t>(typical_year_hour(now.month, now.day, now.hour))];
  // 1970-01-01 was a Thursday: Monday-based weekday = (days + 3) mod 7.
  const std::int64_t days = days_from_civil(now.year, now.month, now.day);
  const int weekday = static_cast<int>(((days + 3) % 7 + 7) % 7);
  return load.hourly_kw[static_cast<std::size_t>(weekday * 24 + now.hour)];
}

}  // namespace zeropark
