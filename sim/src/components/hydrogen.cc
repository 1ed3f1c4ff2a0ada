// Hydrogen chain: electrolyser, fuel cell, tank and vehicle demand. Equations, defaults and
// references in hydrogen.h.
#include "components/hydrogen.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace zeropark {
namespace {

// A level within this fraction of the capacity of an edge counts as at the edge, so that an edge
// reached by integration (with rounding) is not approached again by a sub-second segment.
constexpr double kTankEdgeRelativeTolerance = 1e-12;

bool finite_positive(double v) { return std::isfinite(v) && v > 0.0; }
bool finite_non_negative(double v) { return std::isfinite(v) && v >= 0.0; }

void require(bool ok, const InputLocation& where, const std::string& field, const char* name,
             double value, const std::string& rule) {
  if (ok) return;
  throw InputError(where, field + "." + name,
                   "must be " + rule + " (got " + std::to_string(value) + ")");
}

// Smallest non-negative root of d x^2 + b x - c = 0 for b > 0, c >= 0, d >= -b^2 / (4 c), written
// 2 c / (b + sqrt(b^2 + 4 d c)) so it stays exact as d -> 0 (no cancellation).
double rising_root(double d, double b, double c) {
  const double discriminant = std::max(0.0, b * b + 4.0 * d * c);
  return 2.0 * c / (b + std::sqrt(discriminant));
}

// --- electrolyser -------------------------------------------------------------------------------

double electrolyser_rated_stack_kw(const ElectrolyserParams& p) {
  return electrolyser_rated_kg_per_h(p) *
         electrolysis_kwh_per_kg(p.cell_voltage_rated_v, p.faraday_efficiency);
}

// beta: the BoP's share proportional to stack power, set so the plant draws its rating at x = 1.
double electrolyser_bop_proportional(const ElectrolyserParams& p) {
  const double stack_kw = electrolyser_rated_stack_kw(p);
  return (p.rated_power_kw * (1.0 - p.bop_fixed_fraction) - stack_kw) / stack_kw;
}

double electrolyser_stack_kw(const ElectrolyserParams& p, double x) {
  const double voltage_v =
      p.cell_voltage_intercept_v + (p.cell_voltage_rated_v - p.cell_voltage_intercept_v) * x;
  return electrolyser_rated_kg_per_h(p) * x *
         electrolysis_kwh_per_kg(voltage_v, p.faraday_efficiency);
}

// --- fuel cell ----------------------------------------------------------------------------------

double fuel_cell_rated_stack_kw(const FuelCellParams& p) {
  return p.rated_electric_kw / (1.0 - p.bop_proportional_fraction - p.bop_fixed_fraction);
}

double fuel_cell_voltage_v(const FuelCellParams& p, double x) {
  return p.cell_voltage_intercept_v - (p.cell_voltage_intercept_v - p.cell_voltage_rated_v) * x;
}

}  // namespace

double electrolysis_kwh_per_kg(double cell_voltage_v, double faraday_efficiency) {
  return cell_voltage_v * kH2KwhPerKgPerVolt / faraday_efficiency;
}

double h2_equivalent_cell_voltage_v(double heating_value_kwh_per_kg) {
  return heating_value_kwh_per_kg / kH2KwhPerKgPerVolt;
}

// --- electrolyser -------------------------------------------------------------------------------

ElectrolyserParams default_electrolyser_params() { return ElectrolyserParams{}; }

