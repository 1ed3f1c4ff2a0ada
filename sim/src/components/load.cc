// Electric load: a profile of mean power per hour, constant within the hour, so the energy of
// every hour is exactly the profile's and does not depend on the run's resolution.
//
// CSV profiles are measured hourly energies (kWh in each hour = mean kW). Hour i of the file
// drives typical-year hour i (same month, day and hour of the simulated year), so a profile
// measured in another year keeps its seasons but not its weekdays.
//
// Built-in shapes (relative; scaled by annual_kwh or peak_kw):
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

constexpr int kHours = 8760;

// 0 = Monday … 6 = Sunday for a day of `year` counted from 1 January (0-based).
int weekday(int year, int day_of_year) {
  const std::int64_t days = days_from_civil(year, 1, 1) + day_of_year;  // 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::vector<double> builtin_shape(const std::string& name, int year) {
  std::vector<double> shape(kHours);
  for (int h = 0; h < kHours; ++h) {
    const int hour_of_day = h % 24;
    if (name == "constant") {
      shape[h] = 1.0;
    } else if (name == "office") {
      const bool weekend = weekday(year, h / 24) >= 5;
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

std::vector<double> load_profile_kw(const LoadSpec& load, const std::filesystem::path& scenario_dir,
                                    int calendar_year) {
  const auto& builtins = builtin_load_profiles();
  const bool builtin = std::find(builtins.begin(), builtins.end(), load.profile) != builtins.end();
  const InputLocation where{load.at.file, load.at.line, load.at.column};
  std::vector<double> kw;
  if (builtin) {
    if (load.annual_kwh == 0 && load.peak_kw == 0)
      throw InputError(where, "loads." + load.name + ".annual_kwh",
                       "a built-in profile needs annual_kwh or peak_kw to set its size");
    kw = builtin_shape(load.profile, calendar_year);
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
    const double total_kwh = std::accumulate(kw.begin(), kw.end(), 0.0);
    if (total_kwh <= 0)
      throw InputError(where, "loads." + load.name + ".profile", "the profile is zero all year and cannot be scaled");
    const double scale = load.annual_kwh / total_kwh;
    for (double& v : kw) v *= scale;
  }
  return kw;
}

}  // namespace zeropark
