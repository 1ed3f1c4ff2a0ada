// Heat-led dispatch of each heat bus, then its settlement against the electric balance.
#include "kernel/heat_balance.h"

#include <algorithm>
#include <cmath>

#include "components/battery.h"

namespace zeropark {

std::vector<ThermalDemandBinding> thermal_demand_bindings(const ParkModel& model) {
  std::vector<int> load_bus, heating_bus, cooling_bus;
  for (const LoadModel& l : model.heat_loads) load_bus.push_back(l.bus);
  for (const BuildingModel& b : model.buildings) {
    heating_bus.push_back(b.heat_bus);
    cooling_bus.push_back(b.cooling_bus);
  }
  using O = OperatingPoint;
  return {
      {&O::heat_load_demand_kw, &O::heat_load_kw, load_bus},
      {&O::building_heating_demand_kw, &O::building_heating_kw, heating_bus},
      {&O::building_cooling_demand_kw, &O::building_cooling_kw, cooling_bus},
  };
}

HeatBalancer::HeatBalancer(const ParkModel& model)
    : model_(model),
      demands_(thermal_demand_bindings(model)),
      planned_free_heat_kw_(model.heat_buses.size(), 0.0),
      pumps_at_(model.heat_buses.size()),
      tanks_at_(model.heat_buses.size()),
      demands_at_(model.heat_buses.size()),
      tank_bound_in_s_(model.thermal_storages.size()) {
  for (int i = 0; i < static_cast<int>(model.heat_pumps.size()); ++i)
    pumps_at_[model.heat_pumps[i].heat_bus].push_back(i);
  for (int i = 0; i < static_cast<int>(model.thermal_storages.size()); ++i)
    tanks_at_[model.thermal_storages[i].heat_bus].push_back(i);
  for (int b = 0; b < static_cast<int>(demands_.size()); ++b)
    for (int i = 0; i < static_cast<int>(demands_[b].bus.size()); ++i)
      if (demands_[b].bus[i] >= 0) demands_at_[demands_[b].bus[i]].push_back({b, i});
}

double HeatBalancer::free_heat_kw(const OperatingPoint& op, int bus) const {
  double kw = 0;
  for (std::size_t i = 0; i < model_.pvt.size(); ++i)
    if (model_.pvt[i].heat_bus == bus) kw += op.pvt_thermal_kw[i];
  for (std::size_t i = 0; i < model_.fuel_cells.size(); ++i)
    if (model_.fuel_cells[i].heat_bus == bus) kw += op.fuel_cell_heat_kw[i];
  return kw;
}

double HeatBalancer::demand_kw(const OperatingPoint& op, int bus) const {
  double kw = 0;
  for (const DemandRef& d : demands_at_[bus]) kw += (op.*demands_[d.binding].demand)[d.index];
  return kw;
}

double HeatBalancer::served_kw(const OperatingPoint& op, int bus) const {
  double kw = 0;
  for (const DemandRef& d : demands_at_[bus]) kw -= (op.*demands_[d.binding].served)[d.index];
  return kw;
}

// Every demand on the bus gets the same fraction of what it asks for.
void HeatBalancer::serve_fraction(OperatingPoint& op, int bus, double fraction) const {
  for (const DemandRef& d : demands_at_[bus])
    (op.*demands_[d.binding].served)[d.index] = -(op.*demands_[d.binding].demand)[d.index] * fraction;
}

void HeatBalancer::dispatch(ParkState& state) {
  OperatingPoint& op = state.powers;
  const Tick now = state.tick;
  std::vector<int> merit;
  for (std::size_t h = 0; h < model_.heat_buses.size(); ++h) {
    const double demand = demand_kw(op, static_cast<int>(h));
    planned_free_heat_kw_[h] = free_heat_kw(op, static_cast<int>(h));
    double residual_kw = demand - planned_free_heat_kw_[h];  // what producers still have to deliver; < 0 is a surplus

    const auto run_tank = [&](int k, double request_kw) {
      const BatteryOperation run =
          operate_battery(model_.thermal_storages[k].store, state.thermal_storage_energy_kwh[k], request_kw);
      op.thermal_storage_kw[k] = run.power_kw;
      tank_bound_in_s_[k] = run.bound_in_s;
      residual_kw -= run.power_kw;
    };
    for (int k : tanks_at_[h])
      if (!std::isnan(state.thermal_storage_setpoint_kw[k])) run_tank(k, state.thermal_storage_setpoint_kw[k]);

    // Merit order: the best COP first; the model's order breaks ties, so the result is unique.
    merit = pumps_at_[h];
    std::stable_sort(merit.begin(), merit.end(),
                     [&](int a, int b) { return op.heat_pump_cop[a] > op.heat_pump_cop[b]; });
    for (int i : merit) {
      const HeatPumpModel& hp = model_.heat_pumps[i];
      const bool on = state.heat_pump_on[i] != 0;
      const Tick since = now - state.heat_pump_switched_tick[i];
      const bool held_off = !on && since < hp.min_off_s;
      const bool held_on = on && since < hp.min_on_s;
      const double capacity_kw = op.heat_pump_max_kw[i];
      const double minimum_kw = hp.min_load_fraction * capacity_kw;
      double output_kw = 0;
      if (held_off || capacity_kw <= 0)
        output_kw = 0;
      else if (residual_kw > 0)
        output_kw = std::clamp(residual_kw, minimum_kw, capacity_kw);
      else if (held_on)
        output_kw = minimum_kw;
      residual_kw -= output_kw;
      op.heat_pump_thermal_kw[i] = output_kw;
      op.heat_pump_electric_demand_kw[i] = output_kw > 0 ? output_kw / op.heat_pump_cop[i] : 0.0;
      const bool running = output_kw > 0 || held_on;
      if (running != on) {
        state.heat_pump_on[i] = running ? 1 : 0;
        state.heat_pump_switched_tick[i] = now;
        if (running) state.totals.heat_pump_starts[i] += 1;
      }
    }

    for (int k : tanks_at_[h])
      if (std::isnan(state.thermal_storage_setpoint_kw[k])) run_tank(k, residual_kw);

    const double served_fraction =
        demand > 0 ? std::clamp((demand - std::max(residual_kw, 0.0)) / demand, 0.0, 1.0) : 1.0;
    serve_fraction(op, static_cast<int>(h), served_fraction);
    op.heat_bus_dumped_kw[h] = std::max(-residual_kw, 0.0);
  }
}

void HeatBalancer::settle(ParkState& state) {
  OperatingPoint& op = state.powers;
  for (std::size_t h = 0; h < model_.heat_buses.size(); ++h) {
    double lost_kw = planned_free_heat_kw_[h] - free_heat_kw(op, static_cast<int>(h));
    for (int i : pumps_at_[h]) {
      const double asked_kw = op.heat_pump_electric_demand_kw[i];
      if (asked_kw <= 0) continue;
      const double granted_kw = -op.heat_pump_electric_kw[i];
      if (granted_kw >= asked_kw) continue;
      const double thermal_kw = op.heat_pump_thermal_kw[i] * (granted_kw / asked_kw);
      lost_kw += op.heat_pump_thermal_kw[i] - thermal_kw;
      op.heat_pump_thermal_kw[i] = thermal_kw;
    }
    if (lost_kw <= 0) continue;
    // The heat that did not come is missing first from the surplus, then from tanks being charged,
    // then from the demand.
    const double from_surplus_kw = std::min(lost_kw, op.heat_bus_dumped_kw[h]);
    op.heat_bus_dumped_kw[h] -= from_surplus_kw;
    lost_kw -= from_surplus_kw;
    double charging_kw = 0;
    for (int k : tanks_at_[h]) charging_kw += std::max(-op.thermal_storage_kw[k], 0.0);
    if (lost_kw > 0 && charging_kw > 0) {
      const double cut_kw = std::min(lost_kw, charging_kw);
      for (int k : tanks_at_[h]) {
        if (op.thermal_storage_kw[k] >= 0) continue;
        // Slower charging reaches the top later: the reduced power is feasible as it is.
        const double reduced_kw = op.thermal_storage_kw[k] * (1 - cut_kw / charging_kw);
        const BatteryOperation run =
            operate_battery(model_.thermal_storages[k].store, state.thermal_storage_energy_kwh[k], reduced_kw);
        op.thermal_storage_kw[k] = run.power_kw;
        tank_bound_in_s_[k] = run.bound_in_s;
      }
      lost_kw -= cut_kw;
    }
    if (lost_kw <= 0) continue;
    const double demand = demand_kw(op, static_cast<int>(h));
    const double fraction = demand > 0 ? std::max(served_kw(op, static_cast<int>(h)) - lost_kw, 0.0) / demand : 0.0;
    serve_fraction(op, static_cast<int>(h), fraction);
  }
}

std::optional<Tick> HeatBalancer::next_event(const ParkState& state) const {
  std::optional<Tick> next;
  const auto consider = [&](Tick t) {
    if (t > state.tick && (!next || t < *next)) next = t;
  };
  for (const std::optional<Tick>& bound : tank_bound_in_s_)
    if (bound) consider(state.tick + *bound);
  for (std::size_t i = 0; i < model_.heat_pumps.size(); ++i) {
    const HeatPumpModel& hp = model_.heat_pumps[i];
    const Tick hold_s = state.heat_pump_on[i] ? hp.min_on_s : hp.min_off_s;
    consider(state.heat_pump_switched_tick[i] + hold_s);
  }
  return next;
}

double max_heat_bus_imbalance_kw(const ParkModel& model, const OperatingPoint& op) {
  std::vector<double> sum(model.heat_buses.size(), 0.0);
  for (std::size_t i = 0; i < model.heat_pumps.size(); ++i)
    sum[model.heat_pumps[i].heat_bus] += op.heat_pump_thermal_kw[i];
  for (std::size_t k = 0; k < model.thermal_storages.size(); ++k)
    sum[model.thermal_storages[k].heat_bus] += op.thermal_storage_kw[k];
  for (std::size_t i = 0; i < model.pvt.size(); ++i) sum[model.pvt[i].heat_bus] += op.pvt_thermal_kw[i];
  for (std::size_t i = 0; i < model.fuel_cells.size(); ++i)
    if (model.fuel_cells[i].heat_bus >= 0) sum[model.fuel_cells[i].heat_bus] += op.fuel_cell_heat_kw[i];
  for (const ThermalDemandBinding& b : thermal_demand_bindings(model))
    for (std::size_t i = 0; i < b.bus.size(); ++i)
      if (b.bus[i] >= 0) sum[b.bus[i]] += (op.*b.served)[i];
  double worst = 0;
  for (std::size_t h = 0; h < sum.size(); ++h) worst = std::max(worst, std::abs(sum[h] - op.heat_bus_dumped_kw[h]));
  return worst;
}

}  // namespace zeropark
