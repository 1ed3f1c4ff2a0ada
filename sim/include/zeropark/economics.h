// What a park's design costs to build and keep, so that a design search weighs running cost
// against investment: without it, more PV and more storage always look better.
//
// Each asset class has a capital cost per unit of installed size, a lifetime and a fixed yearly
// operation-and-maintenance share of that capital. Capital is annualised with the capital
// recovery factor CRF = r (1+r)^n / ((1+r)^n − 1) (r = 0: 1/n), the equal yearly payment that
// repays it with interest over its lifetime; a run is charged its share of a 365-day year.
#pragma once

#include <string>
#include <vector>

namespace zeropark {

struct ParkModel;

struct AssetCost {
  double capex_cny_per_unit = 0;  // unit: see EconomicsModel's members
  double lifetime_years = 20;
  double fixed_om_fraction_per_year = 0;  // of the capital, each year
};

struct EconomicsModel {
  bool given = false;          // the scenario has an economics section
  double discount_rate = 0.0;  // real, per year
  AssetCost pv_per_kw_dc;
  AssetCost wind_per_kw;      // rated power: the power curve's maximum × count
  AssetCost battery_per_kwh;  // nameplate energy
  AssetCost battery_per_kw;   // the larger of charge and discharge power (converter)
  AssetCost ev_charger_per_point;
  AssetCost heat_pump_per_kw;  // rated thermal power (heat pumps and chillers)
  AssetCost thermal_storage_per_kwh;
};

// r (1+r)^n / ((1+r)^n − 1); 1/n when r = 0.
double capital_recovery_factor(double discount_rate, double lifetime_years);

struct InvestmentLine {
  std::string asset;  // component name
  std::string kind;   // "pv", "battery energy", ...
  double size = 0;    // in the cost's unit
  std::string unit;   // "kW", "kWh", "point"
  double capex_cny = 0;
  double annualised_capex_cny_per_year = 0;
  double fixed_om_cny_per_year = 0;
};

// One line per priced asset of the park (assets whose class costs nothing are left out).
std::vector<InvestmentLine> investment_lines(const ParkModel& model);

}  // namespace zeropark
