// A data centre's electricity demand as a function of its IT load and the weather:
// facility power = IT power x PUE(outdoor air), from a steady-state model of the plant that
// cools it. Pure functions of (parameters, IT power, weather); the plant holds no state.
//
// What it represents: the component structure of Lei & Masanet's thermodynamic PUE model
// (N. Lei, E. Masanet, "Statistical analysis for predicting location-specific data center PUE and
// its improvement potential", Energy 201 (2020) 117556; and Resources, Conservation & Recycling
// 182 (2022) 106323) for a water-cooled chiller plant with a water-side economizer:
//  - electrical overheads: UPS conversion loss, distribution loss (transformers, PDUs, cables) and
//    lighting/other loads, in proportion to IT power;
//  - computer-room air handlers (CRAH) whose fans move the heat at a fixed air temperature rise;
//  - a chilled-water loop (supply/return temperatures, pump) and a condenser-water loop (pump,
//    open cooling tower whose leaving water is the outdoor wet-bulb plus the tower approach);
//  - a plate heat exchanger (the economizer) between the two loops: it carries all the load when
//    the tower water plus the exchanger approach is at or below the chilled-water supply
//    temperature, part of it (pre-cooling the return water, chiller in series) while that is
//    below the return temperature, and nothing above;
//  - electric chillers whose COP is a fixed fraction of the Carnot COP between an evaporating
//    temperature (chilled-water supply minus an approach) and a condensing temperature
//    (condenser-water entering temperature plus its rise plus an approach), capped at the
//    highest COP seen in the manufacturer maps the model was checked against.
// Where Lei & Masanet fit a regression for the chiller COP, we use the Carnot fraction so the COP
// follows the lift for any chilled-water temperature; with the default fraction it reproduces the
// DOE-2.1E generic centrifugal chiller (COP 5.5 at 6.67 C leaving chilled water, 29.4 C entering
// condenser water, EnergyPlus datasets/Chillers.idf).
//
// Equations (Q = heat to remove, kW; cp_w = 4.186 kJ/kg K; rho_w = 1000 kg/m3; rho_a = 1.2 kg/m3;
// cp_a = 1.006 kJ/kg K):
//   UPS loss = IT (1/eta_ups - 1); distribution = f_d IT; lighting/other = f_l IT
//   fans     = Q dp_a / (eta_f rho_a cp_a dT_a), with Q including the fans' own heat
//   Q        = IT + UPS loss + distribution + lighting/other + fans
//   CHW pump = Q dp_chw / (eta_p rho_w cp_w dT_chw)
//   T_tower  = T_wb + approach_tower;  T_pre = T_tower + approach_hx
//   economizer share s = 1 if T_pre <= T_chws; (T_chwr - T_pre)/(T_chwr - T_chws) if below the
//                         return T_chwr = T_chws + dT_chw; 0 above
//   chiller  = (1 - s) Q / COP,  COP = min(eta_C T_e / (T_c - T_e), COP_max)  [kelvin]
//              T_e = T_chws - approach_e,  T_c = max(T_tower, T_cw,min) + dT_cw + approach_c
//   heat rejected R = Q + chiller;  CW pump = R dp_cw / (eta_p rho_w cp_w dT_cw)
//   tower fan = (R / (cp_w dT_cw L/G) / rho_a) dp_t / eta_t     (air flow from the L/G ratio)
//   PUE = (IT + overheads + cooling) / IT
// Wet-bulb temperature from dry-bulb, relative humidity and station pressure is solved from the
// psychrometric equations of the 2017 ASHRAE Handbook - Fundamentals, ch. 1 (Hyland-Wexler
// saturation pressure, eqs. 5-6; humidity ratio, eq. 20; wet-bulb energy balance, eqs. 33 and 35
// below freezing), by bisection.
//
// Ignores: part-load chiller efficiency and staging (VSD chillers are near their full-load COP
// over the range that matters), latent load and humidity control (CRAH sensible heat ratio
// ~0.95-0.99 per Lei & Masanet), heat gains through the envelope, pump heat added to the water,
// the tower approach growing at low wet-bulb or low load, tower fan speed control, basin freezing,
// the thermal inertia of the plant (it answers instantly to the weather), redundancy (N+1 units
// idling), and water use (WUE). IT power is a given; its own fans are part of it.
#pragma once

