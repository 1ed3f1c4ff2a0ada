// The scenario's JSON Schema against the reader: both must accept and refuse the same files
// (support/json_schema_validator.h checks YAML against the subset of draft-07 the generator emits).
#include "spec/json_schema.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "spec/param_table.h"
#include "support/json_schema_validator.h"
#include "support/scenarios.h"
#include "zeropark/error.h"
#include "zeropark/spec.h"

using namespace zeropark;
using nlohmann::json;
using zeropark::testing::collect_keywords;
using zeropark::testing::kSchemaKeywords;
using zeropark::testing::read_text;
using zeropark::testing::validate;

namespace {

const json& scenario_schema() {
  static const json schema = json::parse(scenario_json_schema());
  return schema;
}

std::vector<std::string> schema_errors(const std::string& yaml) {
  std::vector<std::string> errors;
  validate(YAML::Load(yaml), scenario_schema(), "", errors);
  return errors;
}

bool reader_accepts(const std::string& yaml) {
  try {
    read_scenario_text(yaml, "schema_test.yaml");
    return true;
  } catch (const InputError&) {
    return false;
  }
}

// The subschema at a path of property names; "[]" steps into a list's items.
const json& at_path(const std::vector<std::string>& path) {
  const json* node = &scenario_schema();
  for (const std::string& step : path) node = step == "[]" ? &node->at("items") : &node->at("properties").at(step);
  return *node;
}

template <class Spec>
int check_table_at(const std::vector<std::string>& path, const ParamTable<Spec>& table) {
  const json& object = at_path(path);
  CHECK(object.at("additionalProperties") == false);
  int count = 0;
  for (const Param<Spec>& p : table) {
    INFO("key " << p.key);
    REQUIRE(object.at("properties").contains(std::string(p.key)));
    const json& entry = object.at("properties").at(std::string(p.key));
    CHECK(entry.contains("description"));
    if (p.kind == ParamKind::kNumber || p.kind == ParamKind::kInteger) {
      CHECK(entry.at("type") == (p.kind == ParamKind::kInteger ? "integer" : "number"));
      if (std::isfinite(p.max)) CHECK(entry.at("maximum") == json(p.max));
      const std::string min_key = p.min_exclusive ? "exclusiveMinimum" : "minimum";
      if (std::isfinite(p.min)) CHECK(entry.at(min_key) == json(p.min));
    }
    if (p.kind == ParamKind::kChoice) CHECK(entry.at("enum").size() == p.choices.size());
    const json required = object.value("required", json::array());
    CHECK((std::find(required.begin(), required.end(), std::string(p.key)) != required.end()) == p.required);
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("the scenario schema is JSON of draft-07 using only the keywords its test validator knows",
          "[spec][schema]") {
  const json& schema = scenario_schema();
  CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
  std::set<std::string> keywords;
  collect_keywords(schema, keywords);
  for (const std::string& k : keywords) {
    INFO("keyword " << k);
    CHECK(kSchemaKeywords.count(k) == 1);
  }
  // The top level lists exactly the reader's keys, in its order.
  std::vector<std::string> keys;
  for (const auto& [key, value] : schema["properties"].items()) keys.push_back(key);
  std::vector<std::string> reader_keys(scenario_top_level_keys().begin(), scenario_top_level_keys().end());
  std::sort(keys.begin(), keys.end());
  std::sort(reader_keys.begin(), reader_keys.end());
  CHECK(keys == reader_keys);
}

TEST_CASE("every key of every parameter table sits at its path in the scenario schema", "[spec][schema]") {
  int count = 0;
  count += check_table_at({"simulation"}, simulation_params());
  count += check_table_at({"buses", "[]"}, bus_params());
  count += check_table_at({"lines", "[]"}, line_params());
  count += check_table_at({"pv", "[]"}, pv_params());
  count += check_table_at({"batteries", "[]"}, battery_params());
  count += check_table_at({"loads", "[]"}, load_params());
  count += check_table_at({"wind_turbines", "[]"}, wind_turbine_params());
  count += check_table_at({"heat_buses", "[]"}, heat_bus_params());
  count += check_table_at({"heat_pumps", "[]"}, heat_pump_params());
  count += check_table_at({"chillers", "[]"}, chiller_params());
  count += check_table_at({"thermal_storage", "[]"}, thermal_storage_params());
  count += check_table_at({"heat_loads", "[]"}, heat_load_params());
  count += check_table_at({"green_spaces", "[]"}, green_space_params());
  count += check_table_at({"buildings", "[]"}, building_params());
  count += check_table_at({"data_centres", "[]"}, data_centre_params());
  count += check_table_at({"ev_chargers", "[]"}, ev_charger_params());
  count += check_table_at({"pvt", "[]"}, pvt_params());
  count += check_table_at({"h2_tanks", "[]"}, h2_tank_params());
  count += check_table_at({"electrolysers", "[]"}, electrolyser_params());
  count += check_table_at({"fuel_cells", "[]"}, fuel_cell_params());
  count += check_table_at({"h2_demands", "[]"}, h2_demand_params());
  count += check_table_at({"grid"}, grid_params());
  count += check_table_at({"grid", "emission_factor"}, emission_factor_params());
  count += check_table_at({"grid", "tariff"}, tariff_params());
  count += check_table_at({"grid", "tariff", "seasons", "[]"}, season_params());
  count += check_table_at({"grid", "tariff", "seasons", "[]", "periods", "[]"}, period_params());
  count += check_table_at({"outages", "[]"}, outage_params());
  count += check_table_at({"local_controllers", "[]"}, local_controller_params());
  count += check_table_at({"network"}, network_params());
  count += check_table_at({"network", "gateways", "[]"}, network_gateway_params());
  count += check_table_at({"network", "links", "[]"}, network_link_params());
  count += check_table_at({"carbon_ledger"}, carbon_ledger_params());
  count += check_table_at({"carbon_ledger", "recyclables", "[]"}, recyclable_params());
  count += check_table_at({"carbon_ledger", "offsets", "[]"}, carbon_offset_params());
  count += check_table_at({"carbon_ledger", "accounts", "[]"}, carbon_account_params());
  count += check_table_at({"carbon_ledger", "accounts", "[]", "credits"}, carbon_credit_params());
  count += check_table_at({"economics"}, economics_params());
  for (const AssetCostTable& a : economics_asset_cost_tables())
    count += check_table_at({"economics", std::string(a.key)}, a.params());
  CHECK(count > 200);  // 247 rows when written: a guard against a list cut short
}

// Scenarios the reader accepts, from the shipped parks to small ones reaching every hand-read key.
std::vector<std::pair<std::string, std::string>> valid_scenarios() {
  std::vector<std::pair<std::string, std::string>> scenarios;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios"))
    if (entry.path().extension() == ".yaml")
      scenarios.emplace_back(entry.path().filename().string(), read_text(entry.path()));
  scenarios.emplace_back("missing_weather.yaml",
                         read_text(std::string(ZEROPARK_TEST_DATA_DIR) + "/scenarios/missing_weather.yaml"));
  scenarios.emplace_back("minimal", testing::minimal_scenario());
  scenarios.emplace_back("tariff seasons",
                         testing::minimal_scenario("  tariff:\n"
                                                   "    prices_cny_per_kwh: {peak: 1.0, flat: 0.6, valley: 0.3}\n"
                                                   "    seasons:\n"
                                                   "      - name: summer\n"
                                                   "        months: [7, 8]\n"
                                                   "        prices_cny_per_kwh: {peak: 1.4}\n"
                                                   "        periods:\n"
                                                   "          - {start: \"00:00\", period: valley}\n"
                                                   "          - {start: \"08:00\", period: peak}\n"
                                                   "      - name: rest\n"
                                                   "        months: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12]\n"
                                                   "        periods:\n"
                                                   "          - {start: \"00:00\", period: valley}\n"));
  scenarios.emplace_back("network, outages, local controllers, settings",
                         testing::minimal_scenario(
                             "batteries:\n  - {name: battery, bus: main, capacity_kwh: 400, max_charge_kw: 100, "
                             "max_discharge_kw: 100}\n"
                             "network:\n"
                             "  setpoint_timeout_s: 5400\n"
                             "  gateways:\n"
                             "    - {name: roof_gateway, latency_ms: 40, bandwidth_kbps: 64}\n"
                             "  links:\n"
                             "    - {device: battery, gateway: roof_gateway, latency_ms: 20, bandwidth_kbps: 1000}\n"
                             "outages:\n  - {component: grid, start: \"2023-09-01T18:00\", end: \"2023-09-02T06:00\"}\n"
                             "local_controllers:\n  - {controller: orderly_charging, devices: [battery]}\n"
                             "controller_settings:\n  anything_kw: 3\n"));
  scenarios.emplace_back("heat pump with a COP table",
                         testing::minimal_scenario("heat_buses:\n  - {name: hot, medium: heating}\n"
                                                   "heat_pumps:\n"
                                                   "  - name: hp\n    bus: main\n    heat_bus: hot\n"
                                                   "    rated_kw: 100\n    cop_method: table\n"
                                                   "    cop_table:\n"
                                                   "      source_c: [-7, 7]\n      sink_c: [35, 45]\n"
                                                   "      cop: [[2.5, 2.0], [4.0, 3.2]]\n"
                                                   "      capacity_kw: [[0.8, 0.75], [1, 0.95]]\n"));
  scenarios.emplace_back("carbon ledger and economics",
                         testing::minimal_scenario("carbon_ledger:\n"
                                                   "  recyclables:\n"
                                                   "    - {category: paper, mass_kg: 100, factor_kg_co2_per_kg: 0.9}\n"
                                                   "  accounts:\n"
                                                   "    - name: tenant\n      members: [office]\n"
                                                   "      credits: {valley_charging_kg_co2_per_kwh: 0.1, periods: "
                                                   "[valley]}\n"
                                                   "economics:\n  discount_rate: 0.05\n"
                                                   "  pv: {capex_cny_per_kw: 3500, lifetime_years: 25}\n"));
  return scenarios;
}

TEST_CASE("every shipped and test scenario the reader accepts validates against the schema", "[spec][schema]") {
  const auto scenarios = valid_scenarios();
  CHECK(scenarios.size() >= 10);
  for (const auto& [name, text] : scenarios) {
    INFO(name);
    REQUIRE(reader_accepts(text));
    std::string errors;
    for (const std::string& e : schema_errors(text)) errors += e + "\n";
    CHECK(errors == "");
  }
}

TEST_CASE("scenarios the reader refuses for a key or a range the schema refuses too", "[spec][schema]") {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"unknown top-level key", testing::minimal_scenario("wind: 3\n")},
      {"unknown simulation key", testing::minimal_scenario("", "  resolutoin_s: 3600\n")},
      {"unknown PV key", testing::minimal_scenario("pv:\n  - {name: p, bus: main, dc_capacity_kw: 10, tilt: 3}\n")},
      {"negative capacity", read_text(std::string(ZEROPARK_TEST_DATA_DIR) + "/scenarios/negative_capacity.yaml")},
      {"zero capacity (exclusive minimum)",
       testing::minimal_scenario("batteries:\n  - {name: b, bus: main, capacity_kwh: 0, max_charge_kw: 5, "
                                 "max_discharge_kw: 5}\n")},
      {"choice", testing::minimal_scenario("pv:\n  - {name: p, bus: main, dc_capacity_kw: 10, mounting: pole}\n")},
      {"line efficiency", testing::minimal_scenario("lines:\n  - {name: l, from: main, to: main, efficiency: 1e-9}\n")},
      {"month 13",
       testing::minimal_scenario("  tariff:\n    seasons:\n      - name: s\n        months: [13]\n        periods:\n"
                                 "          - {start: \"00:00\", period: valley}\n")},
      {"season without periods",
       testing::minimal_scenario("  tariff:\n    seasons:\n      - {name: s, months: [1]}\n")},
      {"price above 100", testing::minimal_scenario("  tariff:\n    prices_cny_per_kwh: {peak: 101}\n")},
      {"unknown COP table key", testing::minimal_scenario("heat_pumps:\n  - name: hp\n    bus: main\n    heat_bus: h\n"
                                                          "    rated_kw: 100\n    cop_table:\n"
                                                          "      source_c: [7]\n      sink_c: [35]\n      cop: [[4]]\n"
                                                          "      sink: [1]\n")},
      {"local controller without devices", testing::minimal_scenario("local_controllers:\n  - {controller: v2g}\n")},
      {"account without members", testing::minimal_scenario("carbon_ledger:\n  accounts:\n    - {name: a}\n")},
      {"unknown economics key", testing::minimal_scenario("economics:\n  pv: {capex_cny_per_kw: 1, life: 3}\n")},
      {"missing name", testing::minimal_scenario().substr(std::string("name: minimal\n").size())},
      {"season without a name",
       testing::minimal_scenario("  tariff:\n    seasons:\n      - months: [1]\n        periods:\n"
                                 "          - {start: \"00:00\", period: valley}\n")},
      {"setting not a number", testing::minimal_scenario("controller_settings:\n  target_kw: high\n")},
  };
  for (const auto& [name, text] : bad) {
    INFO(name);
    CHECK_FALSE(reader_accepts(text));
    CHECK_FALSE(schema_errors(text).empty());
  }
}

namespace {

std::string yaml_number(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

// A value the row accepts: inside the range, a choice, or a name.
template <class Spec>
std::string valid_value(const Param<Spec>& p) {
  switch (p.kind) {
    case ParamKind::kNumber:
    case ParamKind::kInteger: {
      const double low = std::isfinite(p.min) ? p.min : 0;
      double value = p.min_exclusive ? low + 1 : low;
      if (value > p.max) value = (low + p.max) / 2;
      return yaml_number(p.kind == ParamKind::kInteger ? std::ceil(value) : value);
    }
    case ParamKind::kChoice:
      return std::string(p.choices.front());
    case ParamKind::kText:
      return "x";
    case ParamKind::kPath:
      return "x.csv";
  }
  return "";
}

// Values the row refuses: past either bound, a fraction where a whole number is due, an unknown
// choice, empty text.
template <class Spec>
std::vector<std::string> invalid_values(const Param<Spec>& p) {
  std::vector<std::string> values;
  if (p.kind == ParamKind::kNumber || p.kind == ParamKind::kInteger) {
    if (std::isfinite(p.max)) values.push_back(yaml_number(p.max + std::fabs(p.max) / 2 + 1));
    if (std::isfinite(p.min)) values.push_back(yaml_number(p.min_exclusive ? p.min : p.min - 1));
    if (p.kind == ParamKind::kInteger && std::isfinite(p.min) && p.min + 0.5 <= p.max)
      values.push_back(yaml_number(p.min + 0.5));
  } else if (p.kind == ParamKind::kChoice) {
    values.push_back("not_a_choice");
  } else {
    values.push_back("\"\"");
  }
  return values;
}

// One list item holding each required row, with `key` set to `value` when given.
template <class Spec>
std::string item_of(const ParamTable<Spec>& table, std::string_view key = "", const std::string& value = "") {
  std::string item;
  for (const Param<Spec>& p : table)
    if (p.required && p.key != key) item += (item.empty() ? "" : ", ") + std::string(p.key) + ": " + valid_value(p);
  if (!key.empty()) item += (item.empty() ? "" : ", ") + std::string(key) + ": " + value;
  return "{" + item + "}";
}

// Reader and schema give the same verdict on every row of a table: a minimal item passes both, and
// each bad value, and an unknown key, fails both. `scenario` places the item (a flow map) in a
// scenario. Returns the number of files compared.
template <class Spec>
int compare_verdicts(const std::function<std::string(const std::string&)>& scenario, const ParamTable<Spec>& table) {
  int compared = 0;
  const auto same_verdict = [&](const std::string& text, bool valid) {
    INFO(text);
    CHECK(reader_accepts(text) == valid);
    CHECK(schema_errors(text).empty() == valid);
    ++compared;
  };
  same_verdict(scenario(item_of(table)), true);
  same_verdict(scenario(item_of(table, "no_such_key_kw", "1")), false);
  for (const Param<Spec>& p : table) {
    same_verdict(scenario(item_of(table, p.key, valid_value(p))), true);
    for (const std::string& bad : invalid_values(p)) same_verdict(scenario(item_of(table, p.key, bad)), false);
  }
  return compared;
}

// Places an item as the one entry of a top-level list.
std::function<std::string(const std::string&)> in_list(const std::string& list) {
  return [list](const std::string& item) { return testing::minimal_scenario(list + ":\n  - " + item + "\n"); };
}

// Places an item at `prefix` + item + `suffix` after the minimal scenario's last line (`  bus: main`
// of the grid, so an indented prefix lands inside `grid`).
std::function<std::string(const std::string&)> appended(const std::string& prefix, const std::string& suffix = "") {
  return [prefix, suffix](const std::string& item) { return testing::minimal_scenario(prefix + item + suffix + "\n"); };
}

}  // namespace

TEST_CASE("reader and schema agree on every row of every table, value by value", "[spec][schema]") {
  int compared = 0;
  // buses and loads are left out: the minimal scenario holds them already.
  compared += compare_verdicts(in_list("lines"), line_params());
  compared += compare_verdicts(in_list("pv"), pv_params());
  compared += compare_verdicts(in_list("batteries"), battery_params());
  compared += compare_verdicts(in_list("wind_turbines"), wind_turbine_params());
  compared += compare_verdicts(in_list("heat_buses"), heat_bus_params());
  compared += compare_verdicts(in_list("heat_pumps"), heat_pump_params());
  compared += compare_verdicts(in_list("chillers"), chiller_params());
  compared += compare_verdicts(in_list("thermal_storage"), thermal_storage_params());
  compared += compare_verdicts(in_list("heat_loads"), heat_load_params());
  compared += compare_verdicts(in_list("green_spaces"), green_space_params());
  compared += compare_verdicts(in_list("buildings"), building_params());
  compared += compare_verdicts(in_list("data_centres"), data_centre_params());
  compared += compare_verdicts(in_list("ev_chargers"), ev_charger_params());
  compared += compare_verdicts(in_list("pvt"), pvt_params());
  compared += compare_verdicts(in_list("h2_tanks"), h2_tank_params());
  compared += compare_verdicts(in_list("electrolysers"), electrolyser_params());
  compared += compare_verdicts(in_list("fuel_cells"), fuel_cell_params());
  compared += compare_verdicts(in_list("h2_demands"), h2_demand_params());
  compared += compare_verdicts(in_list("outages"), outage_params());
  compared += compare_verdicts([](const std::string& item) { return "name: m\nsimulation: " + item + "\n"; },
                               simulation_params());
  compared += compare_verdicts(appended("  tariff: "), tariff_params());
  compared += compare_verdicts(appended("  tariff:\n    seasons:\n      - {name: s, months: [1], periods: [", "]}"),
                               period_params());
  compared += compare_verdicts(appended("  emission_factor: "), emission_factor_params());
  compared += compare_verdicts(appended("network: "), network_params());
  compared += compare_verdicts(appended("network:\n  gateways:\n    - "), network_gateway_params());
  compared += compare_verdicts(appended("network:\n  links:\n    - "), network_link_params());
  compared += compare_verdicts(appended("carbon_ledger: "), carbon_ledger_params());
  compared += compare_verdicts(appended("carbon_ledger:\n  recyclables:\n    - "), recyclable_params());
  compared += compare_verdicts(appended("carbon_ledger:\n  offsets:\n    - "), carbon_offset_params());
  compared += compare_verdicts(appended("economics: "), economics_params());
  for (const AssetCostTable& a : economics_asset_cost_tables())
    compared += compare_verdicts(appended("economics:\n  " + std::string(a.key) + ": "), a.params());
  CHECK(compared > 600);
}

TEST_CASE("docs/scenario.schema.json is the schema generated from the parameter tables", "[spec][schema][docs]") {
  // Regenerate with docs/regenerate.sh (or `zeropark schema --json > docs/scenario.schema.json`).
  CHECK(read_text(std::string(ZEROPARK_SOURCE_DIR) + "/docs/scenario.schema.json") == scenario_json_schema());
}
