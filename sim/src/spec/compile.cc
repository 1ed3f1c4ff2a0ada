// ParkSpec → ParkModel: resolve names, cross-check fields, load inputs, build the topology.
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "components/load.h"
#include "inputs/hourly_csv.h"
#include "spec/compile_carbon.h"
#include "spec/compile_economics.h"
#include "spec/compile_components.h"
#include "spec/compile_controllers.h"
#include "spec/compile_network.h"
#include "spec/compile_outages.h"
#include "spec/compile_support.h"
#include "spec/param_table.h"
#include "time/calendar.h"
#include "weather/epw.h"
#include "zeropark/controller.h"
#include "zeropark/error.h"
#include "zeropark/model.h"

namespace zeropark {
namespace {

const SourceRef& sim_key(const SimulationSpec& sim, const std::string& key) {
  return key_or_section(sim.key_at, key, sim.at);
}

CivilTime parse_time(const SimulationSpec& sim, const std::string& text, const std::string& key) {
  const std::optional<CivilTime> t = parse_iso(text);
  if (!t)
    fail(sim_key(sim, key), "simulation." + key,
         "expected an ISO 8601 local time like 2023-01-01T00:00, got '" + text + "'");
  return *t;
}

// One namespace for buses and components, so every name in a trace is unambiguous.
class NameRegistry {
 public:
  void add(const std::string& name, const SourceRef& at) {
    // Names become HDF5 paths in the trace: no '/', no control characters, not "." or "..".
    const bool control =
        std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
    if (name == "." || name == ".." || name.find('/') != std::string::npos || control)
      fail(at, "name",
           "'" + name + "' cannot be a name: names may not contain '/' or control characters, nor be '.' or '..'");
    const auto [it, inserted] = first_seen_.emplace(name, at);
    if (inserted) return;
    // Point at the later of the two definitions in the file, whichever section was read first.
    const bool this_is_later = at.line >= it->second.line;
    const SourceRef& later = this_is_later ? at : it->second;
    const SourceRef& earlier = this_is_later ? it->second : at;
    fail(later, "name", "duplicate name '" + name + "' (first used at line " + std::to_string(earlier.line) + ")");
  }

