// The hydrogen chain of a park: an electrolyser makes hydrogen from electricity, a tank holds it, a
// fuel cell turns it back into electricity and heat, and vehicles take it away. Pure functions of
// (parameters, inputs); the only dynamic state is the tank's level (H2TankState).
//
// Electrolyser (PEM or alkaline), a stack plus its balance of plant (BoP: rectifier, pumps,
// cooling, drying):
//   Faraday:       m_dot = eta_F I M / (2 F)           kWh per kg at cell voltage U: U k / eta_F,
//                  k = 2 F / (M 3.6e6) = 26.59 kWh/(kg V)
//   polarisation:  U(x) = U_0 + (U_r - U_0) x, x = I / I_rated = m_dot / m_dot_rated (linear, ohmic
//                  region; U_0 is the line's intercept, not the open-circuit voltage)
//   stack:         P_st(x) = m_dot(x) U(x) k / eta_F
//   BoP:           P_bop(x) = f P_rated + beta P_st(x), beta set so that P(1) = P_rated
//   system:        P(x) = P_st(x) + P_bop(x);  m_dot_rated = P_rated / e_rated
//   heat:          P - m_dot LHV (all of it ends as heat); the stack's cooling loop carries
//                  P_st - m_dot HHV (the water is fed liquid, so the hydrogen leaves with its HHV)
// The specific energy falls at part load (lower cell voltage) until the fixed BoP share takes over;
// below the minimum load the plant cannot run (gas purity: alkaline ~15 %, PEM ~5 % of rated).
// Defaults: DOE's 2022 status of low-temperature electrolysis (1.9 V/cell, stack 51 kWh/kg, system
// 55 kWh/kg = 61 % LHV; DOE HFTO "Technical Targets for Liquid Alkaline Electrolysis") and the
// IRENA load range of alkaline plants (15-100 %; Chem. Soc. Rev. 51 (2022) 4583, Table 4). The
// intercept U_0 = 1.5 V and the fixed BoP share f = 2 % are assumptions of this model (no
// published part-load curve was available to us); set them from a manufacturer's curve.
//
// Fuel cell (PEM on hydrogen):
//   V(x) = V_0 - (V_0 - V_r) x, x = I / I_rated;  P_st(x) = x P_st,rated V(x) / V_r
//   P_net(x) = (1 - beta) P_st(x) - f P_st,rated   (BoP: compressor, pumps, fans, converter)
//   m_dot = I M / (2 F) / u_f = P_st / V / k / u_f  (u_f: fuel utilisation, purge losses)
//   heat = m_dot LHV - P_net;  recoverable heat = r heat   (energy balance on the LHV basis:
//   the product water leaves as vapour)
// Defaults are calibrated to DOE's figures for PEM fuel-cell systems on hydrogen: peak efficiency
// 60 % (LHV) below 25 % of rated power (2015 status, "DOE Technical Targets for Fuel Cell Systems
// for Transportation Applications") and 50 % at rated power (the backup-power status, "DOE
// Technical Targets for Fuel Cell Backup Power Systems"). r = 0.9 sits within the 0.86-0.92 that
// NREL SAM's default fuel-cell table implies (heat recovered 45-50 % of the fuel against 49-58 %
// losses at 50-100 % load; NREL/ssc test/shared_test/lib_fuel_cell_test.h).
//
// Tank: kg between a minimum (the heel a compressed tank cannot deliver) and the capacity;
// pressure, temperature, compression energy and boil-off are ignored. Its operation is integrated
// exactly: the level is linear in time at a constant net flow, and the edge of the window becomes
// an exact event (as for the battery, see battery.h).
//
// Demand of a vehicle refuelling station: kg per day spread over the hours of the day by a shape.
// The default shape is the hourly dispensing profile of a US gasoline station that the H2A
// Delivery models use for hydrogen stations (Nexant et al., "H2A Hydrogen Delivery Infrastructure
// Analysis Models and Conventional Pathway Options Analysis Results", DOE 2008, Figs. 2-3..2-5),
// averaged over the week.
//
// Ignored throughout: start-up and shut-down times and energy, ramp limits, standby heat-up of a
// cold stack, temperature and pressure dependence of the cell voltage, degradation, compression to
// storage or dispensing pressure (compressor power is the caller's load). Heating values: H2 LHV
// 120.0 MJ/kg = 33.33 kWh/kg, HHV 141.88 MJ/kg = 39.41 kWh/kg (DOE Hydrogen Program, HyARC "Lower
// and Higher Heating Values of Fuels"; the values NREL's electrolyzer package asserts).
// Sign convention: the functions return magnitudes (>= 0); on the bus an electrolyser draws
// -electric_kw and a fuel cell injects +electric_kw (zeropark/units.h).
#pragma once