void check_electrolyser_params(const ElectrolyserParams& p, const InputLocation& where,
                               const std::string& field) {
  require(finite_positive(p.rated_power_kw), where, field, "rated_power_kw", p.rated_power_kw,
          "> 0");
  require(finite_positive(p.system_energy_rated_kwh_per_kg), where, field,
          "system_energy_rated_kwh_per_kg", p.system_energy_rated_kwh_per_kg, "> 0");
  require(finite_positive(p.cell_voltage_rated_v), where, field, "cell_voltage_rated_v",
          p.cell_voltage_rated_v, "> 0");
  require(finite_positive(p.cell_voltage_intercept_v) &&
              p.cell_voltage_intercept_v <= p.cell_voltage_rated_v,
          where, field, "cell_voltage_intercept_v", p.cell_voltage_intercept_v,
          "> 0 and <= cell_voltage_rated_v");
  require(finite_positive(p.faraday_efficiency) && p.faraday_efficiency <= 1.0, where, field,
          "faraday_efficiency", p.faraday_efficiency, "in (0, 1]");
  require(finite_non_negative(p.bop_fixed_fraction) && p.bop_fixed_fraction < 1.0, where, field,
          "bop_fixed_fraction", p.bop_fixed_fraction, "in [0, 1)");
  require(finite_non_negative(p.min_load_fraction) && p.min_load_fraction < 1.0, where, field,
          "min_load_fraction", p.min_load_fraction, "in [0, 1)");
  const double stack_kwh_per_kg =
      electrolysis_kwh_per_kg(p.cell_voltage_rated_v, p.faraday_efficiency);
  require(electrolyser_bop_proportional(p) >= 0.0, where, field, "system_energy_rated_kwh_per_kg",
          p.system_energy_rated_kwh_per_kg,
          ">= the stack's " + std::to_string(stack_kwh_per_kg) +
              " kWh/kg over (1 - bop_fixed_fraction)");
}

double electrolyser_rated_kg_per_h(const ElectrolyserParams& params) {
  return params.rated_power_kw / params.system_energy_rated_kwh_per_kg;
}

ElectrolyserOperation electrolyser_at_load(const ElectrolyserParams& params,
                                           double load_fraction) {
  ElectrolyserOperation op;
  if (!(load_fraction > 0.0)) return op;  // off (and NaN)
  const double x = std::clamp(load_fraction, params.min_load_fraction, 1.0);
  op.load_fraction = x;
  op.h2_kg_per_h = electrolyser_rated_kg_per_h(params) * x;
  op.stack_kw = electrolyser_stack_kw(params, x);
  op.electric_kw = params.bop_fixed_fraction * params.rated_power_kw +
                   (1.0 + electrolyser_bop_proportional(params)) * op.stack_kw;
  op.heat_kw = op.electric_kw - op.h2_kg_per_h * kH2LowerHeatingValueKwhPerKg;
  // Below the thermoneutral voltage the stack would absorb heat; the cooling loop then carries
  // none (the deficit is made up by the BoP's heat, which this model does not trace).
  op.stack_heat_kw = std::max(0.0, op.stack_kw - op.h2_kg_per_h * kH2HigherHeatingValueKwhPerKg);
  return op;
}

double electrolyser_min_power_kw(const ElectrolyserParams& params) {
  if (params.min_load_fraction <= 0.0) return 0.0;
  return electrolyser_at_load(params, params.min_load_fraction).electric_kw;
}

ElectrolyserOperation electrolyser_at_power(const ElectrolyserParams& params,
                                            double electric_kw) {
  if (!(electric_kw > 0.0)) return {};
  if (electric_kw >= params.rated_power_kw) return electrolyser_at_load(params, 1.0);
  if (electric_kw < electrolyser_min_power_kw(params)) return {};
  // P(x) = f P_r + A (U_0 x + (U_r - U_0) x^2), A = (1 + beta) m_rated k / eta_F: solve for x.
  const double fixed_kw = params.bop_fixed_fraction * params.rated_power_kw;
  if (electric_kw <= fixed_kw) return {};  // only reachable with min load 0: nothing left to split
  const double a_kw_per_v = (1.0 + electrolyser_bop_proportional(params)) *
                            electrolyser_rated_kg_per_h(params) *
                            electrolysis_kwh_per_kg(1.0, params.faraday_efficiency);
  const double x = rising_root(params.cell_voltage_rated_v - params.cell_voltage_intercept_v,
                               params.cell_voltage_intercept_v,
                               (electric_kw - fixed_kw) / a_kw_per_v);
  ElectrolyserOperation op = electrolyser_at_load(params, x);
  // The quadratic's root reproduces electric_kw to rounding; report the offer itself so the
  // caller's power balance closes exactly, and keep the energy identity exact with it.
  op.electric_kw = electric_kw;
  op.heat_kw = op.electric_kw - op.h2_kg_per_h * kH2LowerHeatingValueKwhPerKg;
  return op;
}

