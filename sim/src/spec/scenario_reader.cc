// YAML scenario → ParkSpec. Only the shape and the per-key ranges are checked here; checks that
// need several definitions (references, SOC windows, the graph) happen in compile_park().
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

#include "spec/param_table.h"
#include "zeropark/controller.h"
#include "zeropark/error.h"
#include "zeropark/spec.h"

namespace zeropark {
namespace {

// Where the first byte that breaks UTF-8 (or a NUL) sits, if any.
std::optional<InputLocation> first_invalid_utf8(const std::string& text, const std::string& file) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    bool valid = byte != 0 && length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (!valid) return InputLocation{file, line, column};
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return std::nullopt;
}

const std::vector<std::string_view> kTopLevelKeys = {"name",
                                                     "description",
                                                     "simulation",
                                                     "buses",
                                                     "lines",
                                                     "pv",
                                                     "batteries",
                                                     "loads",
                                                     "grid",
                                                     "wind_turbines",
                                                     "heat_buses",
                                                     "heat_pumps",
                                                     "chillers",
                                                     "thermal_storage",
                                                     "heat_loads",
                                                     "green_spaces",
                                                     "buildings",
                                                     "data_centres",
                                                     "ev_chargers",
                                                     "pvt",
                                                     "h2_tanks",
                                                     "electrolysers",
                                                     "fuel_cells",
                                                     "h2_demands",
                                                     "controller_settings",
                                                     "outages",
                                                     "local_controllers",
                                                     "network",
                                                     "carbon_ledger",
                                                     "economics"};

// Reads each element of a YAML sequence into a definition struct.
template <class Spec, class Fill>
std::vector<Spec> read_list(const YAML::Node& list, const std::string& file, const std::string& key, Fill fill) {
  std::vector<Spec> specs;
  if (!list) return specs;
  if (!list.IsSequence()) fail_at(list, file, key, "expected a list (one '- ' entry per item)");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string context = key + "[" + std::to_string(i) + "].";
    if (!item.IsMap()) fail_at(item, file, key + "[" + std::to_string(i) + "]", "expected a mapping");
    Spec spec = fill(item, context);
    spec.at = source_of(item, file);
    specs.push_back(std::move(spec));
  }
  return specs;
}

// A list whose items are flat maps described entirely by one parameter table.
template <class Spec>
std::vector<Spec> read_flat_list(const YAML::Node& list, const std::string& file, const std::string& key,
                                 const ParamTable<Spec>& table) {
  return read_list<Spec>(list, file, key, [&](const YAML::Node& item, const std::string& context) {
    Spec spec = defaults_of(table);
    read_params(item, table, spec, file, context);
    return spec;
  });
}

std::map<std::string, double> read_prices(const YAML::Node& node, const std::string& file, const std::string& field) {
  std::map<std::string, double> prices;
  if (!node) return prices;
  if (!node.IsMap()) fail_at(node, file, field, "expected a mapping of period name to CNY/kWh");
  for (const auto& entry : node) {
    const std::string period = entry.first.as<std::string>();
    double price = 0;
    try {
      price = entry.second.as<double>();
    } catch (const YAML::Exception&) {
      fail_at(entry.second, file, field + "." + period, "expected a price in CNY/kWh");
    }
    if (!(price >= 0 && price <= 100)) fail_at(entry.second, file, field + "." + period, "must be in [0, 100] CNY/kWh");
    prices[period] = price;
  }
  return prices;
}

std::vector<double> read_numbers(const YAML::Node& node, const std::string& file, const std::string& field) {
  if (!node || !node.IsSequence() || node.size() == 0)
    fail_at(node ? node : YAML::Node(), file, field, "expected a list of numbers");
  std::vector<double> values;
  for (std::size_t i = 0; i < node.size(); ++i) {
    double v = 0;
    try {
      v = node[i].as<double>();
    } catch (const YAML::Exception&) {
      fail_at(node[i], file, field + "[" + std::to_string(i) + "]", "expected a number");
    }
    if (!std::isfinite(v)) fail_at(node[i], file, field + "[" + std::to_string(i) + "]", "must be finite");
    values.push_back(v);
  }
  return values;
}

