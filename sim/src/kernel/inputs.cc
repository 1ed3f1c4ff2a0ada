#include "kernel/inputs.h"

#include <algorithm>
#include <cmath>

#include "components/data_centre.h"
#include "components/heat_source_temperature.h"
#include "components/hydrogen.h"
#include "components/load.h"
#include "components/pvt_collector.h"
#include "components/tariff.h"
#include "weather/bifacial.h"
#include "weather/epw.h"
#include "weather/tracking.h"

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
    case PvMounting::kOpenRack:
      p.thermal = kSapmOpenRackGlassPolymer;
      break;
    case PvMounting::kRoofMount:
      p.thermal = kSapmCloseRoofGlassGlass;
      break;
    case PvMounting::kInsulatedBack:
      p.thermal = kSapmInsulatedBackGlassPolymer;
      break;
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

WindTurbineParams wind_params_of(const WindTurbineModel& w) {
  WindTurbineParams p;
  p.curve = {w.curve_wind_m_s, w.curve_power_kw};
  p.hub_height_m = w.hub_height_m;
  p.reference_height_m = w.reference_height_m;
  p.shear_exponent = w.shear_exponent;
  p.density_correction = w.density_correction;
  return p;
}

HeatPumpPerformance performance_of(const HeatPumpModel& hp) {
  HeatPumpPerformance p;
  p.method = hp.cop_method == HeatPumpCopMethod::kTable ? CopMethod::kTable : CopMethod::kCarnotFraction;
  p.table = {hp.table_source_c, hp.table_sink_c, hp.table_cop, hp.table_capacity_kw};
  p.carnot_fraction = hp.carnot_fraction;
  p.min_lift_k = hp.min_lift_k;
  p.max_cop = hp.max_cop;
  p.rated_heat_kw = hp.rated_kw;
  if (hp.cooling) {  // a chiller's rating point: condenser air at 35 °C, chilled water at 7 °C
    p.rating_source_c = 35;
    p.rating_sink_c = 7;
  }
  return p;
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
  for (const WindTurbineModel& w : model.wind_turbines) wind_params_.push_back(wind_params_of(w));
  for (const HeatPumpModel& hp : model.heat_pumps) heat_pump_performance_.push_back(performance_of(hp));
}

StepWeather InputSampler::weather_at_step_middle(Tick step_start) const {
  // The step's midpoint, in seconds after the local midnight of its day.
  const std::int64_t mid_s2 =
      2 * (calendar_.start_seconds() + step_start) + model_.resolution_s;  // doubled: exact halves
  const std::int64_t day = (mid_s2 / 2) / kSecondsPerDay;
  const double seconds_into_day = static_cast<double>(mid_s2 - 2 * day * kSecondsPerDay) / 2.0;
  const CivilTime date = civil_from_seconds(day * kSecondsPerDay);
  StepWeather w;
  const double jd = julian_day_ut(date.year, date.month, date.day, seconds_into_day, model_.weather->site.utc_offset_h);
  // The costliest input: only when something uses it.
  if (!pv_params_.empty() || !model_.buildings.empty() || !model_.pvt.empty()) w.sun = solar_position(site_, jd);

  const double hour_position = typical_year_hour(date.month, date.day, 0) + seconds_into_day / kSecondsPerHourD;
  w.day_of_year = hour_position / 24.0;
  const auto& hours = model_.weather->hours;
  const bool leap_file = static_cast<int>(hours.size()) != kTypicalYearHours;
  // A file with 29 February is read as a typical year too: the calendar's typical hour skips it.
  const double position = leap_file && hour_position >= 59 * 24 ? hour_position + 24 : hour_position;
  w.sky.ghi_w_m2 = interpolate(hours, position, &WeatherHour::ghi_w_m2);
  w.sky.dni_w_m2 = interpolate(hours, position, &WeatherHour::dni_w_m2);
  w.sky.dhi_w_m2 = interpolate(hours, position, &WeatherHour::dhi_w_m2);
  w.air_c = interpolate(hours, position, &WeatherHour::dry_bulb_c);
  w.wind_m_s = interpolate(hours, position, &WeatherHour::wind_speed_m_s);
  w.pressure_pa = interpolate(hours, position, &WeatherHour::pressure_pa);
  w.albedo = interpolate(hours, position, &WeatherHour::albedo);
  w.relative_humidity_pct = interpolate(hours, position, &WeatherHour::relative_humidity_pct);
  return w;
}