double electrolyser_h2_kg_per_h(const ElectrolyserParams& params, double electric_kw) {
  return electrolyser_at_power(params, electric_kw).h2_kg_per_h;
}

double electrolyser_power_for_kg_per_h(const ElectrolyserParams& params, double kg_per_h) {
  if (!(kg_per_h > 0.0)) return 0.0;
  return electrolyser_at_load(params, kg_per_h / electrolyser_rated_kg_per_h(params)).electric_kw;
}

// --- fuel cell ----------------------------------------------------------------------------------

FuelCellParams default_fuel_cell_params() { return FuelCellParams{}; }

void check_fuel_cell_params(const FuelCellParams& p, const InputLocation& where,
                            const std::string& field) {
  require(finite_positive(p.rated_electric_kw), where, field, "rated_electric_kw",
          p.rated_electric_kw, "> 0");
  require(finite_positive(p.cell_voltage_rated_v), where, field, "cell_voltage_rated_v",
          p.cell_voltage_rated_v, "> 0");
  // V_0 < 2 V_r keeps the stack's power rising all the way to rated current (its maximum is at
  // x = V_0 / (2 (V_0 - V_r)) > 1), so each output has one operating point below rated.
  require(std::isfinite(p.cell_voltage_intercept_v) &&
              p.cell_voltage_intercept_v >= p.cell_voltage_rated_v &&
              p.cell_voltage_intercept_v < 2.0 * p.cell_voltage_rated_v,
          where, field, "cell_voltage_intercept_v", p.cell_voltage_intercept_v,
          "in [cell_voltage_rated_v, 2 cell_voltage_rated_v)");
  require(finite_positive(p.fuel_utilisation) && p.fuel_utilisation <= 1.0, where, field,
          "fuel_utilisation", p.fuel_utilisation, "in (0, 1]");
  require(finite_non_negative(p.bop_fixed_fraction), where, field, "bop_fixed_fraction",
          p.bop_fixed_fraction, ">= 0");
  require(finite_non_negative(p.bop_proportional_fraction) &&
              p.bop_fixed_fraction + p.bop_proportional_fraction < 1.0,
          where, field, "bop_proportional_fraction", p.bop_proportional_fraction,
          ">= 0 with bop_fixed_fraction + bop_proportional_fraction < 1");
  require(finite_non_negative(p.min_load_fraction) && p.min_load_fraction <= 1.0, where, field,
          "min_load_fraction", p.min_load_fraction, "in [0, 1]");
  require(finite_non_negative(p.recoverable_heat_fraction) && p.recoverable_heat_fraction <= 1.0,
          where, field, "recoverable_heat_fraction", p.recoverable_heat_fraction, "in [0, 1]");
}

FuelCellOperation fuel_cell_at(const FuelCellParams& params, double electric_kw) {
  FuelCellOperation op;
  if (!(electric_kw > 0.0)) return op;
  const double net_kw = std::min(electric_kw, params.rated_electric_kw);
  if (net_kw < params.min_load_fraction * params.rated_electric_kw) return op;
  // P_net(x) / P_st,r = (1 - beta) (V_0 x - (V_0 - V_r) x^2) / V_r - f: the smaller root of
  // (V_0 - V_r) x^2 - V_0 x + c V_r / (1 - beta) = 0, c = P_net / P_st,r + f.
  const double rated_stack_kw = fuel_cell_rated_stack_kw(params);
  const double c = net_kw / rated_stack_kw + params.bop_fixed_fraction;
  const double x = std::min(
      1.0, rising_root(-(params.cell_voltage_intercept_v - params.cell_voltage_rated_v),
                       params.cell_voltage_intercept_v,
                       c * params.cell_voltage_rated_v / (1.0 - params.bop_proportional_fraction)));
  const double stack_kw = rated_stack_kw * x * fuel_cell_voltage_v(params, x) /
                          params.cell_voltage_rated_v;
  // Hydrogen follows the current: I = P_st / V, m_dot = I M / (2 F) / u_f.
  const double reacted_kg_per_h = stack_kw / fuel_cell_voltage_v(params, x) / kH2KwhPerKgPerVolt;
  op.electric_kw = net_kw;
  op.h2_kg_per_h = reacted_kg_per_h / params.fuel_utilisation;
  op.heat_kw = op.h2_kg_per_h * kH2LowerHeatingValueKwhPerKg - op.electric_kw;
  op.recoverable_heat_kw = params.recoverable_heat_fraction * op.heat_kw;
  return op;
}

