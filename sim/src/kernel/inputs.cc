#include "kernel/inputs.h"

#include <algorithm>
#include <cmath>

#include "components/load.h"
#include "components/tariff.h"
#include "weather/epw.h"

namespace zeropark {
namespace {

constexpr int kTypicalYearHours = 8760;

PvParams pv_params_of(const PvModel& pv) {
  PvParams p = default_pv_params();
  p.dc_capacity_kw = pv.dc_capacity_kw;
  p.ac_capacity_kw = pv.ac_capacity_kw;
  p.tilt_deg = pv.tilt_deg;
  p.azimuth_deg = pv.azimuth_deg;
  p.albedo = pv.albedo;
  p.gamma_pdc_per_c = pv.gamma_pdc_per_c;
  p.system_losses_fraction = pv.system_losses_fraction;
  p.inverter_nominal_efficiency = pv.inverter_efficiency;
  switch (pv.mounting) {
    case PvMounting::kOpenRack: p.thermal = kSapmOpenRackGlassPolymer; break;
    case PvMounting::kRoofMount: p.thermal = kSapmCloseRoofGlassGlass; break;
    case PvMounting::kInsulatedBack: p.thermal = kSapmInsulatedBackGlassPolymer; break;
  }
  return p;
}

// Linear interpolation between EPW records at their mid-hours; `hour_position` counts hours from
// the typical year's 1 January 00:00 and wraps around the year.
double interpolate(const std::vector<WeatherHour>& hours, double hour_position, double WeatherHour::*field) {
  const double centred = hour_position - 0.5;
  const double floor_h = std::floor(centred);
  const double fraction = centred - floor_h;
  const int n = static_cast<int>(hours.size());
  const int i0 = ((static_cast<int>(floor_h) % n) + n) % n;
  const int i1 = (i0 + 1) % n;
  if (fraction == 0) return hours[i0].*field;
  return hours[i0].*field * (1 - fraction) + hours[i1].*field * fraction;
}

}  // namespace

InputSampler::InputSampler(const ParkModel& model) : model_(model), calendar_(model.start) {
  const WeatherSite& w = model.weather->site;
  site_.latitude_deg = w.latitude_deg;
  site_.longitude_deg = w.longitude_deg;
  site_.elevation_m = w.elevation_m;
  site_.delta_t_s = model.delta_t_s;
  // Refraction uses the site's mean conditions, from the weather year itself.
  double pressure_pa = 0, temperature_c = 0;
  for (const WeatherHour& h : model.weather->hours) {
    pressure_pa += h.pressure_pa;
    temperature_c += h.dry_bulb_c;
  }
  site_.pressure_mbar = pressure_pa / model.weather->hours.size() / 100.0;
  site_.temperature_c = temperature_c / model.weather->hours.size();
  for (const PvModel& pv : model.pv_arrays) pv_params_.push_back(pv_params_of(pv));
}

void InputSampler::sample_pv(Tick step_start, OperatingPoint& op) {
  if (pv_params_.empty()) return;
  // The step's midpoint, in seconds after the local midnight of its day.
  const std::int64_t mid_s2 = 2 * (calendar_.start_seconds() + step_start) + model_.resolution_s;  // doubled: exact halves
  const std::int64_t day = (mid_s2 / 2) / kSecondsPerDay;
  const double seconds_into_day = static_cast<double>(mid_s2 - 2 * day * kSecondsPerDay) / 2.0;
  const CivilTime date = civil_from_seconds(day * kSecondsPerDay);
  const double jd = julian_day_ut(date.year, date.month, date.day, seconds_into_day, model_.weather->site.utc_offset_h);
  const SolarPosition sun = solar_position(site_, jd);

  const double hour_position =
      typical_year_hour(date.month, date.day, 0) + seconds_into_day / kSecondsPerHourD;
  const auto& hours = model_.weather->hours;
  const bool leap_file = static_cast<int>(hours.size()) != kTypicalYearHours;
  // A file with 29 February is read as a typical year too: the calendar's typical hour skips it.
  const double position = leap_file && hour_position >= 59 * 24 ? hour_position + 24 : hour_position;
  HorizontalIrradiance sky;
  sky.ghi_w_m2 = interpolate(hours, position, &WeatherHour::ghi_w_m2);
  sky.dni_w_m2 = interpolate(hours, position, &WeatherHour::dni_w_m2);
  sky.dhi_w_m2 = interpolate(hours, position, &WeatherHour::dhi_w_m2);
  const double air_c = interpolate(hours, position, &WeatherHour::dry_bulb_c);
  const double wind_m_s = interpolate(hours, position, &WeatherHour::wind_speed_m_s);
  for (std::size_t i = 0; i < pv_params_.size(); ++i) {
    const PoaIrradiance poa = pv_poa_irradiance(pv_params_[i], sun, sky);
    const PvOutput out = pv_ac_power(pv_params_[i], poa, air_c, wind_m_s);
    op.pv_available_kw[i] = out.ac_kw;
    op.pv_clipped_dc_kw[i] = out.clipped_kw;
    op.pv_poa_w_m2[i] = out.poa_w_m2;
    op.pv_cell_temp_c[i] = out.cell_temp_c;
  }
}

Tick InputSampler::refresh(Tick tick, OperatingPoint& op) {
  const Tick step = tick / model_.resolution_s;
  if (step != sampled_step_) {
    sample_pv(step * model_.resolution_s, op);
    sampled_step_ = step;
  }
  const CivilTime now = calendar_.at(tick);
  const int hour = typical_year_hour(now.month, now.day, now.hour);
  for (std::size_t i = 0; i < model_.loads.size(); ++i) op.load_demand_kw[i] = load_demand_kw(model_.loads[i], now);
  op.carbon_kg_per_kwh = model_.grid.carbon_kg_per_kwh_hourly[hour];
  const int second_of_day = now.hour * 3600 + now.minute * 60 + now.second;
  const TariffModel::Segment& segment = tariff_segment(model_.grid.tariff, now.month, second_of_day);
  op.price_cny_per_kwh = segment.price_cny_per_kwh;
  op.tariff_period = segment.period;

  const Tick next_step = (step + 1) * model_.resolution_s;
  const Tick next_hour = calendar_.next_hour_boundary(tick);
  const Tick next_tariff = tick + (next_tariff_boundary_s(model_.grid.tariff, now.month, second_of_day) - second_of_day);
  return std::min({next_step, next_hour, next_tariff, model_.end_tick});
}

}  // namespace zeropark