// Where an array faces during a step: its fixed plane, or where its tracker points.
SurfaceOrientation InputSampler::pv_surface(std::size_t i, const SolarPosition& sun) const {
  const PvModel& pv = model_.pv_arrays[i];
  switch (pv.tracking) {
    case PvTracking::kSingleAxis: {
      SingleAxisTracker tracker;
      tracker.axis_tilt_deg = pv.axis_tilt_deg;
      tracker.axis_azimuth_deg = pv.axis_azimuth_deg;
      tracker.max_angle_deg = pv.max_angle_deg;
      tracker.backtrack = pv.backtrack;
      tracker.gcr = pv.gcr;
      return single_axis_position(tracker, sun.zenith_deg, sun.azimuth_deg).surface;
    }
    case PvTracking::kDualAxis:
      return dual_axis_orientation(sun.zenith_deg, sun.azimuth_deg, pv.max_angle_deg);
    case PvTracking::kFixed:
      break;
  }
  return {pv.tilt_deg, pv.azimuth_deg};
}

void InputSampler::sample_pv(const StepWeather& w, OperatingPoint& op) const {
  for (std::size_t i = 0; i < pv_params_.size(); ++i) {
    const PvParams& params = pv_params_[i];
    const SurfaceOrientation surface = pv_surface(i, w.sun);
    PoaIrradiance poa = poa_irradiance(surface, params.albedo, w.sun, w.sky, params.sky_model);
    const PvModel& pv = model_.pv_arrays[i];
    if (pv.bifaciality > 0) {
      // The rear side's light, net of bifaciality and rear shading, counts as diffuse light on
      // the front (no incidence-angle loss) and heats the cells like front light.
      BifacialParams rear;
      rear.bifaciality = pv.bifaciality;
      rear.gcr = pv.gcr;
      rear.height_m = pv.module_height_m;
      const double rear_w_m2 = rear_irradiance_w_m2(rear, surface, w.sun, w.sky, params.albedo);
      const double extra_w_m2 = bifacial_effective_irradiance_w_m2(rear, 0.0, rear_w_m2);
      poa.poa_ground_diffuse_w_m2 += extra_w_m2;
      poa.poa_global_w_m2 += extra_w_m2;
    }
    const PvOutput out = pv_ac_power(params, poa, w.air_c, w.wind_m_s);
    op.pv_available_kw[i] = out.ac_kw;
    op.pv_clipped_dc_kw[i] = out.clipped_kw;
    op.pv_poa_w_m2[i] = out.poa_w_m2;
    op.pv_cell_temp_c[i] = out.cell_temp_c;
  }
}

void InputSampler::sample_pvt(const StepWeather& w, OperatingPoint& op) const {
  for (std::size_t i = 0; i < model_.pvt.size(); ++i) {
    const PvtModel& m = model_.pvt[i];
    const PvtParams& collector = *m.collector;
    const PoaIrradiance poa =
        poa_irradiance({m.tilt_deg, m.azimuth_deg}, collector.pv.albedo, w.sun, w.sky, collector.pv.sky_model);
    // The collectors' mean fluid temperature: 5 K below the bus's supply, as they preheat its return.
    const double mean_fluid_c = model_.heat_buses[m.heat_bus].supply_temperature_c - 5.0;
    const PvtOutput one = pvt_output(collector, poa, w.air_c, mean_fluid_c, w.wind_m_s);
    op.pvt_available_kw[i] = pvwatts_inverter(collector.pv, one.electrical_dc_kw).ac_kw * m.collectors;
    op.pvt_thermal_kw[i] = one.thermal_kw * m.collectors;
  }
}