#include <array>
#include <optional>
#include <string>

#include "zeropark/error.h"
#include "zeropark/units.h"

namespace zeropark {

inline constexpr double kH2LowerHeatingValueKwhPerKg = 33.33;   // 120.0 MJ/kg
inline constexpr double kH2HigherHeatingValueKwhPerKg = 39.41;  // 141.88 MJ/kg
inline constexpr double kFaradayConstantCPerMol = 96485.33212;  // CODATA 2018 (exact)
inline constexpr double kH2MolarMassKgPerMol = 2.01588e-3;      // IUPAC standard atomic weights
// Electrical energy per kg of hydrogen per volt of cell voltage at 100 % Faraday efficiency:
// 2 F / M, in kWh/(kg V) (26.59).
inline constexpr double kH2KwhPerKgPerVolt =
    2.0 * kFaradayConstantCPerMol / kH2MolarMassKgPerMol / 3.6e6;

// Electrical energy per kg of hydrogen made at a cell voltage and Faraday efficiency, kWh/kg.
double electrolysis_kwh_per_kg(double cell_voltage_v, double faraday_efficiency);

// Cell voltage whose charge carries a heating value: LHV -> 1.253 V, HHV -> 1.482 V
// (thermoneutral).
double h2_equivalent_cell_voltage_v(double heating_value_kwh_per_kg);

// ---------------------------------------------------------------------------------------------
// Electrolyser

// What an electrolyser plant is. Start from default_electrolyser_params() and set what differs.
struct ElectrolyserParams {
  double rated_power_kw = 1000.0;                // AC input at rated load, stack + BoP
  double system_energy_rated_kwh_per_kg = 55.0;  // at rated load (DOE 2022 status: 55)
  double cell_voltage_rated_v = 1.9;             // at rated current (DOE 2022 status: 1.9)
  double cell_voltage_intercept_v = 1.5;         // U_0 of the linear polarisation (assumption)
  double faraday_efficiency = 1.0;               // DOE's kWh/kg figures assume 1
  double bop_fixed_fraction = 0.02;              // f: BoP drawn whenever running, of rated power
  double min_load_fraction = 0.15;               // of rated hydrogen output (alkaline; PEM 0.05)
};

// The defaults above: a 1 MW low-temperature electrolyser at DOE's 2022 status.
ElectrolyserParams default_electrolyser_params();

// Throws InputError at `where` (field `field` + ".<parameter>") unless the parameters are finite
// and consistent: rated power, voltages and specific energy > 0, U_0 <= U_r, 0 < eta_F <= 1,
// 0 <= f < 1, 0 <= min load < 1, and the stack fits in the rated power with f (beta >= 0).
void check_electrolyser_params(const ElectrolyserParams& params, const InputLocation& where,
                               const std::string& field);

struct ElectrolyserOperation {
  double electric_kw = 0.0;    // drawn from the bus, >= 0
  double h2_kg_per_h = 0.0;
  double load_fraction = 0.0;  // x: hydrogen output over rated output
  double stack_kw = 0.0;
  double heat_kw = 0.0;        // electric_kw - h2 LHV: every kW not stored in the hydrogen
  double stack_heat_kw = 0.0;  // of which the stack's cooling loop carries (P_st - m_dot HHV, >= 0)
};

// Hydrogen output at rated load, kg/h.
double electrolyser_rated_kg_per_h(const ElectrolyserParams& params);

// Electric power at the minimum load, kW: the least the plant can draw while running.
double electrolyser_min_power_kw(const ElectrolyserParams& params);

// The plant's operation at a load fraction x in [min load, 1] (clamped there; x <= 0 is off).
ElectrolyserOperation electrolyser_at_load(const ElectrolyserParams& params, double load_fraction);

// The plant's operation when offered `electric_kw`: all of it up to the rated power; off (all
// zeros) when the offer is below the minimum-load power, since the plant cannot run there.
ElectrolyserOperation electrolyser_at_power(const ElectrolyserParams& params, double electric_kw);

// Hydrogen made from `electric_kw`, kg/h (electrolyser_at_power(...).h2_kg_per_h).
double electrolyser_h2_kg_per_h(const ElectrolyserParams& params, double electric_kw);

// Electric power that makes `kg_per_h`, kW; the output is clamped to [minimum, rated] (0 -> 0).
double electrolyser_power_for_kg_per_h(const ElectrolyserParams& params, double kg_per_h);

// ---------------------------------------------------------------------------------------------
// Fuel cell

// What a hydrogen fuel-cell system is. Start from default_fuel_cell_params() and set what differs.
struct FuelCellParams {
  double rated_electric_kw = 100.0;       // net DC output at rated load
  double cell_voltage_rated_v = 0.70;     // V_r at rated current
  double cell_voltage_intercept_v = 0.91; // V_0 of the linear polarisation
  double fuel_utilisation = 0.99;         // u_f: hydrogen reacted over hydrogen drawn
  double bop_fixed_fraction = 0.01;       // f, of rated stack power, whenever running
  double bop_proportional_fraction = 0.08;  // beta, of stack power
  double min_load_fraction = 0.05;        // of rated net output; below it the system is off
  double recoverable_heat_fraction = 0.9; // r: share of the heat recovered in the cooling water
};

// The defaults above: a 100 kW PEM fuel-cell system calibrated to DOE's figures.
FuelCellParams default_fuel_cell_params();

// Throws InputError at `where` (field `field` + ".<parameter>") unless the parameters are finite
// and consistent: rated power > 0, 0 < V_r <= V_0 < 2 V_r (output rises up to rated current),
// 0 < u_f <= 1, f, beta >= 0 with f + beta < 1, min load and r in [0, 1].
void check_fuel_cell_params(const FuelCellParams& params, const InputLocation& where,
                            const std::string& field);

struct FuelCellOperation {
  double electric_kw = 0.0;          // net output to the bus, >= 0
  double h2_kg_per_h = 0.0;          // hydrogen drawn
  double heat_kw = 0.0;              // h2 LHV - electric_kw
  double recoverable_heat_kw = 0.0;  // r heat_kw
};

// The system's operation when asked for `electric_kw` net: clamped to the rated output; off (all
// zeros) below the minimum load.
FuelCellOperation fuel_cell_at(const FuelCellParams& params, double electric_kw);

// Net electrical efficiency on the hydrogen's LHV at a net output, in [0, 1) (0 when off).
double fuel_cell_efficiency_lhv(const FuelCellParams& params, double electric_kw);

// ---------------------------------------------------------------------------------------------
// Tank

struct H2TankParams {
  double capacity_kg = 200.0;  // the most it holds
  double min_kg = 10.0;        // the heel it cannot deliver (5 % here; pressure is not modelled)
};

// The tank's dynamic state.
struct H2TankState {
  double level_kg = 0.0;
};

// Throws InputError at `where` unless 0 <= min_kg < capacity_kg, both finite.
void check_h2_tank_params(const H2TankParams& params, const InputLocation& where,
                          const std::string& field);

// How the tank will behave over the coming segment.
struct H2TankOperation {
  double net_kg_per_h = 0.0;        // + filling, - emptying
  std::optional<Tick> bound_in_s;   // seconds until the window's edge is reached exactly
};

// The feasible net flow closest to `request_net_kg_per_h` at `level_kg`: none into a full tank or
// out of one at its heel; where the edge is less than one second away, the flow is reduced so the
// edge is reached exactly at the next whole second.
H2TankOperation operate_h2_tank(const H2TankParams& params, double level_kg,
                                double request_net_kg_per_h);

// Level after `duration_s` at a constant net flow (not clamped: the caller checks the window).
double h2_tank_level_after(double level_kg, double net_kg_per_h, Tick duration_s);

// ---------------------------------------------------------------------------------------------
// Vehicle demand

// Share of a refuelling station's daily dispensing in each hour of the day (local time, hour 0 =
// 00:00-01:00), summing to 1: the H2A gasoline-station profile averaged over the week (peak
// 7.3 % at 15:00-16:00, trough 0.5 % at 01:00-02:00).
inline constexpr std::array<double, 24> kRefuellingStationHourlyShape = {
    0.0060, 0.0049, 0.0056, 0.0106, 0.0197, 0.0293, 0.0392, 0.0477, 0.0547, 0.0588, 0.0619, 0.0648,
    0.0674, 0.0695, 0.0718, 0.0732, 0.0712, 0.0650, 0.0549, 0.0426, 0.0320, 0.0232, 0.0159, 0.0101};

struct H2DemandParams {
  // 200 kg/day: e.g. ten fuel-cell buses at 220 km/day and 9 kg/100 km (European bus operators
  // report 8-12 kg/100 km; fuelcellbuses.eu, JIVE).
  double daily_kg = 200.0;
  std::array<double, 24> hourly_shape = kRefuellingStationHourlyShape;  // relative weights
};

// Throws InputError at `where` unless daily_kg >= 0 and the shape's weights are finite, >= 0 and
// not all 0.
void check_h2_demand_params(const H2DemandParams& params, const InputLocation& where,
                            const std::string& field);

// Hydrogen taken in hour `hour_of_day` (0-23; others wrap), kg/h: daily_kg times the hour's weight
// over the sum of the weights, so any 24 consecutive hours sum to daily_kg.
double h2_demand_kg_per_h(const H2DemandParams& params, int hour_of_day);

}  // namespace zeropark
