#include "spec/compile_economics.h"

namespace zeropark {
namespace {

// An absent class costs nothing: its capital cost stays 0 and investment_lines() skips it.
AssetCost compile_cost(const AssetCostSpec& spec) {
  if (!spec.present) return {};
  return {spec.capex_cny_per_unit, spec.lifetime_years, spec.fixed_om_fraction_per_year};
}

}  // namespace

EconomicsModel compile_economics(const EconomicsSpec& spec) {
  EconomicsModel model;
  if (!spec.present) return model;
  model.given = true;
  model.discount_rate = spec.discount_rate;
  model.pv_per_kw_dc = compile_cost(spec.pv);
  model.wind_per_kw = compile_cost(spec.wind);
  model.battery_per_kwh = compile_cost(spec.battery_energy);
  model.battery_per_kw = compile_cost(spec.battery_power);
  model.ev_charger_per_point = compile_cost(spec.ev_chargers);
  model.heat_pump_per_kw = compile_cost(spec.heat_pumps);
  model.thermal_storage_per_kwh = compile_cost(spec.thermal_storage);
  return model;
}

}  // namespace zeropark
