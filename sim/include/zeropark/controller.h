// Controllers: what dispatches the park's flexible devices.
//
// A controller is pure: it sees the model and an Observation, reads and writes its memory (which
// lives in ParkState, so forks and checkpoints carry it), and fills a Command. No clocks, no I/O,
// no global random numbers. The kernel calls it at decision events, through a SimGrid mailbox.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "zeropark/model.h"
#include "zeropark/units.h"

namespace zeropark {

// What a controller sees when it decides: the measurements at the decision instant.
struct Observation {
  Tick tick = 0;
  std::span<const double> pv_available_kw;
  std::span<const double> load_demand_kw;
  std::span<const double> battery_energy_kwh;
  double price_cny_per_kwh = 0;
  double carbon_kg_per_kwh = 0;
  // What the park needs from storage and the grid, kW: demand of loads, data centres, heat pumps,
  // electrolysers and EV groups without V2G, minus PV, wind, PV/thermal and fuel cells.
  // Loads and generation are those of the coming segment; the heat pumps', electrolysers' and
  // cars' demands are those of the last one (the plant has not dispatched the coming one yet).
  double net_demand_kw = 0;
  bool grid_connected = true;  // false while the grid connection is out: the park is an island
  double generation_kw = 0;       // on-site generation available now: PV, wind, PV/thermal, fuel cells
  double critical_demand_kw = 0;  // what critical loads and data centres ask for now
  int tariff_period = 0;   // index into model.grid.tariff.period_names
  double grid_kw = 0;      // the last segment's exchange: + import, − export
  std::span<const double> thermal_storage_energy_kwh;
  std::span<const double> h2_tank_level_kg;
  std::span<const double> heat_bus_demand_kw;  // per heat bus: heat (or cooling) asked for, last segment
  // Per EV charger group, for the cars plugged in now (see components/ev_charger.h):
  std::span<const double> ev_plugged;               // cars
  std::span<const double> ev_energy_needed_kwh;     // what they still lack for their departures
  std::span<const double> ev_charge_limit_kw;       // most they can draw now, at the bus
  std::span<const double> ev_forced_kw;             // what cars that must charge flat out draw
  std::span<const double> ev_v2g_limit_kw;          // most they can give back now (V2G points)
};

// What it asks for. Set-points hold until the next decision; the plant enforces every limit.
struct Command {
  std::vector<double> battery_setpoint_kw;  // + discharge into the bus, − charge from it
  // Left empty, or NaN per entry, the device follows its own rule: tanks follow the heat balance,
  // EV groups charge their cars at once.
  std::vector<double> thermal_storage_setpoint_kw;  // + discharge into the heat bus
  std::vector<double> ev_setpoint_kw;               // per charger group: + V2G, − charging
  std::vector<double> electrolyser_setpoint_kw;     // electric kW drawn; NaN: the refill rule
  std::vector<double> fuel_cell_setpoint_kw;        // electric kW delivered; NaN: off
};

// One tunable number of a controller, set in the scenario's `controller_settings` map.
struct ControllerSetting {
  std::string_view key;  // with its unit last, like every scenario key: target_import_kw
  double default_value = 0;
  double min = 0;
  double max = 0;
  std::string_view description;
};

// A figure about a controller's own work in a run (an LP's solve times, its iterations). Wall-clock
// figures differ from run to run, so they are reported beside the KPIs, never written to a trace.
struct ControllerStatistic {
  std::string key;  // with its unit last: mpc_solve_time_mean_ms
  double value = 0;
  std::string description;
};

class Controller {
 public:
  virtual ~Controller() = default;
  virtual std::string_view name() const = 0;
  // The settings it reads from model.controller_settings (absent keys take their defaults).
  virtual std::vector<ControllerSetting> settings() const { return {}; }
  // Size of the memory the controller keeps in ParkState::controller_memory.
  virtual std::size_t memory_size(const ParkModel&) const { return 0; }
  virtual void decide(const ParkModel& model, const Observation& observation, std::span<double> memory,
                      Command& command) const = 0;
  // Its figures so far (see ControllerStatistic); the kernel reads them once the run has ended.
  virtual std::vector<ControllerStatistic> statistics() const { return {}; }
};

// The built-in controllers, in one explicit list.
std::vector<std::string_view> controller_names();
// nullptr when no controller has this name.
std::unique_ptr<Controller> make_controller(std::string_view name);

// The park's controller as the model describes it: the supervisory controller (built-in or plug-in)
// with its local controllers, if any. Throws std::invalid_argument for an unknown name and
// PluginError (controllers/plugin_controller.h) for a plug-in that cannot be loaded.
std::unique_ptr<Controller> make_park_controller(const ParkModel& model);

// A setting's value in the model (checked at compile time), or its default.
double controller_setting(const ParkModel& model, const ControllerSetting& setting);

}  // namespace zeropark