// A table written as rows: one list per source temperature, one value per sink temperature.
std::vector<std::vector<double>> read_matrix(const YAML::Node& node, const std::string& file,
                                             const std::string& field) {
  if (!node || !node.IsSequence() || node.size() == 0)
    fail_at(node ? node : YAML::Node(), file, field, "expected a list of rows (one per source temperature)");
  std::vector<std::vector<double>> rows;
  for (std::size_t i = 0; i < node.size(); ++i)
    rows.push_back(read_numbers(node[i], file, field + "[" + std::to_string(i) + "]"));
  return rows;
}

PerformanceTableSpec read_performance_table(const YAML::Node& node, const std::string& file, const std::string& field) {
  PerformanceTableSpec table;
  table.at = source_of(node, file);
  if (!node.IsMap())
    fail_at(node, file, field, "expected a mapping with source_c, sink_c, cop and optionally capacity_kw");
  for (const auto& entry : node) {
    const std::string key = entry.first.as<std::string>();
    static const std::vector<std::string_view> keys = {"source_c", "sink_c", "cop", "capacity_kw"};
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      const std::string hint = closest_key(key, keys);
      fail_at(entry.first, file, field + "." + key,
              "unknown key" + (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)"));
    }
  }
  if (!node["source_c"] || !node["sink_c"] || !node["cop"])
    fail_at(node, file, field, "needs source_c, sink_c and cop");
  table.source_c = read_numbers(node["source_c"], file, field + ".source_c");
  table.sink_c = read_numbers(node["sink_c"], file, field + ".sink_c");
  table.cop = read_matrix(node["cop"], file, field + ".cop");
  if (node["capacity_kw"]) table.capacity_kw = read_matrix(node["capacity_kw"], file, field + ".capacity_kw");
  return table;
}

std::vector<HeatPumpSpec> read_heat_pumps(const YAML::Node& list, const std::string& file, const std::string& key,
                                          const ParamTable<HeatPumpSpec>& params) {
  return read_list<HeatPumpSpec>(list, file, key, [&](const YAML::Node& item, const std::string& context) {
    HeatPumpSpec spec = defaults_of(params);
    read_params(item, params, spec, file, context, {"cop_table"});
    if (item["cop_table"]) spec.table = read_performance_table(item["cop_table"], file, context + "cop_table");
    return spec;
  });
}

TariffSeasonSpec read_season(const YAML::Node& node, const std::string& file, const std::string& context) {
  TariffSeasonSpec season = defaults_of(season_params());
  read_params(node, season_params(), season, file, context, {"months", "periods", "prices_cny_per_kwh"});
  const YAML::Node months = node["months"];
  if (!months || !months.IsSequence() || months.size() == 0)
    fail_at(months ? months : node, file, context + "months", "expected a list of months 1..12");
  for (std::size_t i = 0; i < months.size(); ++i) {
    int month = 0;
    try {
      month = months[i].as<int>();
    } catch (const YAML::Exception&) {
      month = 0;
    }
    if (month < 1 || month > 12) fail_at(months[i], file, context + "months", "months are 1..12");
    season.months.push_back(month);
  }
  season.periods = read_flat_list(node["periods"], file, context + "periods", period_params());
  if (season.periods.empty()) fail_at(node, file, context + "periods", "a season needs at least one period");
  season.prices_cny_per_kwh = read_prices(node["prices_cny_per_kwh"], file, context + "prices_cny_per_kwh");
  return season;
}

TariffSpec read_tariff(const YAML::Node& node, const std::string& file) {
  TariffSpec tariff = default_tariff();
  if (!node) return tariff;
  tariff.at = source_of(node, file);
  read_params(node, tariff_params(), tariff, file, "grid.tariff.", {"prices_cny_per_kwh", "seasons"}, &tariff.key_at);
  tariff.prices_cny_per_kwh = read_prices(node["prices_cny_per_kwh"], file, "grid.tariff.prices_cny_per_kwh");
  tariff.seasons = read_list<TariffSeasonSpec>(
      node["seasons"], file, "grid.tariff.seasons",
      [&](const YAML::Node& item, const std::string& c) { return read_season(item, file, c); });
  return tariff;
}

