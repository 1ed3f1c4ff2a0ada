// Maps a park's state onto trace channels: one row per segment, in a fixed channel order.
#include <algorithm>
#include <string>
#include <vector>

#include "time/calendar.h"
#include "trace/ev_session_accounts.h"
#include "trace/hdf5_writer.h"
#include "zeropark/hdf5_trace.h"

#ifndef ZEROPARK_VERSION
#define ZEROPARK_VERSION "dev"
#endif

namespace zeropark {

struct Hdf5TraceSink::Impl {
  Hdf5TraceWriter writer;
  std::vector<double> row;
  std::string end_iso;
  double co2_kg = 0;                     // imports × factor in force, summed as the KPI accumulator does
  std::vector<CarbonLedgerLine> ledger;  // set at the run's end, written by commit()
  EvSessionAccounts ev_sessions;         // parks with charge points
};

Hdf5TraceSink::Hdf5TraceSink(std::filesystem::path path, Hdf5TraceOptions options)
    : impl_(std::make_unique<Impl>(
          Impl{Hdf5TraceWriter(std::move(path), {options.compress, 1, 8192}), {}, {}, 0.0, {}, {}})) {}

Hdf5TraceSink::~Hdf5TraceSink() = default;

namespace {

// Each component's group says what it is and where it connects, so that a reader can attribute
// energy, cost and CO2 per kind and per bus (a building or zone) without the scenario.
void tag_components(const ParkModel& model, Hdf5TraceWriter& w) {
  const auto tag = [&](const std::string& name, const char* kind, int bus, const std::vector<std::string>& bus_names) {
    const std::string g = "components/" + name;
    w.set_attribute(g, "kind", kind);
    if (bus >= 0) w.set_attribute(g, "bus", bus_names[static_cast<std::size_t>(bus)]);
  };
  std::vector<std::string> buses, heat_buses;
  for (const BusModel& b : model.buses) buses.push_back(b.name);
  for (const HeatBusModel& h : model.heat_buses) heat_buses.push_back(h.name);
  for (const PvModel& x : model.pv_arrays) tag(x.name, "pv", x.bus, buses);
  for (const BatteryModel& x : model.batteries) tag(x.name, "battery", x.bus, buses);
  for (const LoadModel& x : model.loads) tag(x.name, "load", x.bus, buses);
  for (const EvChargerModel& x : model.ev_chargers) tag(x.name, "ev_charger", x.bus, buses);
  for (const PvtModel& x : model.pvt) tag(x.name, "pvt", x.bus, buses);
  for (const ElectrolyserModel& x : model.electrolysers) tag(x.name, "electrolyser", x.bus, buses);
  for (const FuelCellModel& x : model.fuel_cells) tag(x.name, "fuel_cell", x.bus, buses);
  for (const H2TankModel& x : model.h2_tanks) tag(x.name, "h2_tank", -1, buses);
  for (const H2DemandModel& x : model.h2_demands) tag(x.name, "h2_demand", -1, buses);
  for (const DataCentreModel& x : model.data_centres) tag(x.name, "data_centre", x.bus, buses);
  for (const WindTurbineModel& x : model.wind_turbines) tag(x.name, "wind", x.bus, buses);
  for (const HeatPumpModel& x : model.heat_pumps) tag(x.name, x.cooling ? "chiller" : "heat_pump", x.bus, buses);
  for (const ThermalStorageModel& x : model.thermal_storages) tag(x.name, "thermal_storage", x.heat_bus, heat_buses);
  for (const LoadModel& x : model.heat_loads) tag(x.name, "heat_load", x.bus, heat_buses);
  for (const BuildingModel& x : model.buildings) tag(x.name, "building", x.heat_bus, heat_buses);
  tag(model.grid.name, "grid", model.grid.bus, buses);
}

}  // namespace

void Hdf5TraceSink::on_run_start(const ParkModel& model, const ParkState&) {
  Hdf5TraceWriter& w = impl_->writer;
  w.add_channel("time", "duration_s", "s", "Length of the segment starting at tick_s");
  for (const PvModel& pv : model.pv_arrays) {
    const std::string g = "components/" + pv.name;
    w.add_channel(g, "power_kw", "kW", "AC power delivered to the bus (+ into the bus)");
    w.add_channel(g, "available_kw", "kW", "AC power the array could deliver (before curtailment)");
    w.add_channel(g, "clipped_dc_kw", "kW", "DC power lost to inverter clipping at the AC limit");
    w.add_channel(g, "poa_w_m2", "W/m2", "Plane-of-array irradiance");
    w.add_channel(g, "cell_temp_c", "degC", "Cell temperature");
  }
  for (const BatteryModel& b : model.batteries) {
    const std::string g = "components/" + b.name;
    w.add_channel(g, "power_kw", "kW", "Power at the bus: + discharging, - charging");
    w.add_channel(g, "setpoint_kw", "kW", "Controller's set-point in force");
    w.add_channel(g, "energy_kwh", "kWh", "Stored energy at the segment start");
    w.add_channel(g, "soc", "1", "State of charge at the segment start (energy / nameplate capacity)");
  }
  for (const LoadModel& l : model.loads) {
    const std::string g = "components/" + l.name;
    w.add_channel(g, "power_kw", "kW", "Power served (- out of the bus)");
    w.add_channel(g, "demand_kw", "kW", "Power demanded (>= 0)");
  }
  for (const EvChargerModel& c : model.ev_chargers) {
    const std::string g = "components/" + c.name;
    w.add_channel(g, "power_kw", "kW", "Group power at the bus: + V2G, - charging");
    w.add_channel(g, "request_kw", "kW", "What its cars asked for before the balance");
    w.add_channel(g, "plugged", "1", "Cars plugged in");
    w.add_channel(g, "setpoint_kw", "kW", "Controller's set-point (NaN: charge at once)");
  }
  for (const PvtModel& p : model.pvt) {
    const std::string g = "components/" + p.name;
    w.add_channel(g, "power_kw", "kW", "Electric power delivered (+ into the bus)");
    w.add_channel(g, "available_kw", "kW", "Electric power the collectors could deliver");
    w.add_channel(g, "thermal_kw", "kW", "Heat delivered to the heat bus");
  }
  for (const ElectrolyserModel& e : model.electrolysers) {
    const std::string g = "components/" + e.name;
    w.add_channel(g, "power_kw", "kW", "Electric power served (- out of the bus)");
    w.add_channel(g, "h2_kg_per_h", "kg/h", "Hydrogen made");
  }
  for (const FuelCellModel& f : model.fuel_cells) {
    const std::string g = "components/" + f.name;
    w.add_channel(g, "power_kw", "kW", "Electric power delivered (+ into the bus)");
    w.add_channel(g, "h2_kg_per_h", "kg/h", "Hydrogen used");
    w.add_channel(g, "heat_kw", "kW", "Recovered heat into its heat bus");
  }
  for (const H2TankModel& t : model.h2_tanks) {
    const std::string g = "components/" + t.name;
    w.add_channel(g, "level_kg", "kg", "Hydrogen stored at the segment start");
    w.add_channel(g, "net_kg_per_h", "kg/h", "Net flow: + filling");
  }
  for (const H2DemandModel& d : model.h2_demands) {
    const std::string g = "components/" + d.name;
    w.add_channel(g, "demand_kg_per_h", "kg/h", "Hydrogen asked for");
    w.add_channel(g, "served_kg_per_h", "kg/h", "Hydrogen dispensed");
  }
  for (const DataCentreModel& dc : model.data_centres) {
    const std::string g = "components/" + dc.name;
    w.add_channel(g, "power_kw", "kW", "Facility power served (- out of the bus)");
    w.add_channel(g, "demand_kw", "kW", "Facility power demanded (>= 0)");
    w.add_channel(g, "it_kw", "kW", "IT power");
    w.add_channel(g, "pue", "1", "Power usage effectiveness at the current weather");
  }
  for (const WindTurbineModel& t : model.wind_turbines) {
    const std::string g = "components/" + t.name;
    w.add_channel(g, "power_kw", "kW", "Power delivered to the bus (+ into the bus)");
    w.add_channel(g, "available_kw", "kW", "Power the turbines could deliver (before curtailment)");
    w.add_channel(g, "hub_wind_speed_m_s", "m/s", "Wind speed at hub height");
  }
  for (const HeatPumpModel& hp : model.heat_pumps) {
    const std::string g = "components/" + hp.name;
    const std::string thermal = hp.cooling ? "Cooling delivered to the cooling bus" : "Heat delivered to the heat bus";
    w.add_channel(g, "power_kw", "kW", "Electric power served (- out of the electric bus)");
    w.add_channel(g, "thermal_kw", "kW", thermal);
    w.add_channel(g, "capacity_kw", "kW", "Thermal capacity at the current temperatures");
    w.add_channel(g, "cop", "1", hp.cooling ? "EER at the current temperatures" : "COP at the current temperatures");
    w.add_channel(g, "source_temp_c", "degC", "Source temperature (chillers: where the condenser rejects heat)");
    w.add_channel(g, "on", "1", "1 while running");
  }
  for (const ThermalStorageModel& tank : model.thermal_storages) {
    const std::string g = "components/" + tank.name;
    w.add_channel(g, "thermal_kw", "kW", "Thermal power into the heat bus: + discharging, - charging");
    w.add_channel(g, "energy_kwh", "kWh", "Stored thermal energy at the segment start");
  }
  for (const LoadModel& l : model.heat_loads) {
    const std::string g = "components/" + l.name;
    w.add_channel(g, "thermal_kw", "kW", "Thermal power served (- out of the heat bus)");
    w.add_channel(g, "demand_kw", "kW", "Thermal power demanded (>= 0)");
  }
  for (const BuildingModel& b : model.buildings) {
    const std::string g = "components/" + b.name;
    w.add_channel(g, "heating_kw", "kW", "Heat served (- out of the heating bus), all buildings of the group");
    w.add_channel(g, "heating_demand_kw", "kW", "Heat that holds the heating set-point over the step");
    w.add_channel(g, "cooling_kw", "kW", "Cooling served (- out of the cooling bus)");
    w.add_channel(g, "cooling_demand_kw", "kW", "Cooling that holds the cooling set-point over the step");
    w.add_channel(g, "mass_temp_c", "degC", "Temperature of the thermal mass at the step start");
    w.add_channel(g, "air_temp_c", "degC", "Indoor air temperature if the demand is met");
  }
  for (const HeatBusModel& h : model.heat_buses)
    w.add_channel("heat_buses/" + h.name, "dumped_kw", "kW", "Surplus heat rejected (>= 0)");
  const std::string grid = "components/" + model.grid.name;
  w.add_channel(grid, "power_kw", "kW", "Grid exchange: + import, - export");
  w.add_channel(grid, "price_cny_per_kwh", "CNY/kWh", "Energy price in force");
  w.add_channel(grid, "carbon_kg_per_kwh", "kg/kWh", "Emission factor of imports in force");
  w.add_channel(grid, "tariff_period", "1", "Index into the tariff_periods attribute");
  // Only a park with outages has these: a run without them keeps its trace as it was.
  if (!model.outages.empty()) w.add_channel(grid, "connected", "1", "1 while connected, 0 while islanded");
  for (const OutageProfileModel& o : model.outages)
    w.add_channel("outages/" + o.component, "in_service", "1", "1 in service, 0 out (outages[] of the scenario)");
  for (const LineModel& l : model.lines) {
    const std::string g = "lines/" + l.name;
    w.add_channel(g, "sent_kw", "kW", "Power leaving the parent bus (+ towards the child)");
    w.add_channel(g, "received_kw", "kW", "Power arriving at the child bus (+ from the parent)");
  }
  impl_->row.assign(w.channel_count(), 0.0);
  tag_components(model, w);

  std::string periods;
  for (const std::string& p : model.grid.tariff.period_names) periods += (periods.empty() ? "" : ",") + p;
  w.set_attribute(grid + "/tariff_period", "tariff_periods", periods);
  w.set_attribute("time/tick_s", "start_iso", format_iso(model.start));
  w.set_root_attribute("zeropark_version", std::string(ZEROPARK_VERSION));
  w.set_root_attribute("scenario_name", model.name);
  w.set_root_attribute("scenario_file", model.scenario_file);
  w.set_root_attribute("seed", static_cast<std::int64_t>(model.seed));
  w.set_root_attribute("start_iso", format_iso(model.start));
  const Calendar calendar(model.start);
  w.set_root_attribute("end_iso", format_iso(calendar.at(model.end_tick)));
  w.set_root_attribute("resolution_s", static_cast<std::int64_t>(model.resolution_s));
  w.set_root_attribute("controller", model.controller);
  if (!model.controller_plugin.empty()) w.set_root_attribute("controller_plugin", model.controller_plugin);
  std::string locals;
  for (const LocalControllerModel& l : model.local_controllers) locals += (locals.empty() ? "" : ",") + l.controller;
  if (!locals.empty()) w.set_root_attribute("local_controllers", locals);
  w.set_root_attribute("sign_convention", std::string("power positive = into the bus"));
  w.write_text("scenario/yaml", model.scenario_text);
  // The tariff's non-energy terms, so that a reader can recompute the bill from the trace alone.
  const TariffModel& tariff = model.grid.tariff;
  w.write_scalar("tariff/export_price_cny_per_kwh", tariff.export_price_cny_per_kwh, "CNY/kWh",
                 "Price paid for exported energy");
  w.write_scalar("tariff/demand_charge_cny_per_kw_month", tariff.demand_charge_cny_per_kw_month, "CNY/(kW*month)",
                 "Charge on each calendar month's maximum demand");
  w.write_scalar("tariff/demand_window_s", static_cast<double>(tariff.demand_window_s), "s",
                 "Length of the clock-aligned windows over which demand is averaged");
  w.write_scalar("tariff/capacity_charge_cny_per_kva_month", tariff.capacity_charge_cny_per_kva_month,
                 "CNY/(kVA*month)", "Charge on the contracted capacity for each month the run touches");
  w.write_scalar("tariff/contracted_capacity_kva", tariff.contracted_capacity_kva, "kVA", "Contracted capacity");
}

void Hdf5TraceSink::on_event(const ParkModel& model, const ParkState& state, Tick duration_s) {
  if (!model.ev_chargers.empty()) impl_->ev_sessions.on_event(model, state, duration_s);
  const OperatingPoint& op = state.powers;
  double* v = impl_->row.data();
  *v++ = static_cast<double>(duration_s);
  for (std::size_t i = 0; i < model.pv_arrays.size(); ++i) {
    *v++ = op.pv_kw[i];
    *v++ = op.pv_available_kw[i];
    *v++ = op.pv_clipped_dc_kw[i];
    *v++ = op.pv_poa_w_m2[i];
    *v++ = op.pv_cell_temp_c[i];
  }
  for (std::size_t i = 0; i < model.batteries.size(); ++i) {
    *v++ = op.battery_kw[i];
    *v++ = state.battery_setpoint_kw[i];
    *v++ = state.battery_energy_kwh[i];
    *v++ = state.battery_energy_kwh[i] / model.batteries[i].capacity_kwh;
  }
  for (std::size_t i = 0; i < model.loads.size(); ++i) {
    *v++ = op.load_kw[i];
    *v++ = op.load_demand_kw[i];
  }
  for (std::size_t g = 0, p = 0; g < model.ev_chargers.size(); ++g) {
    int plugged = 0;
    for (int i = 0; i < model.ev_chargers[g].count; ++i, ++p) plugged += state.ev_point_session[p] >= 0;
    *v++ = op.ev_kw[g];
    *v++ = op.ev_request_kw[g];
    *v++ = static_cast<double>(plugged);
    *v++ = state.ev_setpoint_kw[g];
  }
  for (std::size_t i = 0; i < model.pvt.size(); ++i) {
    *v++ = op.pvt_kw[i];
    *v++ = op.pvt_available_kw[i];
    *v++ = op.pvt_thermal_kw[i];
  }
  for (std::size_t e = 0; e < model.electrolysers.size(); ++e) {
    *v++ = op.electrolyser_kw[e];
    *v++ = op.electrolyser_h2_kg_per_h[e];
  }
  for (std::size_t f = 0; f < model.fuel_cells.size(); ++f) {
    *v++ = op.fuel_cell_kw[f];
    *v++ = op.fuel_cell_h2_kg_per_h[f];
    *v++ = op.fuel_cell_heat_kw[f];
  }
  for (std::size_t k = 0; k < model.h2_tanks.size(); ++k) {
    *v++ = state.h2_tank_level_kg[k];
    *v++ = op.h2_tank_net_kg_per_h[k];
  }
  for (std::size_t d = 0; d < model.h2_demands.size(); ++d) {
    *v++ = op.h2_demand_kg_per_h[d];
    *v++ = op.h2_demand_served_kg_per_h[d];
  }
  for (std::size_t i = 0; i < model.data_centres.size(); ++i) {
    *v++ = op.data_centre_kw[i];
    *v++ = op.data_centre_demand_kw[i];
    *v++ = op.data_centre_it_kw[i];
    *v++ = op.data_centre_pue[i];
  }
  for (std::size_t i = 0; i < model.wind_turbines.size(); ++i) {
    *v++ = op.wind_kw[i];
    *v++ = op.wind_available_kw[i];
    *v++ = op.wind_hub_speed_m_s[i];
  }
  for (std::size_t i = 0; i < model.heat_pumps.size(); ++i) {
    *v++ = op.heat_pump_electric_kw[i];
    *v++ = op.heat_pump_thermal_kw[i];
    *v++ = op.heat_pump_max_kw[i];
    *v++ = op.heat_pump_cop[i];
    *v++ = op.heat_pump_source_c[i];
    *v++ = static_cast<double>(state.heat_pump_on[i]);
  }
  for (std::size_t k = 0; k < model.thermal_storages.size(); ++k) {
    *v++ = op.thermal_storage_kw[k];
    *v++ = state.thermal_storage_energy_kwh[k];
  }
  for (std::size_t i = 0; i < model.heat_loads.size(); ++i) {
    *v++ = op.heat_load_kw[i];
    *v++ = op.heat_load_demand_kw[i];
  }
  for (std::size_t b = 0; b < model.buildings.size(); ++b) {
    *v++ = op.building_heating_kw[b];
    *v++ = op.building_heating_demand_kw[b];
    *v++ = op.building_cooling_kw[b];
    *v++ = op.building_cooling_demand_kw[b];
    *v++ = state.building_mass_c[b];
    *v++ = op.building_air_c[b];
  }
  for (std::size_t h = 0; h < model.heat_buses.size(); ++h) *v++ = op.heat_bus_dumped_kw[h];
  *v++ = op.grid_kw;
  *v++ = op.price_cny_per_kwh;
  *v++ = op.carbon_kg_per_kwh;
  *v++ = static_cast<double>(op.tariff_period);
  if (!model.outages.empty()) *v++ = static_cast<double>(op.grid_connected);
  for (std::size_t p = 0; p < model.outages.size(); ++p) *v++ = op.out_of_service[p] ? 0.0 : 1.0;
  for (std::size_t l = 0; l < model.lines.size(); ++l) {
    *v++ = op.line_sent_kw[l];
    *v++ = op.line_received_kw[l];
  }
  impl_->writer.append_row(state.tick, impl_->row);
  impl_->co2_kg += energy_kwh(std::max(op.grid_kw, 0.0), duration_s) * op.carbon_kg_per_kwh;
}

namespace {

// One entry per EV session that plugged in during the run, each column its own dataset
// (docs/trace.md): who it was, what it asked for and drew, and its share of CO2 and cost.
void write_ev_sessions(Hdf5TraceWriter& w, const ParkModel& model, const std::vector<EvSessionAccount>& sessions) {
  std::vector<std::string> group;
  std::vector<double> session, arrival_s, departure_s, requested_kwh, drawn_kwh, v2g_kwh, co2_kg, cost_cny;
  for (const EvSessionAccount& a : sessions) {
    group.push_back(model.ev_chargers[static_cast<std::size_t>(a.group)].name);
    session.push_back(a.session);
    arrival_s.push_back(static_cast<double>(a.arrival_s));
    departure_s.push_back(static_cast<double>(a.departure_s));
    requested_kwh.push_back(a.requested_kwh);
    drawn_kwh.push_back(a.drawn_kwh);
    v2g_kwh.push_back(a.v2g_kwh);
    co2_kg.push_back(a.co2_kg);
    cost_cny.push_back(a.cost_cny);
  }
  w.write_strings("ev_sessions/group", group, "", "Charger group the car plugged into");
  w.write_vector("ev_sessions/session", session, "1", "The session's number in its group (arrival order)");
  w.write_vector("ev_sessions/arrival_s", arrival_s, "s", "Arrival, seconds after the scenario start");
  w.write_vector("ev_sessions/departure_s", departure_s, "s", "Departure, seconds after the scenario start");
  w.write_vector("ev_sessions/requested_kwh", requested_kwh, "kWh", "Energy the car asked for");
  w.write_vector("ev_sessions/drawn_kwh", drawn_kwh, "kWh", "Energy its charge point drew from the bus for it");
  w.write_vector("ev_sessions/v2g_kwh", v2g_kwh, "kWh", "Energy it gave back to the bus (V2G)");
  w.write_vector("ev_sessions/co2_kg", co2_kg, "kg",
                 "Its share of the imports' CO2: its group's share split by what each car drew");
  w.write_vector("ev_sessions/cost_cny", cost_cny, "CNY", "Its share of the imported energy's cost, the same way");
}

}  // namespace

void Hdf5TraceSink::on_run_end(const ParkModel& model, const ParkState& state) {
  impl_->writer.set_root_attribute("events", static_cast<std::int64_t>(state.events));
  impl_->ledger = carbon_ledger_lines(model, impl_->co2_kg, state.tick);
  if (!model.ev_chargers.empty()) write_ev_sessions(impl_->writer, model, impl_->ev_sessions.accounts());
}

namespace {

// The carbon ledger as a table of equal-length columns, one entry per line (docs/trace.md).
void write_carbon_ledger(Hdf5TraceWriter& w, const std::vector<CarbonLedgerLine>& ledger) {
  std::vector<std::string> line, kind, area;
  std::vector<double> co2_kg;
  for (const CarbonLedgerLine& l : ledger) {
    line.push_back(l.line);
    kind.push_back(l.kind);
    area.push_back(l.area);
    co2_kg.push_back(l.co2_kg);
  }
  w.write_strings("carbon_ledger/line", line, "", "What the ledger line counts");
  w.write_strings("carbon_ledger/kind", kind, "", "emission, sink, recycling or offset");
  w.write_strings("carbon_ledger/area", area, "", "Zone or tenant the line belongs to; empty when park-wide");
  w.write_vector("carbon_ledger/co2_kg", co2_kg, "kg", "CO2 over the run: + emitted, - taken up, avoided or offset");
}

}  // namespace

void Hdf5TraceSink::commit(const KpiTable& kpis, const KpiTable& baseline_kpis) {
  if (!impl_->ledger.empty()) {
    // The run's own co2_kg KPI, where given, so that the ledger and the KPIs agree to the bit.
    for (const Kpi& k : kpis)
      if (k.key == "co2_kg") impl_->ledger.front().co2_kg = k.value;
    write_carbon_ledger(impl_->writer, impl_->ledger);
  }
  for (const Kpi& k : kpis) impl_->writer.write_scalar("kpis/" + k.key, k.value, k.unit, k.description);
  for (const Kpi& k : baseline_kpis)
    impl_->writer.write_scalar("baseline_kpis/" + k.key, k.value, k.unit, k.description);
  impl_->writer.commit();
}

std::uint64_t Hdf5TraceSink::bytes_written() const { return impl_->writer.bytes_written(); }
std::uint64_t Hdf5TraceSink::rows() const { return impl_->writer.rows(); }

}  // namespace zeropark
