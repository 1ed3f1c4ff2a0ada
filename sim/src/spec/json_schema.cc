// The scenario format as a JSON Schema (draft-07, what YAML language servers support best), built
// from the parameter tables the reader checks with. Where the reader handles keys by hand (lists of
// names, price maps, performance tables, controller settings), scenario_json_schema() describes them
// in one place below, each next to a note of the reader function it mirrors.
#include "spec/json_schema.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "spec/param_table.h"
#include "zeropark/controller.h"
#include "zeropark/spec.h"

namespace zeropark {

JsonNode JsonNode::string(std::string_view text) {
  JsonNode node(Kind::kString);
  node.scalar_ = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        node.scalar_ += "\\\"";
        break;
      case '\\':
        node.scalar_ += "\\\\";
        break;
      case '\n':
        node.scalar_ += "\\n";
        break;
      case '\t':
        node.scalar_ += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          node.scalar_ += escaped;
        } else {
          node.scalar_ += c;  // UTF-8 passes through: JSON text is UTF-8
        }
    }
  }
  node.scalar_ += "\"";
  return node;
}

JsonNode JsonNode::number(double value) {
  JsonNode node(Kind::kNumber);
  // Whole numbers print without a fraction or exponent; others in the shortest text that reads back.
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", value);
    node.scalar_ = text;
  } else {
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    node.scalar_.assign(text, result.ptr);
  }
  return node;
}

JsonNode JsonNode::boolean(bool value) {
  JsonNode node(Kind::kBoolean);
  node.scalar_ = value ? "true" : "false";
  return node;
}

JsonNode& JsonNode::set(std::string_view key, JsonNode value) {
  if (JsonNode* existing = find(key)) return *existing = std::move(value);
  members_.emplace_back(std::string(key), std::move(value));
  return members_.back().second;
}

JsonNode& JsonNode::push(JsonNode value) {
  items_.push_back(std::move(value));
  return items_.back();
}

JsonNode* JsonNode::find(std::string_view key) {
  for (auto& [name, value] : members_)
    if (name == key) return &value;
  return nullptr;
}

std::string JsonNode::dump() const {
  std::string out;
  write(out, 0);
  return out + "\n";
}