// A list of names (members of an account, periods of a credit), each remembered with its line.
std::vector<std::string> read_names(const YAML::Node& node, const std::string& file, const std::string& field,
                                    std::vector<SourceRef>* at = nullptr) {
  if (!node || !node.IsSequence() || node.size() == 0)
    fail_at(node ? node : YAML::Node(), file, field, "expected a list of names");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string item = field + "[" + std::to_string(i) + "]";
    if (!node[i].IsScalar() || node[i].Scalar().empty()) fail_at(node[i], file, item, "expected a name");
    names.push_back(node[i].Scalar());
    if (at) at->push_back(source_of(node[i], file));
  }
  return names;
}

CarbonLedgerSpec read_carbon_ledger(const YAML::Node& node, const std::string& file) {
  CarbonLedgerSpec ledger = defaults_of(carbon_ledger_params());
  ledger.present = true;
  ledger.at = source_of(node, file);
  read_params(node, carbon_ledger_params(), ledger, file, "carbon_ledger.", {"recyclables", "offsets", "accounts"},
              &ledger.key_at);
  ledger.recyclables = read_list<RecyclableSpec>(node["recyclables"], file, "carbon_ledger.recyclables",
                                                 [&](const YAML::Node& item, const std::string& c) {
                                                   RecyclableSpec r = defaults_of(recyclable_params());
                                                   read_params(item, recyclable_params(), r, file, c, {}, &r.key_at);
                                                   return r;
                                                 });
  ledger.offsets = read_list<CarbonOffsetSpec>(node["offsets"], file, "carbon_ledger.offsets",
                                               [&](const YAML::Node& item, const std::string& c) {
                                                 CarbonOffsetSpec o = defaults_of(carbon_offset_params());
                                                 read_params(item, carbon_offset_params(), o, file, c, {}, &o.key_at);
                                                 return o;
                                               });
  ledger.accounts = read_list<CarbonAccountSpec>(
      node["accounts"], file, "carbon_ledger.accounts", [&](const YAML::Node& item, const std::string& c) {
        CarbonAccountSpec a = defaults_of(carbon_account_params());
        read_params(item, carbon_account_params(), a, file, c, {"members", "credits"}, &a.key_at);
        a.members = read_names(item["members"], file, c + "members", &a.members_at);
        if (const YAML::Node credits = item["credits"]) {
          a.key_at["credits"] = source_of(credits, file);
          read_params(credits, carbon_credit_params(), a, file, c + "credits.", {"periods"}, &a.key_at);
          a.credit_periods = credits["periods"] ? read_names(credits["periods"], file, c + "credits.periods")
                                                : std::vector<std::string>{"valley"};
        }
        return a;
      });
  return ledger;
}

// The asset classes of the economics section: key, table (its capex key names the unit), field.
struct AssetCostSection {
  const char* key;
  const ParamTable<AssetCostSpec>& (*params)();
  AssetCostSpec EconomicsSpec::*field;
};
const AssetCostSection kAssetCostSections[] = {
    {"pv", asset_cost_per_kw_params, &EconomicsSpec::pv},
    {"wind", asset_cost_per_kw_params, &EconomicsSpec::wind},
    {"battery_energy", asset_cost_per_kwh_params, &EconomicsSpec::battery_energy},
    {"battery_power", asset_cost_per_kw_params, &EconomicsSpec::battery_power},
    {"ev_chargers", asset_cost_per_point_params, &EconomicsSpec::ev_chargers},
    {"heat_pumps", asset_cost_per_kw_params, &EconomicsSpec::heat_pumps},
    {"thermal_storage", asset_cost_per_kwh_params, &EconomicsSpec::thermal_storage},
};

