// Data centre PUE from a water-cooled chiller plant with a water-side economizer; see
// data_centre.h for what is modelled, what is ignored and the equations.
//
// The plant is linear in the heat it removes, so everything is computed per kW of IT power and
// scaled at the end: the PUE is a property of the plant and the weather, defined even at zero IT.
#include "components/data_centre.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace zeropark {
namespace {

constexpr double kKelvinOffset = 273.15;
constexpr double kWaterCp_kj_per_kg_k = 4.186;
constexpr double kWaterDensity_kg_per_m3 = 1000.0;
constexpr double kAirCp_kj_per_kg_k = 1.006;
constexpr double kAirDensity_kg_per_m3 = 1.2;  // near 20 C at sea level; the fans' design basis
// Ratio of the molar masses of water and dry air (ASHRAE 2017 Fundamentals ch. 1, eq. 20).
constexpr double kMolarMassRatio = 0.621945;
// The coldest temperature the Hyland-Wexler fits hold for: the wet-bulb search starts here.
constexpr double kColdestPsychrometricC = -100.0;
// Bisection halves a 200 K bracket 60 times: far below 1e-9 K, a fixed count so that every
// platform takes the same steps and gets the same bits.
constexpr int kWetBulbBisections = 60;

// Power (kW) of a fan or pump moving a fluid with heat-carrying capacity `heat_kw` across a
// temperature change `delta_t_k`: volume flow x pressure rise / efficiency.
double mover_kw(double heat_kw, double cp_kj_per_kg_k, double density_kg_per_m3,
                double delta_t_k, double pressure_pa, double efficiency) {
  const double mass_flow_kg_s = heat_kw / (cp_kj_per_kg_k * delta_t_k);
  const double volume_flow_m3_s = mass_flow_kg_s / density_kg_per_m3;
  return volume_flow_m3_s * pressure_pa / efficiency / 1000.0;  // W -> kW
}

// The share of the heat the economizer removes: pre-cooled chilled-water return temperature
// against the supply and return temperatures (0 when the economizer is absent).
double economizer_share(const DataCentreParams& p, double tower_water_c) {
  if (!p.water_side_economizer) return 0.0;
  const double precooled_c = tower_water_c + p.economizer_approach_k;
  const double return_c = p.chw_supply_c + p.chw_delta_t_k;
  if (precooled_c <= p.chw_supply_c) return 1.0;
  if (precooled_c >= return_c) return 0.0;
  return (return_c - precooled_c) / p.chw_delta_t_k;
}

}  // namespace

double saturation_vapour_pressure_pa(double temperature_c) {
  const double t = temperature_c + kKelvinOffset;
  if (temperature_c >= 0.0) {  // over liquid water, eq. 6
    return std::exp(-5.8002206e3 / t + 1.3914993 - 4.8640239e-2 * t + 4.1764768e-5 * t * t -
                    1.4452093e-8 * t * t * t + 6.5459673 * std::log(t));
  }
  // Over ice, eq. 5.
  return std::exp(-5.6745359e3 / t + 6.3925247 - 9.6778430e-3 * t + 6.2215701e-7 * t * t +
                  2.0747825e-9 * t * t * t - 9.4840240e-13 * t * t * t * t +
                  4.1635019 * std::log(t));
}

double humidity_ratio(double vapour_pressure_pa, double pressure_pa) {
  return kMolarMassRatio * vapour_pressure_pa / (pressure_pa - vapour_pressure_pa);
}

double humidity_ratio_from_wet_bulb(double dry_bulb_c, double wet_bulb_temperature_c,
                                    double pressure_pa) {
  // ASHRAE's notation: t the dry bulb, t* the wet bulb, W*s saturation at t*.
  const double t = dry_bulb_c;
  const double t_star = wet_bulb_temperature_c;
  const double w_star_s = humidity_ratio(saturation_vapour_pressure_pa(t_star), pressure_pa);
  const double sensible = 1.006 * (t - t_star);
  if (t_star >= 0.0) {  // eq. 33: the water evaporating is liquid
    return ((2501.0 - 2.326 * t_star) * w_star_s - sensible) / (2501.0 + 1.86 * t - 4.186 * t_star);
  }
  // Eq. 35: below freezing the wet bulb is coated with ice, which sublimates.
  return ((2830.0 - 0.24 * t_star) * w_star_s - sensible) / (2830.0 + 1.86 * t - 2.1 * t_star);
}