namespace zeropark {

// Standard atmosphere at sea level, Pa: the pressure used when none is known.
inline constexpr double kStandardPressurePa = 101325.0;

// What a data centre's power and cooling plant is. The defaults describe a new, efficient but not
// hyperscale facility with a water-cooled chiller plant and water-side economizer; on the Shanghai
// CSWD typical year they give an annual PUE of 1.29, under the 1.3 that Jiading's carbon-peak plan
// caps new data centres at. Each default lies in the input ranges Lei & Masanet (2022) give for
// mid-size water-cooled plants with a water-side economizer (their case 4; the ranges are in
// brackets), except the UPS, which is a modern unit from their large-scale range.
struct DataCentreParams {
  // Electrical overheads.
  double ups_efficiency = 0.95;               // double conversion (0.80-0.94; large 0.90-0.99)
  double distribution_loss_fraction = 0.02;   // of IT power (0.02-0.05)
  double lighting_other_fraction = 0.02;      // of IT power: lighting, offices, BMS (0.02-0.05)
  // Computer-room air handlers.
  double air_fan_pressure_pa = 500.0;         // total pressure rise (400-900 Pa)
  double air_fan_efficiency = 0.70;           // fan, motor and drive (0.60-0.80)
  double air_delta_t_k = 10.0;                // supply-to-return air rise (5-10 K)
  // Chilled-water loop.
  double chw_supply_c = 12.0;                 // supply setpoint (12/18 C design)
  double chw_delta_t_k = 6.0;                 // return minus supply (5-10 K)
  double chw_pump_pressure_pa = 150.0e3;      // pump head (115-172 kPa)
  double chw_pump_efficiency = 0.70;          // (0.60-0.80)
  // Condenser-water loop and open cooling tower.
  double cw_delta_t_k = 5.0;                  // tower range (4-6 K)
  double cw_pump_pressure_pa = 200.0e3;       // pump head (167-250 kPa)
  double cw_pump_efficiency = 0.70;           // (0.60-0.80)
  double tower_approach_k = 4.0;              // leaving water minus wet-bulb (2.8-6.7 K)
  double tower_fan_pressure_pa = 200.0;       // (200-400 Pa)
  double tower_fan_efficiency = 0.70;         // (0.60-0.80)
  double tower_liquid_gas_ratio = 1.0;        // water to air mass flow (0.2-2)
  // Water-side economizer (plate heat exchanger between the loops).
  bool water_side_economizer = true;
  double economizer_approach_k = 2.0;         // (1.7-2.8 K)
  // Chillers.
  double chiller_carnot_fraction = 0.63;      // the DOE-2.1E generic centrifugal, see above
  double evaporator_approach_k = 2.0;         // chilled-water supply minus evaporating temperature
  double condenser_approach_k = 2.0;          // condensing minus leaving condenser water
  // Coldest condenser water the chillers accept; the towers are held at it when the weather is
  // colder (the VSD maps we checked against, York YT and Carrier 19XR, start at 12.78 C).
  double min_condenser_water_c = 13.0;
  // Highest COP the model gives: the best full-load point of the maps we checked against (York YT
  // VSD, 13.7 at 8.9 C chilled water and 12.8 C condenser water); Carnot alone grows without bound
  // as the lift vanishes.
  double max_chiller_cop = 14.0;
};

// Which way the plant is cooling.
enum class CoolingMode {
  kFreeCooling,         // economizer alone, chillers off
  kPartialFreeCooling,  // economizer pre-cools the return water, chillers finish
  kChiller,             // chillers alone
};

// Power drawn by a data centre at one instant (all >= 0; the bus sign convention is the caller's).
struct DataCentrePower {
  double it_kw = 0.0;
  double cooling_kw = 0.0;    // fans + pumps + tower fans + chillers
  double overhead_kw = 0.0;   // UPS and distribution losses, lighting and other
  double facility_kw = 0.0;   // it + cooling + overhead
  double pue = 1.0;           // facility / IT; the plant's ratio even when IT power is 0
  // Breakdown of cooling_kw.
  double air_fans_kw = 0.0;
  double pumps_kw = 0.0;
  double tower_fans_kw = 0.0;
  double chillers_kw = 0.0;
  // State of the plant.
  double wet_bulb_c = 0.0;
  double economizer_share = 0.0;  // share of the heat removed by the economizer, 0..1
  double chiller_cop = 0.0;       // 0 when the chillers are off
  CoolingMode mode = CoolingMode::kChiller;
};

// Saturation vapour pressure (Pa) over liquid water at and above 0 C, over ice below (ASHRAE
// 2017 Fundamentals ch. 1, eqs. 5-6), for -100 C to 200 C.
double saturation_vapour_pressure_pa(double temperature_c);

// Humidity ratio (kg water per kg dry air) of air with the given partial vapour pressure.
double humidity_ratio(double vapour_pressure_pa, double pressure_pa);

// Humidity ratio of air at `dry_bulb_c` whose thermodynamic wet bulb is `wet_bulb_temperature_c`
// (ASHRAE eq. 33, or eq. 35 when the wet bulb is below freezing).
double humidity_ratio_from_wet_bulb(double dry_bulb_c, double wet_bulb_temperature_c,
                                    double pressure_pa);

// Thermodynamic wet-bulb temperature (C) of air at `dry_bulb_c`, `relative_humidity_pct` (clamped
// to 0-100 %) and station pressure `pressure_pa` (a non-positive or non-finite pressure counts as
// the standard atmosphere). Not-a-number in, not-a-number out.
double wet_bulb_c(double dry_bulb_c, double relative_humidity_pct, double pressure_pa);

// Full-load COP of the chillers producing chilled water at `chw_supply_c` from condenser water
// entering at `condenser_water_c` (the Carnot fraction, capped at max_chiller_cop).
double chiller_cop(const DataCentreParams& params, double chw_supply_c, double condenser_water_c);

// Power of the data centre at IT power `it_kw` (negative or non-finite counts as 0) when the
// outdoor wet bulb is `outdoor_wet_bulb_c`: the water-side plant depends on nothing else.
DataCentrePower data_centre_power_at_wet_bulb(const DataCentreParams& params, double it_kw,
                                              double outdoor_wet_bulb_c);

// Power of the data centre at IT power `it_kw` in outdoor air at `dry_bulb_c`,
// `relative_humidity_pct` and station pressure `pressure_pa`.
DataCentrePower data_centre_power(const DataCentreParams& params, double it_kw, double dry_bulb_c,
                                  double relative_humidity_pct, double pressure_pa);

}  // namespace zeropark