EconomicsSpec read_economics(const YAML::Node& node, const std::string& file) {
  EconomicsSpec economics = defaults_of(economics_params());
  economics.present = true;
  economics.at = source_of(node, file);
  std::vector<std::string_view> sections;
  for (const AssetCostSection& a : kAssetCostSections) sections.push_back(a.key);
  read_params(node, economics_params(), economics, file, "economics.", sections, &economics.key_at);
  for (const AssetCostSection& a : kAssetCostSections) {
    const YAML::Node item = node[a.key];
    if (!item) continue;
    AssetCostSpec cost = defaults_of(a.params());
    cost.present = true;
    cost.at = source_of(item, file);
    read_params(item, a.params(), cost, file, std::string("economics.") + a.key + ".", {}, &cost.key_at);
    economics.*a.field = cost;
  }
  return economics;
}

ParkSpec read_document(const YAML::Node& root, const std::string& file) {
  if (!root || !root.IsMap()) throw InputError({file, 1, 1}, "", "a scenario is a YAML mapping of keys");
  std::map<std::string, int> seen_at_line;
  for (const auto& entry : root) {
    const std::string key = entry.first.as<std::string>();
    const auto [seen, first] = seen_at_line.emplace(key, source_of(entry.first, file).line);
    if (!first) fail_at(entry.first, file, key, "duplicate key (also at line " + std::to_string(seen->second) + ")");
    if (std::find(kTopLevelKeys.begin(), kTopLevelKeys.end(), key) != kTopLevelKeys.end()) continue;
    const std::string hint = closest_key(key, kTopLevelKeys);
    fail_at(entry.first, file, key, "unknown key" + (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)"));
  }
  ParkSpec spec;
  if (!root["name"] || !root["name"].IsScalar() || root["name"].Scalar().empty())
    fail_at(root["name"] ? root["name"] : root, file, "name", "a scenario needs a name");
  spec.name = root["name"].Scalar();
  if (root["description"]) spec.description = root["description"].as<std::string>();

  spec.simulation = default_simulation();
  if (!root["simulation"]) fail_at(root, file, "simulation", "is required (it names the weather file)");
  spec.simulation.at = source_of(root["simulation"], file);
  read_params(root["simulation"], simulation_params(), spec.simulation, file, "simulation.", {},
              &spec.simulation.key_at);

  spec.buses = read_flat_list(root["buses"], file, "buses", bus_params());
  spec.lines = read_flat_list(root["lines"], file, "lines", line_params());
  spec.pv_arrays = read_flat_list(root["pv"], file, "pv", pv_params());
  spec.batteries = read_flat_list(root["batteries"], file, "batteries", battery_params());
  spec.loads = read_flat_list(root["loads"], file, "loads", load_params());
  spec.wind_turbines = read_flat_list(root["wind_turbines"], file, "wind_turbines", wind_turbine_params());
  spec.heat_buses = read_flat_list(root["heat_buses"], file, "heat_buses", heat_bus_params());
  spec.heat_pumps = read_heat_pumps(root["heat_pumps"], file, "heat_pumps", heat_pump_params());
  spec.chillers = read_heat_pumps(root["chillers"], file, "chillers", chiller_params());
  spec.thermal_storages = read_flat_list(root["thermal_storage"], file, "thermal_storage", thermal_storage_params());
  spec.heat_loads = read_flat_list(root["heat_loads"], file, "heat_loads", heat_load_params());
  if (const YAML::Node settings = root["controller_settings"]) {
    if (!settings.IsMap()) fail_at(settings, file, "controller_settings", "expected a mapping of setting to number");
    for (const auto& entry : settings) {
      const std::string key = entry.first.as<std::string>();
      double value = 0;
      try {
        value = entry.second.as<double>();
      } catch (const YAML::Exception&) {
        fail_at(entry.second, file, "controller_settings." + key, "expected a number");
      }
      spec.controller_settings[key] = value;
      spec.controller_settings_at[key] = source_of(entry.second, file);
    }
  }
  spec.pvt = read_flat_list(root["pvt"], file, "pvt", pvt_params());
  spec.h2_tanks = read_flat_list(root["h2_tanks"], file, "h2_tanks", h2_tank_params());
  spec.electrolysers = read_flat_list(root["electrolysers"], file, "electrolysers", electrolyser_params());
  spec.fuel_cells = read_flat_list(root["fuel_cells"], file, "fuel_cells", fuel_cell_params());
  spec.h2_demands = read_flat_list(root["h2_demands"], file, "h2_demands", h2_demand_params());
  spec.ev_chargers = read_flat_list(root["ev_chargers"], file, "ev_chargers", ev_charger_params());
  spec.data_centres = read_flat_list(root["data_centres"], file, "data_centres", data_centre_params());
  spec.buildings = read_flat_list(root["buildings"], file, "buildings", building_params());
  spec.green_spaces = read_flat_list(root["green_spaces"], file, "green_spaces", green_space_params());
  spec.outages =
      read_list<OutageSpec>(root["outages"], file, "outages", [&](const YAML::Node& item, const std::string& c) {
        OutageSpec outage = default_outage();
        read_params(item, outage_params(), outage, file, c, {}, &outage.key_at);
        return outage;
      });
  spec.local_controllers = read_list<LocalControllerSpec>(
      root["local_controllers"], file, "local_controllers", [&](const YAML::Node& item, const std::string& c) {
        LocalControllerSpec local = default_local_controller();
        read_params(item, local_controller_params(), local, file, c, {"devices"}, &local.key_at);
        const YAML::Node devices = item["devices"];
        if (!devices || !devices.IsSequence() || devices.size() == 0)
          fail_at(devices ? devices : item, file, c + "devices", "expected a list of device names");
        for (std::size_t i = 0; i < devices.size(); ++i) {
          if (!devices[i].IsScalar())
            fail_at(devices[i], file, c + "devices[" + std::to_string(i) + "]", "expected a device name");
          local.devices.push_back(devices[i].Scalar());
        }
        local.key_at["devices"] = source_of(devices, file);
        return local;
      });
  spec.network = default_network();
  if (const YAML::Node network = root["network"]) {
    spec.network.present = true;
    spec.network.at = source_of(network, file);
    read_params(network, network_params(), spec.network, file, "network.", {"gateways", "links"}, &spec.network.key_at);
    spec.network.gateways = read_flat_list(network["gateways"], file, "network.gateways", network_gateway_params());
    spec.network.links = read_flat_list(network["links"], file, "network.links", network_link_params());
  }
  if (const YAML::Node grid_node = root["grid"]) {
    GridSpec grid = default_grid();
    read_params(grid_node, grid_params(), grid, file, "grid.", {"tariff", "emission_factor"}, &grid.key_at);
    grid.tariff = read_tariff(grid_node["tariff"], file);
    if (const YAML::Node factor = grid_node["emission_factor"]) {
      grid.emission_factor = defaults_of(emission_factor_params());
      grid.emission_factor.present = true;
      grid.emission_factor.at = source_of(factor, file);
      read_params(factor, emission_factor_params(), grid.emission_factor, file, "grid.emission_factor.", {},
                  &grid.emission_factor.key_at);
    }
    grid.at = source_of(grid_node, file);
    spec.grids.push_back(std::move(grid));
  }
  if (const YAML::Node ledger = root["carbon_ledger"]) spec.carbon_ledger = read_carbon_ledger(ledger, file);
  if (const YAML::Node economics = root["economics"]) spec.economics = read_economics(economics, file);
  return spec;
}

}  // namespace

