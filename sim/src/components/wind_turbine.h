// A wind turbine described by its power curve: the 10 m wind of the weather file in, AC power out.
// Pure functions of (parameters, inputs); the turbine has no state of its own.
//
// Models: the manufacturer's (or a reference) power curve as a table of wind speed -> electrical
// power, linearly interpolated between its points and 0 outside them (below the first point the
// rotor does not turn; above the last one it has cut out); the wind at hub height from the wind
// measured at the reference height (an EPW gives it at 10 m) by the power law, or by the
// logarithmic profile of a neutral surface layer; and the air-density normalisation of
// IEC 61400-12-1 (ed. 1 2005 / ed. 2 2017, its method for pitch-regulated turbines), which reads
// the curve at the wind speed that carries the same kinetic-energy flux in air of the curve's
// reference density, with the site density from station pressure and dry-bulb temperature (ideal
// gas, dry air).
// Ignores: turbulence, shear and veer across the rotor, wakes of other turbines, yaw error, icing
// and low-temperature shutdown, cut-out hysteresis (a table ramps from its last powered point to
// the next zero point instead), the time the rotor needs to follow the wind, humidity (moist air
// is lighter: up to about 1 % at 30 C), and the drop of pressure and temperature between the
// station and the hub (about -0.8 % density at 80 m, i.e. -0.3 % in wind speed). Availability and
// electrical losses are the caller's. Output is positive when power flows into the bus (see
// zeropark/units.h).
//
// Equations:
//   power law (Hellman):  v_hub = v_ref (h_hub / h_ref)^alpha,            alpha = 1/7 by default
//   log law:              v_hub = v_ref ln(h_hub / z0) / ln(h_ref / z0)
//   density (dry air):    rho = p / (R_d T),  R_d = 287.05 J/(kg K),  T = dry-bulb + 273.15 K
//   IEC 61400-12-1:       v_eq = v_hub (rho / rho_0)^(1/3),  rho_0 = 1.225 kg/m3
//   power:                P = curve(v_eq), linear between points, 0 below the first point and
//                         above the last.
//
// References: IEC 61400-12-1, "Wind turbines - Part 12-1: Power performance measurements of
// electricity producing wind turbines" (density normalisation, R_0 = 287.05 J/(kg K));
// Manwell, McGowan & Rogers, "Wind Energy Explained", 2nd ed., Wiley 2009, chapter 2 (wind
// speed variation with height: power and log laws); ISO 2533:1975 standard atmosphere
// (1.225 kg/m3 at 101325 Pa and 15 C). The shipped 1.5 MW curve (assets/wind/) and the test
// values come from NREL SAM/SSC's windpower tests and the windpowerlib test suite
// (tests/data/wind/PROVENANCE.md).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "zeropark/error.h"

namespace zeropark {

// Reference density of IEC 61400-12-1 (and of ISO 2533 at sea level), to which power curves are
// normalised.
inline constexpr double kReferenceAirDensityKgM3 = 1.225;
// Specific gas constant of dry air used by IEC 61400-12-1.
inline constexpr double kDryAirGasConstantJPerKgK = 287.05;
// Kelvin at 0 C.
inline constexpr double kZeroCelsiusK = 273.15;

// A power curve: electrical output at each hub-height wind speed, for air of density 1.225 kg/m3.
// Valid curves (see check_power_curve) have at least two points, strictly increasing speeds >= 0,
// finite powers >= 0 and some power > 0.
struct PowerCurve {
  std::vector<double> wind_speed_m_s;
  std::vector<double> power_kw;
};

// Reads a power-curve CSV: the header `wind_speed_m_s,power_kw` (case-insensitive), then one
// `speed,power` row per point; blank lines only at the end. Throws InputError naming the file,
// line, column and column header of the first bad value, or the file alone for whole-curve
// faults.
PowerCurve read_power_curve_csv(const std::filesystem::path& path);

// Throws InputError at `where` (field `field`) unless the curve is valid (see PowerCurve); the
// message names the offending point, counted from 0.
void check_power_curve(const PowerCurve& curve, const InputLocation& where,
                       const std::string& field);

// Power of a valid curve at a hub-height wind speed, kW: linear between points, 0 below the first
// point, above the last and for NaN.
double power_curve_kw(const PowerCurve& curve, double wind_speed_m_s);

// The largest power of the curve, kW (0 for an empty curve).
double rated_power_kw(const PowerCurve& curve);

// How the wind is carried from the measurement height to the hub.
enum class WindProfile { kPowerLaw, kLogLaw };

// What a wind turbine is. Start from the defaults and set the curve and what differs.
struct WindTurbineParams {
  PowerCurve curve;                // at rho_0 = 1.225 kg/m3
  double hub_height_m = 80.0;
  double reference_height_m = 10.0;  // height of the measured wind (EPW: 10 m)
  WindProfile profile = WindProfile::kPowerLaw;
  // Power-law exponent; 1/7 is the classic neutral, open-terrain value (Manwell et al. 2009).
  double shear_exponent = 1.0 / 7.0;
  // Log-law surface roughness; 0.03 m is open farmland with few obstacles (roughness class 1 of
  // the European Wind Atlas, Troen & Petersen 1989). Used only with WindProfile::kLogLaw.
  double roughness_length_m = 0.03;
  bool density_correction = true;  // IEC 61400-12-1 normalisation to the site's air density
};

// Wind at hub height by the power law; wind speeds below 0 and NaN count as 0.
double hub_wind_speed_m_s(double wind_at_reference_m_s, double reference_height_m,
                          double hub_height_m, double shear_exponent);

// Wind at hub height by the logarithmic profile; wind speeds below 0 and NaN count as 0.
// Heights must exceed the roughness length.
double hub_wind_speed_log_law_m_s(double wind_at_reference_m_s, double reference_height_m,
                                  double hub_height_m, double roughness_length_m);

// Wind at hub height by the turbine's chosen profile.
double hub_wind_speed_m_s(const WindTurbineParams& params, double wind_at_reference_m_s);

// Density of dry air as an ideal gas at a pressure and a temperature, kg/m3.
double dry_air_density_kg_m3(double pressure_pa, double dry_bulb_c);

// IEC 61400-12-1 normalised wind speed: v (rho / 1.225)^(1/3). An air density that is not a
// positive finite number leaves the speed unchanged (the curve applies as published).
double density_normalised_wind_speed_m_s(double wind_speed_m_s, double air_density_kg_m3);

// AC power of the turbine, kW (>= 0), for the wind measured at the reference height and the
// station pressure and dry-bulb temperature.
double wind_turbine_power_kw(const WindTurbineParams& params, double wind_at_reference_m_s,
                             double pressure_pa, double dry_bulb_c);

}  // namespace zeropark
