// Declarative parameter tables: one row per scenario key, with its unit, default, allowed range
// and description. The same rows fill definition structs with defaults, read and range-check YAML,
// and generate the scenario reference in docs/, so those three can never disagree.
#pragma once

#include <yaml-cpp/yaml.h>

#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "zeropark/error.h"
#include "zeropark/spec.h"

namespace zeropark {

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

enum class ParamKind {
  kNumber,   // any real within [min, max]
  kInteger,  // a whole number within [min, max]
  kText,     // free text (names, references to other definitions)
  kPath,     // a file path, relative to the scenario file
  kChoice,   // one of `choices`
};

template <class Spec>
struct Param {
  std::string_view key;
  ParamKind kind;
  std::string_view unit;  // "" for dimensionless or text
  bool required;
  double default_number;
  std::string_view default_text;
  double min;
  double max;
  bool min_exclusive;
  std::string_view description;
  double Spec::*number = nullptr;
  std::string Spec::*text = nullptr;
  std::vector<std::string_view> choices = {};
};

// Row builders, so that tables read like the reference they generate.
template <class Spec>
Param<Spec> number(std::string_view key, double Spec::*field, std::string_view unit, double fallback,
                   double min, double max, std::string_view description, bool min_exclusive = false) {
  return {key, ParamKind::kNumber, unit, false, fallback, "", min, max, min_exclusive, description, field};
}
template <class Spec>
Param<Spec> required_number(std::string_view key, double Spec::*field, std::string_view unit,
                            double min, double max, std::string_view description,
                            bool min_exclusive = false) {
  return {key, ParamKind::kNumber, unit, true, 0, "", min, max, min_exclusive, description, field};
}
template <class Spec>
Param<Spec> integer(std::string_view key, double Spec::*field, std::string_view unit, double fallback,
                    double min, double max, std::string_view description) {
  return {key, ParamKind::kInteger, unit, false, fallback, "", min, max, false, description, field};
}
template <class Spec>
Param<Spec> text(std::string_view key, std::string Spec::*field, bool required,
                 std::string_view fallback, std::string_view description,
                 ParamKind kind = ParamKind::kText) {
  return {key, kind, "", required, 0, fallback, 0, 0, false, description, nullptr, field};
}
template <class Spec>
Param<Spec> choice(std::string_view key, std::string Spec::*field, std::string_view fallback,
                   std::vector<std::string_view> choices, std::string_view description) {
  return {key, ParamKind::kChoice, "", false, 0, fallback, 0, 0, false, description, nullptr, field,
          std::move(choices)};
}

template <class Spec>
using ParamTable = std::vector<Param<Spec>>;

// The tables, one per definition struct (param_tables.cc).
const ParamTable<SimulationSpec>& simulation_params();
const ParamTable<BusSpec>& bus_params();
const ParamTable<LineSpec>& line_params();
const ParamTable<PvSpec>& pv_params();
const ParamTable<BatterySpec>& battery_params();
const ParamTable<LoadSpec>& load_params();
const ParamTable<WindTurbineSpec>& wind_turbine_params();
const ParamTable<HeatBusSpec>& heat_bus_params();
const ParamTable<HeatPumpSpec>& heat_pump_params();
const ParamTable<HeatPumpSpec>& chiller_params();
const ParamTable<ThermalStorageSpec>& thermal_storage_params();
const ParamTable<LoadSpec>& heat_load_params();
const ParamTable<GreenSpaceSpec>& green_space_params();
const ParamTable<BuildingSpec>& building_params();
const ParamTable<DataCentreSpec>& data_centre_params();
const ParamTable<EvChargerSpec>& ev_charger_params();
const ParamTable<PvtSpec>& pvt_params();
const ParamTable<H2TankSpec>& h2_tank_params();
const ParamTable<ElectrolyserSpec>& electrolyser_params();
const ParamTable<FuelCellSpec>& fuel_cell_params();
const ParamTable<H2DemandSpec>& h2_demand_params();
const ParamTable<GridSpec>& grid_params();
const ParamTable<OutageSpec>& outage_params();
const ParamTable<LocalControllerSpec>& local_controller_params();
const ParamTable<NetworkSpec>& network_params();
const ParamTable<NetworkGatewaySpec>& network_gateway_params();
const ParamTable<NetworkLinkSpec>& network_link_params();
const ParamTable<TariffSpec>& tariff_params();
const ParamTable<TariffSeasonSpec>& season_params();
const ParamTable<TariffPeriodSpec>& period_params();
// The carbon inputs (carbon_params.cc).
const ParamTable<EmissionFactorRefSpec>& emission_factor_params();
const ParamTable<CarbonLedgerSpec>& carbon_ledger_params();
const ParamTable<RecyclableSpec>& recyclable_params();
const ParamTable<CarbonOffsetSpec>& carbon_offset_params();
const ParamTable<CarbonAccountSpec>& carbon_account_params();
const ParamTable<CarbonAccountSpec>& carbon_credit_params();
// The economics section (economics_params.cc).
const ParamTable<EconomicsSpec>& economics_params();
const ParamTable<AssetCostSpec>& asset_cost_per_kw_params();
const ParamTable<AssetCostSpec>& asset_cost_per_kwh_params();
const ParamTable<AssetCostSpec>& asset_cost_per_point_params();

// The parts of the scenario's shape that the reader writes by hand (scenario_reader.cc), exposed so
// that the JSON Schema (json_schema.cc) follows the reader rather than a copy of it.
const std::vector<std::string_view>& scenario_top_level_keys();
struct AssetCostTable {
  std::string_view key;  // under `economics`
  const ParamTable<AssetCostSpec>& (*params)();
};
std::vector<AssetCostTable> economics_asset_cost_tables();

template <class Spec>
void apply_defaults(const ParamTable<Spec>& table, Spec& spec) {
  for (const Param<Spec>& p : table) {
    if (p.number) spec.*p.number = p.default_number;
    if (p.text) spec.*p.text = std::string(p.default_text);
  }
}

// A definition struct holding every default of its table.
template <class Spec>
Spec defaults_of(const ParamTable<Spec>& table) {
  Spec spec;
  apply_defaults(table, spec);
  return spec;
}

// Where a YAML node sits in its file.
SourceRef source_of(const YAML::Node& node, const std::string& file);
[[noreturn]] void fail_at(const YAML::Node& node, const std::string& file, const std::string& field,
                          const std::string& message);

// The closest candidate by edit distance, for "did you mean" hints; "" when nothing is close.
std::string closest_key(std::string_view key, const std::vector<std::string_view>& candidates);

// Rejects any key of `map` that is neither in `table` nor in `extra_keys`, suggesting the nearest.
template <class Spec>
void reject_unknown_keys(const YAML::Node& map, const ParamTable<Spec>& table,
                         const std::vector<std::string_view>& extra_keys, const std::string& file,
                         const std::string& context);

// Reads every row of `table` from `map` into `spec` (defaults must already be applied). When
// `key_at` is given, it receives where each key present in the file sits, for later errors.
template <class Spec>
void read_params(const YAML::Node& map, const ParamTable<Spec>& table, Spec& spec,
                 const std::string& file, const std::string& context,
                 const std::vector<std::string_view>& extra_keys = {},
                 std::map<std::string, SourceRef>* key_at = nullptr);

// A Markdown table of the rows: key, unit, default, range, description.
template <class Spec>
std::string markdown_rows(const ParamTable<Spec>& table);

}  // namespace zeropark
