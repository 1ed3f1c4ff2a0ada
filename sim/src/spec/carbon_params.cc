// Parameter tables of the carbon inputs: the grid's emission factor from a published table, and
// the carbon_ledger section (recyclables, offsets, floor area, accounts).
#include "spec/param_table.h"

namespace zeropark {

const ParamTable<EmissionFactorRefSpec>& emission_factor_params() {
  using S = EmissionFactorRefSpec;
  static const ParamTable<S> table = {
      choice<S>("table", &S::table, "mee", {"mee"},
                "The published table: `mee`, the grid emission factors of the Ministry of Ecology and Environment "
                "and the National Bureau of Statistics (assets/carbon/china_grid_co2_factors.csv)."),
      integer<S>("year", &S::year, "", 2022, 2000, 2100, "The year the factor describes (2021, 2022 or 2023)."),
      text<S>("area", &S::area, true, "",
              "`national` (all generation), `national_fossil`, `national_excl_market_nonfossil`, "
              "`national_compliance` (2022 only: MEE's factor for enterprises' reporting), a grid region "
              "(`North`, `Northeast`, `East`, `Central`, `Northwest`, `South`, `Southwest` or 华北, 东北, 华东, "
              "华中, 西北, 南方, 西南) or a province (`Shanghai` or 上海, …; a third-party table: warned)."),
  };
  return table;
}

const ParamTable<CarbonLedgerSpec>& carbon_ledger_params() {
  using S = CarbonLedgerSpec;
  static const ParamTable<S> table = {
      number<S>("floor_area_m2", &S::floor_area_m2, "m²", 0, 0, 1e9,
                "The park's floor area; when given, `co2_kg_per_m2_year` reports the grid electricity's CO2 per "
                "m² and year."),
  };
  return table;
}

const ParamTable<RecyclableSpec>& recyclable_params() {
  using S = RecyclableSpec;
  static const ParamTable<S> table = {
      text<S>("area", &S::area, false, "", "Where it was collected (a zone or tenant); empty: park-wide."),
      text<S>("category", &S::category, true, "", "What was recycled (e.g. refrigerators, paper)."),
      required_number<S>("mass_kg", &S::mass_kg, "kg", 0, 1e12, "Mass recycled over the run."),
      required_number<S>("factor_kg_co2_per_kg", &S::factor_kg_co2_per_kg, "kg/kg", 0, 1e3,
                         "CO2 avoided per kg recycled, from a published method (there is no default)."),
  };
  return table;
}

const ParamTable<CarbonOffsetSpec>& carbon_offset_params() {
  using S = CarbonOffsetSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the offset (e.g. the event it covers)."),
      required_number<S>("co2_kg", &S::co2_kg, "kg", 0, 1e12, "CO2 offset."),
      text<S>("source", &S::source, false, "", "Registry, project or certificate the offset comes from."),
  };
  return table;
}

const ParamTable<CarbonAccountSpec>& carbon_account_params() {
  using S = CarbonAccountSpec;
  static const ParamTable<S> table = {
      text<S>("name", &S::name, true, "", "Unique name of the account (a tenant or a zone)."),
  };
  return table;
}

const ParamTable<CarbonAccountSpec>& carbon_credit_params() {
  using S = CarbonAccountSpec;
  static const ParamTable<S> table = {
      required_number<S>("valley_charging_kg_co2_per_kwh", &S::valley_charging_kg_co2_per_kwh, "kg/kWh", 0, 10,
                         "Credit per kWh the account's EV chargers draw during `periods`."),
  };
  return table;
}

}  // namespace zeropark