void InputSampler::sample_wind(const StepWeather& w, OperatingPoint& op) const {
  for (std::size_t i = 0; i < wind_params_.size(); ++i) {
    const WindTurbineModel& m = model_.wind_turbines[i];
    op.wind_hub_speed_m_s[i] = hub_wind_speed_m_s(wind_params_[i], w.wind_m_s);
    op.wind_available_kw[i] =
        wind_turbine_power_kw(wind_params_[i], w.wind_m_s, w.pressure_pa, w.air_c) * m.count * m.availability;
  }
}

void InputSampler::sample_heat_pumps(const StepWeather& w, OperatingPoint& op) const {
  for (std::size_t i = 0; i < heat_pump_performance_.size(); ++i) {
    const HeatPumpModel& hp = model_.heat_pumps[i];
    const double source_c =
        hp.source == HeatPumpSource::kAir
            ? w.air_c
            : seasonal_temperature_c({hp.source_mean_c, hp.source_amplitude_k, hp.source_coldest_day}, w.day_of_year);
    const double bus_c = model_.heat_buses[hp.heat_bus].supply_temperature_c;
    const HeatPumpOperatingLimits at = hp.cooling ? chiller_at(heat_pump_performance_[i], source_c, bus_c)
                                                  : heat_pump_at(heat_pump_performance_[i], source_c, bus_c);
    op.heat_pump_source_c[i] = source_c;
    op.heat_pump_cop[i] = at.cop;
    op.heat_pump_max_kw[i] = at.max_heat_kw;
  }
}

Tick InputSampler::refresh(Tick tick, OperatingPoint& op) {
  const Tick step = tick / model_.resolution_s;
  if (step != sampled_step_) {
    weather_ = weather_at_step_middle(step * model_.resolution_s);
    sample_pv(weather_, op);
    sample_wind(weather_, op);
    sample_pvt(weather_, op);
    sample_heat_pumps(weather_, op);
    sampled_step_ = step;
  }
  const CivilTime now = calendar_.at(tick);
  const int hour = typical_year_hour(now.month, now.day, now.hour);
  for (std::size_t i = 0; i < model_.loads.size(); ++i) op.load_demand_kw[i] = load_demand_kw(model_.loads[i], now);
  for (std::size_t i = 0; i < model_.heat_loads.size(); ++i)
    op.heat_load_demand_kw[i] = load_demand_kw(model_.heat_loads[i], now);
  for (std::size_t d = 0; d < model_.h2_demands.size(); ++d) {
    const H2DemandModel& m = model_.h2_demands[d];
    op.h2_demand_kg_per_h[d] = h2_demand_kg_per_h({m.daily_kg, m.hourly_shape}, now.hour);
  }
  for (std::size_t i = 0; i < model_.data_centres.size(); ++i) {
    const DataCentreModel& dc = model_.data_centres[i];
    const DataCentrePower power = data_centre_power(*dc.plant, load_demand_kw(dc.it, now), weather_.air_c,
                                                    weather_.relative_humidity_pct, weather_.pressure_pa);
    op.data_centre_it_kw[i] = power.it_kw;
    op.data_centre_pue[i] = power.pue;
    op.data_centre_demand_kw[i] = power.facility_kw;
  }
  op.carbon_kg_per_kwh = model_.grid.carbon_kg_per_kwh_hourly[hour];
  const int second_of_day = now.hour * 3600 + now.minute * 60 + now.second;
  const TariffModel::Segment& segment = tariff_segment(model_.grid.tariff, now.month, second_of_day);
  op.price_cny_per_kwh = segment.price_cny_per_kwh;
  op.tariff_period = segment.period;

  const Tick next_step = (step + 1) * model_.resolution_s;
  const Tick next_hour = calendar_.next_hour_boundary(tick);
  const Tick next_tariff =
      tick + (next_tariff_boundary_s(model_.grid.tariff, now.month, second_of_day) - second_of_day);
  return std::min({next_step, next_hour, next_tariff, model_.end_tick});
}

}  // namespace zeropark
