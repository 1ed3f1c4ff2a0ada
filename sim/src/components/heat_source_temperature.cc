// Heat-source temperatures: one annual harmonic for water bodies, Kusuda & Achenbach for the
// ground. See heat_source_temperature.h for the equations, the sources of the default parameter
// sets and what is ignored.
#include "components/heat_source_temperature.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace zeropark {
namespace {

// Kusuda & Achenbach write the period as 365 days; so do we, for the water bodies too.
constexpr double kDaysPerYear = 365.0;
constexpr double kSecondsPerDay = 86400.0;

double annual_angle_rad(double days) { return 2.0 * std::numbers::pi * days / kDaysPerYear; }

}  // namespace

double seasonal_temperature_c(const SeasonalTemperature& cycle, double day_of_year) {
  return cycle.annual_mean_c -
         cycle.amplitude_k * std::cos(annual_angle_rad(day_of_year - cycle.coldest_day_of_year));
}

SeasonalTemperature qingdao_sea_water() { return {14.85, 10.7, 49.0}; }

SeasonalTemperature northern_china_sewage() { return {19.0, 6.0, 45.0}; }

double thermal_diffusivity_m2_per_day(double conductivity_w_m_k, double density_kg_m3,
                                      double specific_heat_j_kg_k) {
  return conductivity_w_m_k / (density_kg_m3 * specific_heat_j_kg_k) * kSecondsPerDay;
}

double kusuda_soil_temperature_c(double annual_mean_c, double amplitude_k, double coldest_day,
                                 double depth_m, double diffusivity_m2_per_day,
                                 double day_of_year) {
  const double depth = std::max(0.0, depth_m);
  // z / d with d = sqrt(365 alpha / pi) the damping depth: the amplitude falls by e and the
  // phase lags by one radian (58 days) for each damping depth down.
  const double depth_ratio =
      depth * std::sqrt(std::numbers::pi / (kDaysPerYear * diffusivity_m2_per_day));
  const double lag_days = depth_ratio * kDaysPerYear / (2.0 * std::numbers::pi);
  return annual_mean_c - amplitude_k * std::exp(-depth_ratio) *
                             std::cos(annual_angle_rad(day_of_year - coldest_day - lag_days));
}

double heat_source_temperature_c(const HeatSourceTemperature& source, double air_temp_c,
                                 double day_of_year) {
  switch (source.model) {
    case HeatSourceModel::kAmbientAir: return air_temp_c;
    case HeatSourceModel::kSeasonal: return seasonal_temperature_c(source.cycle, day_of_year);
    case HeatSourceModel::kGround:
      return kusuda_soil_temperature_c(source.cycle.annual_mean_c, source.cycle.amplitude_k,
                                       source.cycle.coldest_day_of_year, source.depth_m,
                                       source.diffusivity_m2_per_day, day_of_year);
  }
  return air_temp_c;  // unreachable for a valid enum
}

}  // namespace zeropark