double wet_bulb_c(double dry_bulb_c, double relative_humidity_pct, double pressure_pa) {
  if (std::isnan(dry_bulb_c) || std::isnan(relative_humidity_pct)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const double p = (std::isfinite(pressure_pa) && pressure_pa > 0.0) ? pressure_pa
                                                                     : kStandardPressurePa;
  const double rh = std::clamp(relative_humidity_pct, 0.0, 100.0) / 100.0;
  const double target = humidity_ratio(rh * saturation_vapour_pressure_pa(dry_bulb_c), p);
  // The humidity ratio implied by a wet bulb rises with it, from below any real air at -100 C to
  // saturation at the dry bulb: bisect on that bracket.
  double lo = std::min(kColdestPsychrometricC, dry_bulb_c);
  double hi = dry_bulb_c;
  for (int i = 0; i < kWetBulbBisections; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (humidity_ratio_from_wet_bulb(dry_bulb_c, mid, p) > target) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return 0.5 * (lo + hi);
}

double chiller_cop(const DataCentreParams& params, double chw_supply_c, double condenser_water_c) {
  const double evaporating_k = chw_supply_c - params.evaporator_approach_k + kKelvinOffset;
  const double condensing_k =
      condenser_water_c + params.cw_delta_t_k + params.condenser_approach_k + kKelvinOffset;
  const double lift_k = condensing_k - evaporating_k;
  // No lift (or heat flowing the easy way): the compressor barely works; the cap applies.
  if (!(lift_k > 0.0)) return params.max_chiller_cop;
  return std::min(params.chiller_carnot_fraction * evaporating_k / lift_k, params.max_chiller_cop);
}

DataCentrePower data_centre_power_at_wet_bulb(const DataCentreParams& params, double it_kw,
                                              double outdoor_wet_bulb_c) {
  const DataCentreParams& p = params;
  // Per kW of IT.
  const double ups = 1.0 / p.ups_efficiency - 1.0;
  const double overhead = ups + p.distribution_loss_fraction + p.lighting_other_fraction;
  // The fans' heat ends up in the air they move: solve fans = (1 + overhead + fans) k for fans.
  const double fan_per_heat = mover_kw(1.0, kAirCp_kj_per_kg_k, kAirDensity_kg_per_m3,
                                       p.air_delta_t_k, p.air_fan_pressure_pa,
                                       p.air_fan_efficiency);
  const double heat = (1.0 + overhead) / (1.0 - fan_per_heat);
  const double fans = heat * fan_per_heat;
  const double chw_pump = mover_kw(heat, kWaterCp_kj_per_kg_k, kWaterDensity_kg_per_m3,
                                   p.chw_delta_t_k, p.chw_pump_pressure_pa,
                                   p.chw_pump_efficiency);

  DataCentrePower out;
  out.wet_bulb_c = outdoor_wet_bulb_c;
  const double tower_water_c = outdoor_wet_bulb_c + p.tower_approach_k;
  out.economizer_share = economizer_share(p, tower_water_c);
  double chillers = 0.0;
  if (out.economizer_share < 1.0) {
    // Towers cannot make the condenser water colder than the chillers accept: they hold it there.
    const double condenser_water_c = std::max(tower_water_c, p.min_condenser_water_c);
    out.chiller_cop = chiller_cop(p, p.chw_supply_c, condenser_water_c);
    chillers = (1.0 - out.economizer_share) * heat / out.chiller_cop;
  }
  out.mode = out.economizer_share >= 1.0   ? CoolingMode::kFreeCooling
             : out.economizer_share > 0.0 ? CoolingMode::kPartialFreeCooling
                                          : CoolingMode::kChiller;

  const double rejected = heat + chillers;
  const double cw_pump = mover_kw(rejected, kWaterCp_kj_per_kg_k, kWaterDensity_kg_per_m3,
                                  p.cw_delta_t_k, p.cw_pump_pressure_pa, p.cw_pump_efficiency);
  // Tower air mass flow is the water's over the liquid-to-gas ratio: the same as a water flow
  // carrying the heat across dT_cw x L/G, moved at the air's density.
  const double tower_fans = mover_kw(rejected, kWaterCp_kj_per_kg_k, kAirDensity_kg_per_m3,
                                     p.cw_delta_t_k * p.tower_liquid_gas_ratio,
                                     p.tower_fan_pressure_pa, p.tower_fan_efficiency);
  const double cooling = fans + chw_pump + cw_pump + tower_fans + chillers;
  out.pue = 1.0 + overhead + cooling;

  const double it = (std::isfinite(it_kw) && it_kw > 0.0) ? it_kw : 0.0;
  out.it_kw = it;
  out.overhead_kw = overhead * it;
  out.air_fans_kw = fans * it;
  out.pumps_kw = (chw_pump + cw_pump) * it;
  out.tower_fans_kw = tower_fans * it;
  out.chillers_kw = chillers * it;
  out.cooling_kw = cooling * it;
  out.facility_kw = out.it_kw + out.overhead_kw + out.cooling_kw;
  return out;
}

DataCentrePower data_centre_power(const DataCentreParams& params, double it_kw, double dry_bulb_c,
                                  double relative_humidity_pct, double pressure_pa) {
  return data_centre_power_at_wet_bulb(
      params, it_kw, wet_bulb_c(dry_bulb_c, relative_humidity_pct, pressure_pa));
}

}  // namespace zeropark