const std::vector<std::string_view>& scenario_top_level_keys() { return kTopLevelKeys; }

std::vector<AssetCostTable> economics_asset_cost_tables() {
  std::vector<AssetCostTable> tables;
  for (const AssetCostSection& a : kAssetCostSections) tables.push_back({a.key, a.params});
  return tables;
}

ParkSpec read_scenario_text(const std::string& text, const std::filesystem::path& file_for_errors) {
  const std::string file = file_for_errors.string();
  // YAML is UTF-8 (and the trace stores the text as such): a file saved as GBK or Latin-1 is
  // refused here, at its first bad byte, rather than half-read.
  if (const std::optional<InputLocation> bad = first_invalid_utf8(text, file))
    throw InputError(*bad, "", "the file is not UTF-8 text (save it as UTF-8)");
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError({file, e.mark.line + 1, e.mark.column + 1}, "", "YAML syntax: " + e.msg);
  }
  ParkSpec spec;
  try {
    spec = read_document(root, file);
  } catch (const YAML::Exception& e) {
    throw InputError({file, e.mark.line + 1, e.mark.column + 1}, "", e.msg);
  }
  spec.file = file_for_errors;
  spec.text = text;
  return spec;
}

ParkSpec read_scenario_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path.string(), 0, 0}, "", "cannot open scenario file");
  std::ostringstream text;
  text << in.rdbuf();
  return read_scenario_text(text.str(), path);
}