double fuel_cell_efficiency_lhv(const FuelCellParams& params, double electric_kw) {
  const FuelCellOperation op = fuel_cell_at(params, electric_kw);
  if (!(op.h2_kg_per_h > 0.0)) return 0.0;
  return op.electric_kw / (op.h2_kg_per_h * kH2LowerHeatingValueKwhPerKg);
}

// --- tank ---------------------------------------------------------------------------------------

void check_h2_tank_params(const H2TankParams& p, const InputLocation& where,
                          const std::string& field) {
  require(finite_positive(p.capacity_kg), where, field, "capacity_kg", p.capacity_kg, "> 0");
  require(finite_non_negative(p.min_kg) && p.min_kg < p.capacity_kg, where, field, "min_kg",
          p.min_kg, "in [0, capacity_kg)");
}

H2TankOperation operate_h2_tank(const H2TankParams& params, double level_kg,
                                double request_net_kg_per_h) {
  H2TankOperation op;
  if (!(request_net_kg_per_h != 0.0) || !std::isfinite(request_net_kg_per_h)) return op;
  const double tolerance_kg = kTankEdgeRelativeTolerance * params.capacity_kg;
  const bool filling = request_net_kg_per_h > 0.0;
  const double edge_kg = filling ? params.capacity_kg : params.min_kg;
  const double room_kg = filling ? edge_kg - level_kg : level_kg - edge_kg;  // >= 0 inside
  if (room_kg <= tolerance_kg) return op;  // full and filling, or at the heel and emptying
  const double seconds_to_edge = room_kg / std::fabs(request_net_kg_per_h) * kSecondsPerHourD;
  if (seconds_to_edge < 1.0) {
    // Tick is the time unit: reach the edge exactly at the next whole second.
    op.net_kg_per_h = (filling ? room_kg : -room_kg) * kSecondsPerHourD;
    op.bound_in_s = 1;
    return op;
  }
  op.net_kg_per_h = request_net_kg_per_h;
  // A whole number of seconds computed as 9899.999... is 9900: snap within the edge tolerance, so
  // the level then lands on the edge to rounding instead of leaving a sub-second remainder.
  const double nearest_s = std::round(seconds_to_edge);
  const bool whole =
      std::fabs(seconds_to_edge - nearest_s) <= kTankEdgeRelativeTolerance * nearest_s;
  op.bound_in_s = static_cast<Tick>(whole ? nearest_s : std::floor(seconds_to_edge));
  return op;
}

double h2_tank_level_after(double level_kg, double net_kg_per_h, Tick duration_s) {
  return level_kg + net_kg_per_h * static_cast<double>(duration_s) / kSecondsPerHourD;
}

// --- demand -------------------------------------------------------------------------------------

void check_h2_demand_params(const H2DemandParams& p, const InputLocation& where,
                            const std::string& field) {
  require(finite_non_negative(p.daily_kg), where, field, "daily_kg", p.daily_kg, ">= 0");
  double total = 0.0;
  for (std::size_t h = 0; h < p.hourly_shape.size(); ++h) {
    const std::string name = "hourly_shape[" + std::to_string(h) + "]";
    require(finite_non_negative(p.hourly_shape[h]), where, field, name.c_str(), p.hourly_shape[h],
            ">= 0");
    total += p.hourly_shape[h];
  }
  require(total > 0.0, where, field, "hourly_shape", total, "not all 0 (sum > 0)");
}

double h2_demand_kg_per_h(const H2DemandParams& params, int hour_of_day) {
  const int hour = ((hour_of_day % 24) + 24) % 24;
  // Summed in index order every call, so the result does not depend on any cached state.
  const double total =
      std::accumulate(params.hourly_shape.begin(), params.hourly_shape.end(), 0.0);
  if (!(total > 0.0)) return 0.0;
  return params.daily_kg * params.hourly_shape[static_cast<std::size_t>(hour)] / total;
}

}  // namespace zeropark