void JsonNode::write(std::string& out, int indent) const {
  const std::string inner(indent + 2, ' ');
  const std::string outer(indent, ' ');
  switch (kind_) {
    case Kind::kObject:
      if (members_.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      for (std::size_t i = 0; i < members_.size(); ++i) {
        out += inner + JsonNode::string(members_[i].first).scalar_ + ": ";
        members_[i].second.write(out, indent + 2);
        out += i + 1 < members_.size() ? ",\n" : "\n";
      }
      out += outer + "}";
      return;
    case Kind::kArray: {
      // Arrays of scalars (enums, type lists, required keys) stay on one line.
      bool scalars = true;
      for (const JsonNode& item : items_)
        scalars = scalars && item.kind_ != Kind::kObject && item.kind_ != Kind::kArray;
      if (items_.empty() || scalars) {
        out += "[";
        for (std::size_t i = 0; i < items_.size(); ++i) out += (i ? ", " : "") + items_[i].scalar_;
        out += "]";
        return;
      }
      out += "[\n";
      for (std::size_t i = 0; i < items_.size(); ++i) {
        out += inner;
        items_[i].write(out, indent + 2);
        out += i + 1 < items_.size() ? ",\n" : "\n";
      }
      out += outer + "]";
      return;
    }
    default:
      out += scalar_;
  }
}

JsonNode schema_of_type(std::string_view type, std::string_view description) {
  JsonNode node = JsonNode::object();
  node.set("type", JsonNode::string(type));
  if (!description.empty()) node.set("description", JsonNode::string(description));
  return node;
}

JsonNode schema_of_name(std::string_view description) {
  // The reader keeps a text value's raw scalar, so `name: 7` is as good as `name: "7"`; a YAML
  // language server types the former as a number, which the schema must therefore allow.
  JsonNode node = JsonNode::object();
  JsonNode& types = node.set("type", JsonNode::array());
  types.push(JsonNode::string("string"));
  types.push(JsonNode::string("number"));
  node.set("minLength", JsonNode::number(1));
  if (!description.empty()) node.set("description", JsonNode::string(description));
  return node;
}

JsonNode schema_of_names(std::string_view description) {
  JsonNode node = schema_of_type("array", description);
  node.set("minItems", JsonNode::number(1));
  node.set("items", schema_of_name(""));
  return node;
}

JsonNode closed_object(std::string_view description) {
  JsonNode node = schema_of_type("object", description);
  node.set("additionalProperties", JsonNode::boolean(false));
  node.set("properties", JsonNode::object());
  return node;
}

namespace {

template <class Spec>
JsonNode param_schema(const Param<Spec>& p) {
  std::string description(p.description);
  if (!p.unit.empty()) description += " Unit: " + std::string(p.unit) + ".";
  JsonNode node = JsonNode::object();
  switch (p.kind) {
    case ParamKind::kNumber:
    case ParamKind::kInteger:
      node.set("type", JsonNode::string(p.kind == ParamKind::kInteger ? "integer" : "number"));
      if (std::isfinite(p.min)) node.set(p.min_exclusive ? "exclusiveMinimum" : "minimum", JsonNode::number(p.min));
      if (std::isfinite(p.max)) node.set("maximum", JsonNode::number(p.max));
      // NaN marks a default derived from other keys, as the description says.
      if (!p.required && std::isfinite(p.default_number)) node.set("default", JsonNode::number(p.default_number));
      break;
    case ParamKind::kChoice: {
      node.set("type", JsonNode::string("string"));
      JsonNode& choices = node.set("enum", JsonNode::array());
      for (std::string_view c : p.choices) choices.push(JsonNode::string(c));
      if (!p.default_text.empty()) node.set("default", JsonNode::string(p.default_text));
      break;
    }
    case ParamKind::kText:
    case ParamKind::kPath:
      node = schema_of_name("");
      if (p.kind == ParamKind::kPath) description += " A path relative to the scenario file.";
      if (!p.required && !p.default_text.empty()) node.set("default", JsonNode::string(p.default_text));
      break;
  }
  node.set("description", JsonNode::string(description));
  return node;
}

// Adds `key` to the object's `required` list, creating the list on first use.
void require(JsonNode& object, std::string_view key) {
  JsonNode* required = object.find("required");
  if (!required) required = &object.set("required", JsonNode::array());
  required->push(JsonNode::string(key));
}

// The properties and `required` list of one parameter table, added to an object schema.
template <class Spec>
void add_table(JsonNode& object, const ParamTable<Spec>& table) {
  for (const Param<Spec>& p : table) {
    // Looked up each time: creating `required` may move the object's members.
    object.find("properties")->set(p.key, param_schema(p));
    if (p.required) require(object, p.key);
  }
}

template <class Spec>
JsonNode table_object(const ParamTable<Spec>& table, std::string_view description = "") {
  JsonNode object = closed_object(description);
  add_table(object, table);
  return object;
}

JsonNode list_of(JsonNode item, std::string_view description) {
  JsonNode list = schema_of_type("array", description);
  list.set("items", std::move(item));
  return list;
}

template <class Spec>
JsonNode table_list(const ParamTable<Spec>& table, std::string_view description) {
  return list_of(table_object(table), description);
}

JsonNode numbers(std::string_view description) {
  JsonNode list = schema_of_type("array", description);
  list.set("minItems", JsonNode::number(1));
  list.set("items", schema_of_type("number"));
  return list;
}

JsonNode rows_of_numbers(std::string_view description) {
  JsonNode rows = schema_of_type("array", description);
  rows.set("minItems", JsonNode::number(1));
  rows.set("items", numbers(""));
  return rows;
}

// read_prices(): period name → CNY/kWh in [0, 100].
JsonNode prices(std::string_view description) {
  JsonNode map = schema_of_type("object", description);
  JsonNode price = schema_of_type("number", "Energy price of this period. Unit: CNY/kWh.");
  price.set("minimum", JsonNode::number(0));
  price.set("maximum", JsonNode::number(100));
  map.set("additionalProperties", std::move(price));
  return map;
}

// read_performance_table(): source and sink temperatures, COP rows and optional capacity rows.
JsonNode performance_table() {
  JsonNode table =
      closed_object("With `cop_method: table`: COP (and optionally capacity) by source and sink temperature.");
  JsonNode& properties = *table.find("properties");
  properties.set("source_c", numbers("Source temperatures, increasing. Unit: °C."));
  properties.set("sink_c", numbers("Sink temperatures, increasing. Unit: °C."));
  properties.set("cop", rows_of_numbers("COP: one row per source temperature, one value per sink temperature."));
  properties.set("capacity_kw",
                 rows_of_numbers("Capacity, the same shape as cop, scaled to rated_kw at the rating point. Unit: kW."));
  for (const char* key : {"source_c", "sink_c", "cop"}) require(table, key);
  return table;
}

template <class Spec>
JsonNode heat_pumps(const ParamTable<Spec>& table, std::string_view description) {
  JsonNode item = table_object(table);
  item.find("properties")->set("cop_table", performance_table());  // read_heat_pumps()
  return list_of(std::move(item), description);
}

// read_tariff() and read_season().
JsonNode tariff() {
  JsonNode season = table_object(season_params());
  JsonNode& season_properties = *season.find("properties");
  JsonNode months = schema_of_type("array", "Months of this season.");
  months.set("minItems", JsonNode::number(1));
  JsonNode month = schema_of_type("integer");
  month.set("minimum", JsonNode::number(1));
  month.set("maximum", JsonNode::number(12));
  months.set("items", std::move(month));
  season_properties.set("months", std::move(months));
  JsonNode periods = table_list(period_params(), "The day's periods; the first starts at 00:00.");
  periods.set("minItems", JsonNode::number(1));
  season_properties.set("periods", std::move(periods));
  season_properties.set("prices_cny_per_kwh", prices("Per-season overrides of the tariff's prices."));
  require(season, "months");
  require(season, "periods");

  JsonNode tariff = table_object(tariff_params(), "Time-of-use prices, demand or capacity charge and export price.");
  JsonNode& properties = *tariff.find("properties");
  properties.set("prices_cny_per_kwh", prices("Period name (critical_peak, peak, flat, valley or your own) → price."));
  properties.set("seasons", list_of(std::move(season), "Seasons; together they cover each month exactly once."));
  return tariff;
}

JsonNode grid() {
  JsonNode grid = table_object(grid_params(), "The connection to the public grid.");
  JsonNode& properties = *grid.find("properties");
  properties.set("tariff", tariff());
  properties.set("emission_factor",
                 table_object(emission_factor_params(), "An emission factor from a published table."));
  return grid;
}

// read_carbon_ledger().
JsonNode carbon_ledger() {
  JsonNode credits = table_object(carbon_credit_params(), "Credits the members' EV charging earns.");
  credits.find("properties")
      ->set("periods", schema_of_names("Tariff periods when charging earns the credit (valley)."));
  JsonNode account = table_object(carbon_account_params());
  JsonNode& account_properties = *account.find("properties");
  account_properties.set("members", schema_of_names("Components (and `line_losses`) whose share the account sums."));
  account_properties.set("credits", std::move(credits));
  require(account, "members");

  JsonNode ledger = table_object(carbon_ledger_params(), "The park's carbon ledger beyond its electricity.");
  JsonNode& properties = *ledger.find("properties");
  properties.set("recyclables", table_list(recyclable_params(), "Materials recycled over the run."));
  properties.set("offsets", table_list(carbon_offset_params(), "Offsets bought."));
  properties.set("accounts", list_of(std::move(account), "Carbon accounts of tenants or zones."));
  return ledger;
}

JsonNode economics() {
  JsonNode economics = table_object(economics_params(), "What the design costs to build and keep.");
  for (const AssetCostTable& a : economics_asset_cost_tables())
    economics.find("properties")->set(a.key, table_object(a.params(), "Costs of this asset class."));
  return economics;
}

// The reader takes any number here; the chosen controller (or plug-in) checks keys and ranges when
// the park is compiled, so the schema lists the built-in controllers' settings for completion only.
JsonNode controller_settings() {
  // key → description → the controllers (with default and range) that declare it so.
  std::map<std::string, std::map<std::string, std::string>> described;
  for (std::string_view name : controller_names()) {
    for (const ControllerSetting& c : make_controller(name)->settings()) {
      char range[128];
      std::snprintf(range, sizeof range, "%s: default %g, %g … %g", std::string(name).c_str(), c.default_value, c.min,
                    c.max);
      std::string& controllers = described[std::string(c.key)][std::string(c.description)];
      controllers += (controllers.empty() ? "" : "; ") + std::string(range);
    }
  }
  JsonNode settings = schema_of_type("object", "Settings of the chosen controller (simulation.controller).");
  JsonNode& properties = settings.set("properties", JsonNode::object());
  for (const auto& [key, by_description] : described) {
    std::string text;
    for (const auto& [description, controllers] : by_description)
      text += (text.empty() ? "" : " ") + description + " (" + controllers + ")";
    properties.set(key, schema_of_type("number", text));
  }
  settings.set("additionalProperties", schema_of_type("number"));
  return settings;
}

JsonNode local_controllers() {
  JsonNode item = table_object(local_controller_params());
  item.find("properties")->set("devices", schema_of_names("Devices this controller owns."));
  require(item, "devices");
  return list_of(std::move(item), "Controllers of their own for some devices.");
}

JsonNode network() {
  JsonNode network = table_object(network_params(), "The park's control network.");
  JsonNode& properties = *network.find("properties");
  properties.set("gateways", table_list(network_gateway_params(), "Gateways between devices and the controller."));
  properties.set("links", table_list(network_link_params(), "Devices on the network."));
  return network;
}

}  // namespace

std::string scenario_json_schema() {
  JsonNode root = JsonNode::object();
  root.set("$schema", JsonNode::string("http://json-schema.org/draft-07/schema#"));
  root.set("title", JsonNode::string("ZeroPark scenario"));
  root.set("description", JsonNode::string("A ZeroPark scenario: one park, its weather, equipment and controller."));
  root.set("type", JsonNode::string("object"));
  root.set("additionalProperties", JsonNode::boolean(false));
  root.set("properties", JsonNode::object());
  JsonNode& p = *root.find("properties");
  // read_document(): the top-level keys, in kTopLevelKeys' order (a test checks they match).
  p.set("name", schema_of_name("Name of the scenario."));
  JsonNode description = schema_of_name("What the scenario models.");
  description.set("minLength", JsonNode::number(0));  // read_document() takes an empty description
  p.set("description", std::move(description));
  p.set("simulation", table_object(simulation_params(), "When, how finely and with what the park is simulated."));
  p.set("buses", table_list(bus_params(), "Electrical buses (nodes)."));
  p.set("lines", table_list(line_params(), "Lines and transformers between buses."));
  p.set("pv", table_list(pv_params(), "PV arrays with their inverters."));
  p.set("batteries", table_list(battery_params(), "Stationary batteries."));
  p.set("loads", table_list(load_params(), "Electric loads from hourly profiles."));
  p.set("grid", grid());
  p.set("wind_turbines", table_list(wind_turbine_params(), "Wind turbine groups."));
  p.set("heat_buses", table_list(heat_bus_params(), "Heating and cooling buses."));
  p.set("heat_pumps", heat_pumps(heat_pump_params(), "Heat pumps from an electrical bus to a heating bus."));
  p.set("chillers", heat_pumps(chiller_params(), "Chillers from an electrical bus to a cooling bus."));
  p.set("thermal_storage", table_list(thermal_storage_params(), "Hot- or chilled-water tanks."));
  p.set("heat_loads", table_list(heat_load_params(), "Heat or cooling demand from hourly profiles."));
  p.set("green_spaces", table_list(green_space_params(), "Carbon sinks: vegetation."));
  p.set("buildings", table_list(building_params(), "Buildings modelled with ISO 13790's 5R1C network."));
  p.set("data_centres", table_list(data_centre_params(), "Data centres."));
  p.set("ev_chargers", table_list(ev_charger_params(), "EV charge points and their sessions."));
  p.set("pvt", table_list(pvt_params(), "PV/thermal collectors."));
  p.set("h2_tanks", table_list(h2_tank_params(), "Hydrogen tanks."));
  p.set("electrolysers", table_list(electrolyser_params(), "Electrolysers filling a tank."));
  p.set("fuel_cells", table_list(fuel_cell_params(), "Fuel cells drawing on a tank."));
  p.set("h2_demands", table_list(h2_demand_params(), "Hydrogen taken by vehicles."));
  p.set("controller_settings", controller_settings());
  p.set("outages", table_list(outage_params(), "When the grid or a piece of equipment is out of service."));
  p.set("local_controllers", local_controllers());
  p.set("network", network());
  p.set("carbon_ledger", carbon_ledger());
  p.set("economics", economics());
  require(root, "name");
  require(root, "simulation");
  return root.dump();
}

}  // namespace zeropark