std::string scenario_reference_markdown() {
  std::string out;
  const auto section = [&](const std::string& title, const std::string& intro, const std::string& rows) {
    out += "### " + title + "\n\n" + intro + "\n\n" + rows + "\n";
  };
  section("`simulation`", "When, how finely and with what the park is simulated.", markdown_rows(simulation_params()));
  section("`buses[]`", "Electrical buses (nodes). Every component connects to one.", markdown_rows(bus_params()));
  section("`lines[]`",
          "Lines and transformers between buses. The buses and lines must form a tree "
          "(a radial network, as parks are built) around the grid connection's bus.",
          markdown_rows(line_params()));
  section("`pv[]`",
          "PV arrays with their inverters: fixed, single-axis tracking with backtracking, or "
          "dual-axis; optionally bifacial.",
          markdown_rows(pv_params()));
  section("`batteries[]`", "Stationary batteries.", markdown_rows(battery_params()));
  section("`loads[]`", "Electric loads from hourly profiles.", markdown_rows(load_params()));
  section("`wind_turbines[]`",
          "Wind turbine groups: a power curve at hub height, with the weather's "
          "wind speed lifted by a power-law shear profile.",
          markdown_rows(wind_turbine_params()));
  section("`heat_buses[]`",
          "Heating and cooling buses: one temperature level each, balanced like an "
          "electrical bus; demand they cannot meet is reported as unmet.",
          markdown_rows(heat_bus_params()));
  section("`heat_pumps[]`",
          "Heat pumps from an electrical bus to a heating bus. With `cop_method: table`, `cop_table` "
          "gives `source_c` and `sink_c` (increasing), `cop` as one row per source temperature and "
          "optionally `capacity_kw` of the same shape, scaled to rated_kw at the rating point (source "
          "7 °C, sink 35 °C: EN 14511's A7/W35; for chillers condenser 35 °C, chilled water 7 °C); "
          "values between points are interpolated bilinearly and held at the edges.",
          markdown_rows(heat_pump_params()));
  section("`chillers[]`",
          "Chillers from an electrical bus to a cooling bus; `cop` is then the EER and "
          "the source is where the condenser rejects its heat.",
          markdown_rows(chiller_params()));
  section("`thermal_storage[]`",
          "Hot- or chilled-water tanks on a heat bus. Without a controller "
          "set-point a tank absorbs surplus heat and covers what the heat pumps cannot.",
          markdown_rows(thermal_storage_params()));
  section("`heat_loads[]`", "Heat or cooling demand from hourly profiles.", markdown_rows(heat_load_params()));
  section("`pvt[]`",
          "PV/thermal collectors (uncovered, Solar Keymark licence 011-7S2354 P): electricity as PV "
          "with cells cooled by the fluid, and heat by the EN ISO 9806 efficiency curve at a mean "
          "fluid temperature 5 K below the heat bus's supply.",
          markdown_rows(pvt_params()));
  section("`h2_tanks[]`", "Hydrogen tanks.", markdown_rows(h2_tank_params()));
  section("`electrolysers[]`",
          "Electrolysers filling a tank (part-load efficiency from a linear "
          "polarisation curve).",
          markdown_rows(electrolyser_params()));
  section("`fuel_cells[]`", "Fuel cells drawing on a tank, with recoverable heat.", markdown_rows(fuel_cell_params()));
  section("`h2_demands[]`", "Hydrogen taken by vehicles at a refuelling station.", markdown_rows(h2_demand_params()));
  section("`ev_chargers[]`",
          "EV charge points and the sessions they serve: cars arrive and leave at their exact "
          "seconds, take a free point or are turned away, and charge at once unless a controller "
          "sets the group's power; bidirectional points can return energy (V2G) from cars that can "
          "still reach what they asked for by their departure.",
          markdown_rows(ev_charger_params()));
  section("`data_centres[]`",
          "Data centres: IT power from a profile times a PUE that follows the weather through the "
          "cooling plant (UPS and distribution losses, air handlers, pumps, cooling towers, a "
          "water-side economizer and chillers; Lei & Masanet's model). With the defaults, "
          "Shanghai's typical year gives an annual PUE of about 1.29.",
          markdown_rows(data_centre_params()));
  section("`buildings[]`",
          "Buildings whose heating and cooling demand comes from ISO 13790's hourly 5R1C thermal "
          "network, driven by the weather (outdoor air, solar gains through the windows of each "
          "facade) and internal gains. Each is a square block; the ground floor is not counted as "
          "a heat loss. Heat the plant cannot deliver lets the building cool (or warm) for real.",
          markdown_rows(building_params()));
  section("`green_spaces[]`",
          "Carbon sinks: vegetation whose yearly CO2 uptake is subtracted in the "
          "park's carbon ledger.",
          markdown_rows(green_space_params()));
  section("`grid`", "The connection to the public grid: the slack that balances the park.",
          markdown_rows(grid_params()));
  section("`grid.emission_factor`",
          "The emission factor named from a published table instead of `carbon_intensity_kg_per_kwh` (give one "
          "or the other, not both, and no `carbon_intensity_csv`). An unknown year or area is an error that lists "
          "the choices; a factor the table marks as not independently verified (provinces from a third-party "
          "compilation, 2021 regions) is used with a warning. Sources: docs/carbon.md.",
          markdown_rows(emission_factor_params()));
  section("`grid.tariff`",
          "Time-of-use energy prices, a two-part tariff's demand or capacity charge, and the export "
          "price. `prices_cny_per_kwh` maps period names (`critical_peak`, `peak`, `flat`, `valley` "
          "or your own) to CNY/kWh. `seasons[]` must cover each month exactly once.",
          markdown_rows(tariff_params()));
  section("`grid.tariff.seasons[]`",
          "`months`: list of months 1..12. `prices_cny_per_kwh`: optional per-season overrides. "
          "`periods[]`: the day's periods, each running from its `start` to the next entry's start "
          "(the last wraps to the first, which must start at 00:00).",
          markdown_rows(season_params()));
  section("`grid.tariff.seasons[].periods[]`", "One period of the day.", markdown_rows(period_params()));
  section("`carbon_ledger`",
          "The park's carbon ledger beyond its electricity (optional; docs/carbon.md): recycling and offsets "
          "subtract from `ledger_net_co2_kg`, the floor area gives CO2 per m² and year, and accounts split CO2 "
          "and cost among tenants or zones.",
          markdown_rows(carbon_ledger_params()));
  section("`carbon_ledger.recyclables[]`", "Materials recycled over the run and the CO2 that avoided.",
          markdown_rows(recyclable_params()));
  section("`carbon_ledger.offsets[]`", "Offsets bought (e.g. for an event held in the park).",
          markdown_rows(carbon_offset_params()));
  section(
      "`carbon_ledger.accounts[]`",
      "Carbon accounts of tenants or zones (Qingdao's \"carbon inclusive\" scheme): each event's grid CO2 and "
      "energy cost are shared among everything drawing power in proportion to its draw, and an account sums "
      "its members' shares. A component belongs to at most one account.",
      markdown_rows(carbon_account_params()) +
          "| `members` | — | required | list of names | Loads, data centres, heat pumps, chillers, EV charger "
          "groups, batteries, electrolysers, and `line_losses` (the lines' and transformers' losses). |\n"
          "| `credits.valley_charging_kg_co2_per_kwh` | kg/kWh | required with `credits` | [0, 10] | Credit per kWh "
          "the members' EV chargers draw during `credits.periods`. |\n"
          "| `credits.periods` | — | [valley] | tariff period names | When charging earns the credit. |\n");
  section("`economics`",
          "What the design costs to build and keep (optional; docs/economics.md). Each asset class below is "
          "optional and costs nothing when absent. Capital is annualised with the capital recovery factor "
          "r(1+r)^n/((1+r)^n-1) over the class's lifetime; a run is charged its share of a 365-day year in "
          "`annualised_capex_cny` and `fixed_om_cny`, and `total_cost_cny` adds them to `net_cost_cny`.",
          markdown_rows(economics_params()));
  section("`economics.pv`, `.wind`, `.battery_power`, `.heat_pumps`",
          "Per kW: PV's DC capacity, wind's rated power (the curve's maximum × count), a battery's converter (the "
          "larger of its charge and discharge power), heat pumps' and chillers' rated thermal power.",
          markdown_rows(asset_cost_per_kw_params()));
  section("`economics.battery_energy`, `.thermal_storage`", "Per kWh of nameplate capacity.",
          markdown_rows(asset_cost_per_kwh_params()));
  section("`economics.ev_chargers`", "Per charge point.", markdown_rows(asset_cost_per_point_params()));
  section(
      "`local_controllers[]`",
      "Controllers of their own for some devices (batteries, thermal storage, charger groups, electrolysers, fuel "
      "cells), listed by name in `devices`: their set-points replace the supervisory controller's "
      "(`simulation.controller`) for those devices. Give `controller` or `controller_plugin`. Settings of every "
      "controller share `controller_settings`.",
      markdown_rows(local_controller_params()) +
          "| `devices` | — | required | list of names | Devices this controller owns; a device has at most one. |\n");
  section("`network`",
          "The park's control network, built as a SimGrid platform: the controller's host, gateways and each listed "
          "device's link. At each decision every endpoint sends its measurement; the controller decides on what has "
          "arrived and sends each device its set-point, which applies when it arrives (to the next whole second). "
          "Lost or late set-points leave the last one in force until `setpoint_timeout_s`. Without this section "
          "messages take no time.",
          markdown_rows(network_params()));
  section("`network.gateways[]`", "Gateways between devices and the controller.",
          markdown_rows(network_gateway_params()));
  section("`network.links[]`", "Devices on the network; a device not listed sits beside the controller.",
          markdown_rows(network_link_params()));
  section("`outages[]`",
          "Availability profiles: when the grid connection or a piece of equipment is out of service. Give either "
          "`start` and `end` (one scheduled outage) or both mean times (random outages over the whole run, drawn "
          "with the run's seed). While the grid is out the park runs as an island: critical loads are served "
          "first from PV, wind, storage, fuel cells and V2G; the rest is shed and reported as unserved.",
          markdown_rows(outage_params()));
  std::string settings_rows;
  for (std::string_view name : controller_names()) {
    const std::vector<ControllerSetting> settings = make_controller(name)->settings();
    settings_rows += "**`" + std::string(name) + "`**" + (settings.empty() ? ": no settings.\n\n" : "\n\n");
    if (settings.empty()) continue;
    settings_rows += "| key | default | allowed | description |\n|---|---|---|---|\n";
    for (const ControllerSetting& c : settings) {
      char range[96];
      std::snprintf(range, sizeof range, "%g … %g", c.min, c.max);
      char fallback[32];
      std::snprintf(fallback, sizeof fallback, "%g", c.default_value);
      settings_rows +=
          "| `" + std::string(c.key) + "` | " + fallback + " | " + range + " | " + std::string(c.description) + " |\n";
    }
    settings_rows += "\n";
  }
  section("`controller_settings`",
          "A map of the chosen controller's settings (`simulation.controller`); a key the controller does not "
          "declare, or a value out of its range, is an error at its line.",
          settings_rows);
  return out;
}

}  // namespace zeropark
