// Parameter tables of the economics section: the discount rate and, per asset class, a capital
// cost per unit of size (the key names the unit), a lifetime and a yearly fixed O&M share.
#include "spec/param_table.h"

namespace zeropark {
namespace {

ParamTable<AssetCostSpec> asset_cost_table(std::string_view capex_key, std::string_view unit) {
  using S = AssetCostSpec;
  return {
      required_number<S>(capex_key, &S::capex_cny_per_unit, unit, 0, 1e9, "Capital cost per unit of size, built."),
      number<S>("lifetime_years", &S::lifetime_years, "a", 20, 1, 100, "Years over which the capital is recovered."),
      number<S>("fixed_om_fraction_per_year", &S::fixed_om_fraction_per_year, "1/a", 0, 0, 1,
                "Fixed operation and maintenance each year, as a share of the capital cost."),
  };
}

}  // namespace

const ParamTable<EconomicsSpec>& economics_params() {
  using S = EconomicsSpec;
  static const ParamTable<S> table = {
      number<S>("discount_rate", &S::discount_rate, "1/a", 0.06, 0, 1,
                "Real discount rate that annualises capital with the capital recovery factor."),
  };
  return table;
}

const ParamTable<AssetCostSpec>& asset_cost_per_kw_params() {
  static const ParamTable<AssetCostSpec> table = asset_cost_table("capex_cny_per_kw", "CNY/kW");
  return table;
}

const ParamTable<AssetCostSpec>& asset_cost_per_kwh_params() {
  static const ParamTable<AssetCostSpec> table = asset_cost_table("capex_cny_per_kwh", "CNY/kWh");
  return table;
}

const ParamTable<AssetCostSpec>& asset_cost_per_point_params() {
  static const ParamTable<AssetCostSpec> table = asset_cost_table("capex_cny_per_point", "CNY/point");
  return table;
}

}  // namespace zeropark