 private:
  std::map<std::string, SourceRef> first_seen_;
};

int bus_index(const std::map<std::string, int>& buses, const std::string& name, const SourceRef& at,
              const std::string& field) {
  const auto it = buses.find(name);
  if (it != buses.end()) return it->second;
  std::vector<std::string_view> names;
  for (const auto& [n, i] : buses) names.push_back(n);
  const std::string hint = closest_key(name, names);
  fail(at, field, "no bus named '" + name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
}

int parse_hhmm(const TariffPeriodSpec& p, const std::string& field) {
  const std::string& s = p.start_hhmm;
  const bool shaped = s.size() == 5 && s[2] == ':' && std::isdigit(s[0]) && std::isdigit(s[1]) && std::isdigit(s[3]) &&
                      std::isdigit(s[4]);
  const int h = shaped ? std::stoi(s.substr(0, 2)) : -1;
  const int m = shaped ? std::stoi(s.substr(3, 2)) : -1;
  if (!shaped || h > 23 || m > 59) fail(p.at, field, "expected a local time HH:MM, got '" + s + "'");
  return h * 3600 + m * 60;
}

TariffModel compile_tariff(const TariffSpec& spec, const SourceRef& grid_at) {
  TariffModel t;
  t.export_price_cny_per_kwh = spec.export_price_cny_per_kwh;
  t.demand_charge_cny_per_kw_month = spec.demand_charge_cny_per_kw_month;
  t.capacity_charge_cny_per_kva_month = spec.capacity_charge_cny_per_kva_month;
  t.contracted_capacity_kva = spec.contracted_capacity_kva;
  t.demand_window_s = static_cast<Tick>(spec.demand_window_s);
  const SourceRef& at = spec.at.line > 0 ? spec.at : grid_at;
  if (3600 % t.demand_window_s != 0)
    fail(key_or_section(spec.key_at, "demand_window_s", at), "grid.tariff.demand_window_s", "must divide 3600 s");
  if (t.capacity_charge_cny_per_kva_month > 0 && t.contracted_capacity_kva <= 0)
    fail(key_or_section(spec.key_at, "capacity_charge_cny_per_kva_month", at), "grid.tariff.contracted_capacity_kva",
         "a capacity charge needs the contracted capacity");

  if (spec.seasons.empty()) {
    // A single-rate tariff: one price all day, all year (free when none is given).
    if (spec.prices_cny_per_kwh.size() > 1)
      fail(at, "grid.tariff.seasons", "several prices need seasons with periods saying when each applies");
    std::pair<std::string, double> flat{"flat", 0.0};
    if (!spec.prices_cny_per_kwh.empty()) flat = *spec.prices_cny_per_kwh.begin();
    t.period_names = {flat.first};
    TariffModel::Season all_year{"all_year", {TariffModel::Segment{0, 0, flat.second}}};
    t.seasons = {all_year};
    t.season_of_month.fill(0);
    return t;
  }
  for (const auto& [name, price] : spec.prices_cny_per_kwh) t.period_names.push_back(name);
  t.season_of_month.fill(-1);
  for (const TariffSeasonSpec& season_spec : spec.seasons) {
    TariffModel::Season season{season_spec.name, {}};
    const int season_index = static_cast<int>(t.seasons.size());
    const std::string season_field = "grid.tariff.seasons[" + std::to_string(season_index) + "].";
    for (int month : season_spec.months) {
      if (t.season_of_month[month - 1] >= 0)
        fail(season_spec.at, season_field + "months", "month " + std::to_string(month) + " is in two seasons");
      t.season_of_month[month - 1] = season_index;
    }
    for (std::size_t i = 0; i < season_spec.periods.size(); ++i) {
      const TariffPeriodSpec& p = season_spec.periods[i];
      const std::string field = season_field + "periods[" + std::to_string(i) + "].";
      const int start_s = parse_hhmm(p, field + "start");
      if (season.segments.empty() && start_s != 0)
        fail(p.at, field + "start", "a season's first period must start at 00:00");
      if (!season.segments.empty() && start_s <= season.segments.back().start_s)
        fail(p.at, field + "start", "periods must be listed in increasing start time");
      const auto own = season_spec.prices_cny_per_kwh.find(p.period);
      const auto shared = spec.prices_cny_per_kwh.find(p.period);
      if (own == season_spec.prices_cny_per_kwh.end() && shared == spec.prices_cny_per_kwh.end())
        fail(p.at, field + "period", "no price for period '" + p.period + "' in prices_cny_per_kwh");
      auto name_it = std::find(t.period_names.begin(), t.period_names.end(), p.period);
      if (name_it == t.period_names.end()) name_it = t.period_names.insert(t.period_names.end(), p.period);
      const double price = own != season_spec.prices_cny_per_kwh.end() ? own->second : shared->second;
      season.segments.push_back({start_s, static_cast<int>(name_it - t.period_names.begin()), price});
    }
    // A season's own price for a period none of its periods uses is a typo, not a choice.
    for (const auto& [period, price] : season_spec.prices_cny_per_kwh) {
      const bool used = std::any_of(season_spec.periods.begin(), season_spec.periods.end(),
                                    [&](const TariffPeriodSpec& p) { return p.period == period; });
      if (!used)
        fail(season_spec.at, season_field + "prices_cny_per_kwh." + period,
             "season '" + season_spec.name + "' prices period '" + period + "', which none of its periods uses");
    }
    t.seasons.push_back(std::move(season));
  }
  for (int m = 1; m <= 12; ++m)
    if (t.season_of_month[m - 1] < 0)
      fail(at, "grid.tariff.seasons", "month " + std::to_string(m) + " is in no season");
  return t;
}

// The graph of a compiled model: buses and components as vertices, lines and attachments as edges.
// Heat buses are vertices too, joined to the electrical network by heat pumps and chillers.
TopologyGraph topology_of(const ParkModel& model) {
  TopologyGraph g;
  for (int b = 0; b < static_cast<int>(model.buses.size()); ++b) add_vertex({VertexKind::kBus, b}, g);
  for (int l = 0; l < static_cast<int>(model.lines.size()); ++l)
    add_edge(model.lines[l].parent_bus, model.lines[l].child_bus, TopologyEdge{l}, g);
  const auto attach = [&](VertexKind kind, int index, std::size_t vertex) {
    const auto v = add_vertex({kind, index}, g);
    add_edge(v, vertex, TopologyEdge{-1}, g);
    return v;
  };
  for (int i = 0; i < static_cast<int>(model.pv_arrays.size()); ++i) attach(VertexKind::kPv, i, model.pv_arrays[i].bus);
  for (int i = 0; i < static_cast<int>(model.batteries.size()); ++i)
    attach(VertexKind::kBattery, i, model.batteries[i].bus);
  for (int i = 0; i < static_cast<int>(model.loads.size()); ++i) attach(VertexKind::kLoad, i, model.loads[i].bus);
  for (int i = 0; i < static_cast<int>(model.wind_turbines.size()); ++i)
    attach(VertexKind::kWind, i, model.wind_turbines[i].bus);
  for (int i = 0; i < static_cast<int>(model.data_centres.size()); ++i)
    attach(VertexKind::kDataCentre, i, model.data_centres[i].bus);
  for (int i = 0; i < static_cast<int>(model.ev_chargers.size()); ++i)
    attach(VertexKind::kEvCharger, i, model.ev_chargers[i].bus);
  // Hydrogen tanks hang off the network through their electrolysers and fuel cells.
  std::vector<std::size_t> tank_vertex;
  for (int k = 0; k < static_cast<int>(model.h2_tanks.size()); ++k)
    tank_vertex.push_back(add_vertex({VertexKind::kH2Tank, k}, g));
  for (int i = 0; i < static_cast<int>(model.electrolysers.size()); ++i)
    add_edge(attach(VertexKind::kElectrolyser, i, model.electrolysers[i].bus), tank_vertex[model.electrolysers[i].tank],
             TopologyEdge{-1}, g);
  for (int i = 0; i < static_cast<int>(model.h2_demands.size()); ++i)
    attach(VertexKind::kH2Demand, i, tank_vertex[model.h2_demands[i].tank]);
  attach(VertexKind::kGrid, 0, model.grid.bus);
  std::vector<std::size_t> heat_bus_vertex;
  for (int h = 0; h < static_cast<int>(model.heat_buses.size()); ++h)
    heat_bus_vertex.push_back(add_vertex({VertexKind::kHeatBus, h}, g));
  for (int i = 0; i < static_cast<int>(model.heat_pumps.size()); ++i) {
    const auto v = attach(VertexKind::kHeatPump, i, model.heat_pumps[i].bus);
    add_edge(v, heat_bus_vertex[model.heat_pumps[i].heat_bus], TopologyEdge{-1}, g);
  }
  for (int k = 0; k < static_cast<int>(model.thermal_storages.size()); ++k)
    attach(VertexKind::kThermalStorage, k, heat_bus_vertex[model.thermal_storages[k].heat_bus]);
  for (int i = 0; i < static_cast<int>(model.heat_loads.size()); ++i)
    attach(VertexKind::kHeatLoad, i, heat_bus_vertex[model.heat_loads[i].bus]);
  for (int i = 0; i < static_cast<int>(model.pvt.size()); ++i)
    add_edge(attach(VertexKind::kPvt, i, model.pvt[i].bus), heat_bus_vertex[model.pvt[i].heat_bus], TopologyEdge{-1},
             g);
  for (int i = 0; i < static_cast<int>(model.fuel_cells.size()); ++i) {
    const auto v = attach(VertexKind::kFuelCell, i, model.fuel_cells[i].bus);
    add_edge(v, tank_vertex[model.fuel_cells[i].tank], TopologyEdge{-1}, g);
    if (model.fuel_cells[i].heat_bus >= 0)
      add_edge(v, heat_bus_vertex[model.fuel_cells[i].heat_bus], TopologyEdge{-1}, g);
  }
  for (int i = 0; i < static_cast<int>(model.buildings.size()); ++i) {
    const auto v = attach(VertexKind::kBuilding, i, heat_bus_vertex[model.buildings[i].heat_bus]);
    if (model.buildings[i].cooling_bus >= 0)
      add_edge(v, heat_bus_vertex[model.buildings[i].cooling_bus], TopologyEdge{-1}, g);
  }
  return g;
}

// Orients lines away from the grid's bus and rejects islands and loops, using the Boost graph.
void build_topology(ParkModel& model, const ParkSpec& spec) {
  model.topology = topology_of(model);
  TopologyGraph& g = model.topology;
  std::vector<int> island(num_vertices(g));
  boost::connected_components(g, island.data());
  const int grid_island = island[static_cast<std::size_t>(model.grid.bus)];
  for (std::size_t v = 0; v < num_vertices(g); ++v) {
    if (island[v] == grid_island) continue;
    const TopologyVertex& tv = g[v];
    const auto name_and_at = [&]() -> std::pair<std::string, SourceRef> {
      switch (tv.kind) {
        case VertexKind::kBus:
          return {spec.buses[tv.index].name, spec.buses[tv.index].at};
        case VertexKind::kPv:
          return {spec.pv_arrays[tv.index].name, spec.pv_arrays[tv.index].at};
        case VertexKind::kBattery:
          return {spec.batteries[tv.index].name, spec.batteries[tv.index].at};
        case VertexKind::kLoad:
          return {spec.loads[tv.index].name, spec.loads[tv.index].at};
        case VertexKind::kWind:
          return {spec.wind_turbines[tv.index].name, spec.wind_turbines[tv.index].at};
        case VertexKind::kH2Tank:
          return {spec.h2_tanks[tv.index].name, spec.h2_tanks[tv.index].at};
        case VertexKind::kH2Demand:
          return {spec.h2_demands[tv.index].name, spec.h2_demands[tv.index].at};
        case VertexKind::kPvt:
        case VertexKind::kElectrolyser:
        case VertexKind::kFuelCell:
          break;  // always joined to an electrical bus
        case VertexKind::kEvCharger:
          return {spec.ev_chargers[tv.index].name, spec.ev_chargers[tv.index].at};
        case VertexKind::kDataCentre:
          return {spec.data_centres[tv.index].name, spec.data_centres[tv.index].at};
        case VertexKind::kHeatBus:
          return {spec.heat_buses[tv.index].name, spec.heat_buses[tv.index].at};
        case VertexKind::kThermalStorage:
          return {spec.thermal_storages[tv.index].name, spec.thermal_storages[tv.index].at};
        case VertexKind::kHeatLoad:
          return {spec.heat_loads[tv.index].name, spec.heat_loads[tv.index].at};
        case VertexKind::kBuilding:
          return {spec.buildings[tv.index].name, spec.buildings[tv.index].at};
        case VertexKind::kHeatPump:  // always joined to an electrical bus
        case VertexKind::kGrid:
          break;
      }
      return {spec.grids[0].name, spec.grids[0].at};
    }();
    if (tv.kind == VertexKind::kH2Tank || tv.kind == VertexKind::kH2Demand)
      fail(name_and_at.second, "'" + name_and_at.first + "'",
           "its hydrogen tank has no electrolyser or fuel cell: nothing joins it to the park");
    const bool heat_side = tv.kind == VertexKind::kHeatBus || tv.kind == VertexKind::kThermalStorage ||
                           tv.kind == VertexKind::kHeatLoad || tv.kind == VertexKind::kBuilding;
    if (heat_side)
      fail(name_and_at.second, "'" + name_and_at.first + "'",
           "its heat bus has no heat pump or chiller: nothing supplies it from the park's electricity");
    fail(name_and_at.second, "'" + name_and_at.first + "'",
         "cannot reach the grid connection on bus '" + model.buses[model.grid.bus].name +
             "': an island without a slack (add a line to it)");
  }
  // A connected graph of buses is a tree exactly when it has one line fewer than buses.
  std::size_t connected_buses = 0;
  for (std::size_t b = 0; b < model.buses.size(); ++b) connected_buses += island[b] == grid_island;
  if (model.lines.size() >= connected_buses)
    fail(spec.lines.back().at, "lines",
         "the lines form a loop; ZeroPark solves radial (tree) networks, as parks are built");

  // Breadth-first from the grid's bus: orient each line parent → child.
  std::vector<int> order = {model.grid.bus};
  std::vector<bool> seen(model.buses.size(), false);
  seen[static_cast<std::size_t>(model.grid.bus)] = true;
  for (std::size_t next = 0; next < order.size(); ++next) {
    const int bus = order[next];
    for (int l = 0; l < static_cast<int>(model.lines.size()); ++l) {
      LineModel& line = model.lines[l];
      int other = -1;
      if (line.parent_bus == bus && !seen[line.child_bus]) other = line.child_bus;
      if (line.child_bus == bus && !seen[line.parent_bus]) {
        std::swap(line.parent_bus, line.child_bus);
        other = line.child_bus;
      }
      if (other < 0) continue;
      seen[static_cast<std::size_t>(other)] = true;
      model.buses[other].parent_line = l;
      model.buses[bus].child_lines.push_back(l);
      order.push_back(other);
    }
  }
  model.buses_leaves_first.assign(order.rbegin(), order.rend());
}

std::vector<double> carbon_series(const GridSpec& grid, const std::filesystem::path& dir) {
  if (grid.carbon_intensity_csv.empty()) return std::vector<double>(8760, grid.carbon_intensity_kg_per_kwh);
  const std::filesystem::path path = dir / grid.carbon_intensity_csv;
  if (!std::filesystem::exists(path))
    fail(key_or_section(grid.key_at, "carbon_intensity_csv", grid.at), "grid.carbon_intensity_csv",
         "cannot open carbon-intensity series '" + path.string() + "'");
  return read_hourly_csv(path, "grid.carbon_intensity_csv", 0, 3).values;
}

}  // namespace

ParkModel compile_park(const ParkSpec& spec) {
  ParkModel model;
  const std::filesystem::path dir = spec.file.has_parent_path() ? spec.file.parent_path() : ".";
  const SimulationSpec& sim = spec.simulation;
  model.name = spec.name;
  model.description = spec.description;
  // Absolute, so that a trace names its scenario wherever it is read from (zeropark-view replays).
  model.scenario_file =
      spec.file.empty() ? std::string() : std::filesystem::absolute(spec.file).lexically_normal().string();
  model.scenario_text = spec.text;

  model.start = parse_time(sim, sim.start_iso, "start");
  const CivilTime end = parse_time(sim, sim.end_iso, "end");
  model.end_tick = seconds_from_civil(end) - seconds_from_civil(model.start);
  if (model.end_tick <= 0) fail(sim_key(sim, "end"), "simulation.end", "must be after simulation.start");
  // Checked here as well as in the parameter table: command-line overrides arrive after reading.
  if (!(sim.resolution_s >= 1 && sim.resolution_s <= 3600) || sim.resolution_s != std::floor(sim.resolution_s) ||
      3600 % static_cast<Tick>(sim.resolution_s) != 0)
    fail(sim_key(sim, "resolution_s"), "simulation.resolution_s",
         "must be a whole number of seconds that divides 3600 (an hour holds whole steps), got " +
             std::to_string(sim.resolution_s));
  model.resolution_s = static_cast<Tick>(sim.resolution_s);
  if (model.start.year < 1970) fail(sim_key(sim, "start"), "simulation.start", "years before 1970 are not supported");
  model.decision_interval_s =
      sim.decision_interval_s > 0 ? static_cast<Tick>(sim.decision_interval_s) : model.resolution_s;
  model.seed = static_cast<std::uint64_t>(sim.seed);
  model.delta_t_s = sim.delta_t_s;

  const std::filesystem::path weather_path = dir / sim.weather_path;
  if (!std::filesystem::is_regular_file(weather_path))
    fail(sim_key(sim, "weather"), "simulation.weather", "cannot open weather file '" + weather_path.string() + "'");
  model.weather = std::make_shared<const WeatherYear>(read_epw(weather_path));
  model.weather_file = weather_path.string();
  model.warnings = model.weather->warnings;

  NameRegistry names;
  if (spec.buses.empty()) fail({spec.file.string(), 1, 1}, "buses", "a park needs at least one bus");
  std::map<std::string, int> bus_of;
  for (const BusSpec& b : spec.buses) {
    names.add(b.name, b.at);
    bus_of[b.name] = static_cast<int>(model.buses.size());
    model.buses.push_back({b.name, -1, {}});
  }
  for (const LineSpec& l : spec.lines) {
    names.add(l.name, l.at);
    const int from = bus_index(bus_of, l.from_bus, l.at, "lines." + l.name + ".from");
    const int to = bus_index(bus_of, l.to_bus, l.at, "lines." + l.name + ".to");
    if (from == to) fail(l.at, "lines." + l.name + ".to", "a line must join two different buses");
    model.lines.push_back({l.name, from, to, l.capacity_kw, l.efficiency});
  }
  for (const PvSpec& p : spec.pv_arrays) {
    names.add(p.name, p.at);
    PvModel pv{p.name,
               bus_index(bus_of, p.bus, p.at, "pv." + p.name + ".bus"),
               p.dc_capacity_kw,
               p.ac_capacity_kw > 0 ? p.ac_capacity_kw : p.dc_capacity_kw / 1.2,
               p.tilt_deg,
               p.azimuth_deg,
               p.albedo,
               p.gamma_pdc_per_c,
               p.system_losses_fraction,
               p.inverter_efficiency,
               p.mounting == "open_rack"    ? PvMounting::kOpenRack
               : p.mounting == "roof_mount" ? PvMounting::kRoofMount
                                            : PvMounting::kInsulatedBack};
    pv.tracking = p.tracking == "single_axis" ? PvTracking::kSingleAxis
                  : p.tracking == "dual_axis" ? PvTracking::kDualAxis
                                              : PvTracking::kFixed;
    pv.axis_tilt_deg = p.axis_tilt_deg;
    pv.axis_azimuth_deg = p.axis_azimuth_deg;
    pv.max_angle_deg = p.max_angle_deg;
    pv.backtrack = p.backtrack == "yes";
    pv.gcr = p.gcr;
    pv.bifaciality = p.bifaciality;
    pv.module_height_m = p.module_height_m;
    model.pv_arrays.push_back(pv);
  }
  for (const BatterySpec& b : spec.batteries) {
    names.add(b.name, b.at);
    const std::string field = "batteries." + b.name + ".";
    if (b.soc_min >= b.soc_max)
      fail(b.at, field + "soc_min", "must be below soc_max (the SOC window is inverted or empty)");
    if (b.soc_initial < b.soc_min || b.soc_initial > b.soc_max)
      fail(b.at, field + "soc_initial", "must lie in [soc_min, soc_max]");
    BatteryModel m;
    m.name = b.name;
    m.bus = bus_index(bus_of, b.bus, b.at, field + "bus");
    m.capacity_kwh = b.capacity_kwh;
    m.max_charge_kw = b.max_charge_kw;
    m.max_discharge_kw = b.max_discharge_kw;
    m.charge_efficiency = b.charge_efficiency;
    m.discharge_efficiency = b.discharge_efficiency;
    m.energy_min_kwh = b.soc_min * b.capacity_kwh;
    m.energy_max_kwh = b.soc_max * b.capacity_kwh;
    m.energy_initial_kwh = b.soc_initial * b.capacity_kwh;
    if (b.backup_reserve_soc > 0 && (b.backup_reserve_soc < b.soc_min || b.backup_reserve_soc > b.soc_max))
      fail(b.at, field + "backup_reserve_soc", "must lie in [soc_min, soc_max] (or be 0: no reserve)");
    m.backup_reserve_kwh = b.backup_reserve_soc * b.capacity_kwh;
    // A fraction f lost per day at rest is exponential decay with rate k = −ln(1 − f) / 86400 s.
    m.self_discharge_per_s = -std::log1p(-b.self_discharge_per_day) / static_cast<double>(kSecondsPerDay);
    if (b.ageing == "standard") m.ageing = standard_battery_ageing();
    model.batteries.push_back(m);
  }
  for (const LoadSpec& l : spec.loads) {
    names.add(l.name, l.at);
    model.loads.push_back(compile_load(l, bus_index(bus_of, l.bus, l.at, "loads." + l.name + ".bus"), dir));
    model.loads.back().critical = l.critical == "yes";
  }
  for (std::size_t g = 0; g < spec.ev_chargers.size(); ++g) {
    const EvChargerSpec& c = spec.ev_chargers[g];
    names.add(c.name, c.at);
    // Each group draws its own stream, so adding a group does not change the others' sessions.
    const std::uint64_t stream_seed = model.seed * 0x9E3779B97F4A7C15ULL + g + 1;
    model.ev_chargers.push_back(compile_ev_charger(c, bus_index(bus_of, c.bus, c.at, "ev_chargers." + c.name + ".bus"),
                                                   dir, model.start, model.end_tick, stream_seed));
  }
  for (const DataCentreSpec& d : spec.data_centres) {
    names.add(d.name, d.at);
    model.data_centres.push_back(
        compile_data_centre(d, bus_index(bus_of, d.bus, d.at, "data_centres." + d.name + ".bus"), dir));
  }
  for (const WindTurbineSpec& w : spec.wind_turbines) {
    names.add(w.name, w.at);
    model.wind_turbines.push_back(
        compile_wind_turbine(w, bus_index(bus_of, w.bus, w.at, "wind_turbines." + w.name + ".bus"), dir));
  }
  std::map<std::string, int> heat_bus_of;
  for (const HeatBusSpec& h : spec.heat_buses) {
    names.add(h.name, h.at);
    heat_bus_of[h.name] = static_cast<int>(model.heat_buses.size());
    const HeatMedium medium = h.medium == "cooling" ? HeatMedium::kCooling : HeatMedium::kHeating;
    const double default_supply_c = medium == HeatMedium::kCooling ? 7.0 : 45.0;
    model.heat_buses.push_back(
        {h.name, medium, std::isnan(h.supply_temperature_c) ? default_supply_c : h.supply_temperature_c});
  }
  double annual_mean_air_c = 0;
  for (const WeatherHour& h : model.weather->hours)
    annual_mean_air_c += h.dry_bulb_c / static_cast<double>(model.weather->hours.size());
  const auto compile_pumps = [&](const std::vector<HeatPumpSpec>& pumps, bool cooling) {
    const std::string section = cooling ? "chillers." : "heat_pumps.";
    for (const HeatPumpSpec& hp : pumps) {
      names.add(hp.name, hp.at);
      const int heat_bus = bus_index(heat_bus_of, hp.heat_bus, hp.at, section + hp.name + ".heat_bus");
      const HeatMedium wanted = cooling ? HeatMedium::kCooling : HeatMedium::kHeating;
      if (model.heat_buses[heat_bus].medium != wanted)
        fail(hp.at, section + hp.name + ".heat_bus",
             "'" + hp.heat_bus + "' is a " + (cooling ? "heating" : "cooling") + " bus; " +
                 (cooling ? "chillers serve cooling buses" : "heat pumps serve heating buses"));
      model.heat_pumps.push_back(compile_heat_pump(
          hp, cooling, bus_index(bus_of, hp.bus, hp.at, section + hp.name + ".bus"), heat_bus, annual_mean_air_c));
    }
  };
  compile_pumps(spec.heat_pumps, false);
  compile_pumps(spec.chillers, true);
  for (const ThermalStorageSpec& t : spec.thermal_storages) {
    names.add(t.name, t.at);
    ThermalStorageModel tank;
    tank.name = t.name;
    tank.heat_bus = bus_index(heat_bus_of, t.heat_bus, t.at, "thermal_storage." + t.name + ".heat_bus");
    BatteryModel& store = tank.store;
    store.name = t.name;
    store.capacity_kwh = t.capacity_kwh;
    store.max_charge_kw = t.max_charge_kw;
    store.max_discharge_kw = t.max_discharge_kw;
    // Heat moves in and out without conversion; a tank can be emptied completely (its standing
    // loss then stops, so nothing has to hold it at the bottom).
    store.charge_efficiency = 1;
    store.discharge_efficiency = 1;
    store.energy_min_kwh = 0;
    store.energy_max_kwh = t.capacity_kwh;
    store.energy_initial_kwh = t.soc_initial * t.capacity_kwh;
    store.self_discharge_per_s = -std::log1p(-t.standing_loss_per_day) / static_cast<double>(kSecondsPerDay);
    model.thermal_storages.push_back(tank);
  }
  for (const LoadSpec& l : spec.heat_loads) {
    names.add(l.name, l.at);
    model.heat_loads.push_back(
        compile_load(l, bus_index(heat_bus_of, l.bus, l.at, "heat_loads." + l.name + ".bus"), dir));
  }
  for (const BuildingSpec& b : spec.buildings) {
    names.add(b.name, b.at);
    const std::string field = "buildings." + b.name + ".";
    const int heat_bus = bus_index(heat_bus_of, b.heat_bus, b.at, field + "heat_bus");
    if (model.heat_buses[heat_bus].medium != HeatMedium::kHeating)
      fail(b.at, field + "heat_bus", "'" + b.heat_bus + "' is a cooling bus");
    int cooling_bus = -1;
    if (!b.cooling_bus.empty()) {
      cooling_bus = bus_index(heat_bus_of, b.cooling_bus, b.at, field + "cooling_bus");
      if (model.heat_buses[cooling_bus].medium != HeatMedium::kCooling)
        fail(b.at, field + "cooling_bus", "'" + b.cooling_bus + "' is a heating bus");
    }
    if (b.cooling_setpoint_c <= b.heating_setpoint_c)
      fail(b.at, field + "cooling_setpoint_c", "must be above heating_setpoint_c");
    model.buildings.push_back(compile_building(b, heat_bus, cooling_bus));
  }
  for (const PvtSpec& p : spec.pvt) {
    names.add(p.name, p.at);
    const std::string field = "pvt." + p.name + ".";
    const int heat_bus = bus_index(heat_bus_of, p.heat_bus, p.at, field + "heat_bus");
    if (model.heat_buses[heat_bus].medium != HeatMedium::kHeating)
      fail(p.at, field + "heat_bus", "'" + p.heat_bus + "' is a cooling bus");
    model.pvt.push_back(compile_pvt(p, bus_index(bus_of, p.bus, p.at, field + "bus"), heat_bus));
  }
  std::map<std::string, int> tank_of;
  for (const H2TankSpec& t : spec.h2_tanks) {
    names.add(t.name, t.at);
    const std::string field = "h2_tanks." + t.name + ".";
    if (t.min_kg >= t.capacity_kg) fail(t.at, field + "min_kg", "must be below capacity_kg");
    if (t.initial_kg < t.min_kg || t.initial_kg > t.capacity_kg)
      fail(t.at, field + "initial_kg", "must lie in [min_kg, capacity_kg]");
    tank_of[t.name] = static_cast<int>(model.h2_tanks.size());
    model.h2_tanks.push_back({t.name, t.capacity_kg, t.min_kg, t.initial_kg});
  }
  for (const ElectrolyserSpec& e : spec.electrolysers) {
    names.add(e.name, e.at);
    const std::string field = "electrolysers." + e.name + ".";
    model.electrolysers.push_back(compile_electrolyser(e, bus_index(bus_of, e.bus, e.at, field + "bus"),
                                                       bus_index(tank_of, e.h2_tank, e.at, field + "h2_tank")));
  }
  for (const FuelCellSpec& f : spec.fuel_cells) {
    names.add(f.name, f.at);
    const std::string field = "fuel_cells." + f.name + ".";
    int heat_bus = -1;
    if (!f.heat_bus.empty()) {
      heat_bus = bus_index(heat_bus_of, f.heat_bus, f.at, field + "heat_bus");
      if (model.heat_buses[heat_bus].medium != HeatMedium::kHeating)
        fail(f.at, field + "heat_bus", "'" + f.heat_bus + "' is a cooling bus");
    }
    model.fuel_cells.push_back(compile_fuel_cell(f, bus_index(bus_of, f.bus, f.at, field + "bus"),
                                                 bus_index(tank_of, f.h2_tank, f.at, field + "h2_tank"), heat_bus));
  }
  for (const H2DemandSpec& d : spec.h2_demands) {
    names.add(d.name, d.at);
    H2DemandModel m;
    m.name = d.name;
    m.tank = bus_index(tank_of, d.h2_tank, d.at, "h2_demands." + d.name + ".h2_tank");
    m.daily_kg = d.daily_kg;
    m.hourly_shape = refuelling_station_hourly_shape();
    model.h2_demands.push_back(m);
  }
  // Every heat bus needs something that puts heat in (or takes it out, for cooling).
  std::vector<int> producers(model.heat_buses.size(), 0);
  for (const HeatPumpModel& hp : model.heat_pumps) ++producers[hp.heat_bus];
  for (const PvtModel& p : model.pvt) ++producers[p.heat_bus];
  for (const FuelCellModel& f : model.fuel_cells)
    if (f.heat_bus >= 0) ++producers[f.heat_bus];
  for (std::size_t h = 0; h < model.heat_buses.size(); ++h)
    if (producers[h] == 0)
      fail(spec.heat_buses[h].at, "heat_buses." + spec.heat_buses[h].name,
           model.heat_buses[h].medium == HeatMedium::kCooling
               ? "no chiller serves this cooling bus"
               : "nothing supplies this heating bus (no heat pump, PV/thermal or fuel cell)");
  for (const GreenSpaceSpec& gs : spec.green_spaces) {
    names.add(gs.name, gs.at);
    model.green_spaces.push_back(compile_green_space(gs));
  }

  if (spec.grids.size() != 1)
    fail({spec.file.string(), 1, 1}, "grid", "a park needs exactly one grid connection (its slack)");
  const GridSpec& g = spec.grids.front();
  names.add(g.name, g.at);
  model.grid.name = g.name;
  model.grid.bus = bus_index(bus_of, g.bus, g.at, "grid.bus");
  model.grid.import_limit_kw = g.import_limit_kw;
  model.grid.export_limit_kw = g.export_limit_kw;
  model.grid.carbon_kg_per_kwh_hourly =
      g.emission_factor.present ? std::vector<double>(8760, mee_emission_factor_kg_per_kwh(g, model.warnings))
                                : carbon_series(g, dir);
  model.grid.tariff = compile_tariff(g.tariff, g.at);
  model.carbon_ledger = compile_carbon_ledger(spec.carbon_ledger, model);
  model.economics = compile_economics(spec.economics);

  compile_controllers(spec, dir, model);
  model.network = compile_network(spec.network, model);
  model.outages = compile_outages(spec, model);

  build_topology(model, spec);
  return model;
}

ParkModel baseline_of(const ParkModel& model) {
  ParkModel baseline = model;
  baseline.name = model.name + " (baseline: no on-site generation, no storage)";
  baseline.pv_arrays.clear();
  baseline.wind_turbines.clear();
  baseline.batteries.clear();
  baseline.pvt.clear();
  baseline.thermal_storages.clear();
  baseline.fuel_cells.clear();
  baseline.green_spaces.clear();
  // Accounts keep their members the baseline still has: not the batteries.
  for (CarbonAccountModel& account : baseline.carbon_ledger.accounts) account.batteries.clear();
  // Cars still charge, but nothing sends energy back from them.
  for (EvChargerModel& c : baseline.ev_chargers) c.bidirectional = false;
  // Local controllers keep the devices the baseline still has (charger groups, electrolysers).
  for (LocalControllerModel& local : baseline.local_controllers) {
    local.batteries.clear();
    local.thermal_storages.clear();
    local.fuel_cells.clear();
  }
  // The baseline is the reference the network's effects are measured against, not a second victim.
  baseline.network = ControlNetworkModel{};
  // The grid's outages happen to the baseline too; those of equipment it does not have do not.
  std::erase_if(baseline.outages, [](const OutageProfileModel& o) {
    return o.kind != VertexKind::kGrid && o.kind != VertexKind::kHeatPump && o.kind != VertexKind::kEvCharger &&
           o.kind != VertexKind::kElectrolyser;
  });
  baseline.topology = topology_of(baseline);
  return baseline;
}

}  // namespace zeropark
