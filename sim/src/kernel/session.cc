// A session: the plant and its controller, stepped directly (see zeropark/session.h).
#include "zeropark/session.h"

#include <algorithm>
#include <stdexcept>

#include "kernel/plant.h"

namespace zeropark {

Session::Session(std::shared_ptr<const ParkModel> model, TraceSink* sink)
    : Session(model, initial_state(*model), KpiAccumulator{}, sink) {
  plant_->begin();
}

Session::Session(std::shared_ptr<const ParkModel> model, const ParkState& state, const KpiAccumulator& kpis,
                 TraceSink* sink)
    : model_(std::move(model)), state_(state), controller_(make_park_controller(*model_)), kpis_(kpis) {
  // A controller chosen for a fork keeps its memory in the state like any other.
  state_.controller_memory.resize(controller_->memory_size(*model_), 0.0);
  sinks_.add(&kpis_);
  if (sink) sinks_.add(sink);
  plant_ = std::make_unique<Plant>(*model_, state_, sinks_);
}

Session::~Session() = default;

std::unique_ptr<Session> Session::fork(std::shared_ptr<const ParkModel> model, TraceSink* sink) const {
  if (!model) model = model_;
  if (!same_components(*model_, *model))
    throw std::invalid_argument("a fork's park must have the same components as the original");
  // A store resized by the edit keeps its state of charge, inside its new window.
  ParkState state = state_;
  for (std::size_t i = 0; i < model->batteries.size(); ++i) {
    const BatteryModel& before = model_->batteries[i];
    const BatteryModel& after = model->batteries[i];
    state.battery_energy_kwh[i] = std::clamp(state.battery_energy_kwh[i] * after.capacity_kwh / before.capacity_kwh,
                                             after.energy_min_kwh, after.energy_max_kwh);
  }
  for (std::size_t k = 0; k < model->thermal_storages.size(); ++k) {
    const BatteryModel& before = model_->thermal_storages[k].store;
    const BatteryModel& after = model->thermal_storages[k].store;
    state.thermal_storage_energy_kwh[k] =
        std::clamp(state.thermal_storage_energy_kwh[k] * after.capacity_kwh / before.capacity_kwh, after.energy_min_kwh,
                   after.energy_max_kwh);
  }
  for (std::size_t k = 0; k < model->h2_tanks.size(); ++k)
    state.h2_tank_level_kg[k] =
        std::clamp(state.h2_tank_level_kg[k], model->h2_tanks[k].min_kg, model->h2_tanks[k].capacity_kg);
  std::unique_ptr<Session> copy(new Session(std::move(model), state, kpis_, sink));
  copy->finished_ = finished_;
  // The decision in force carries over: a fork changes nothing until its next decision, unless
  // its controller is another one, which decides at once.
  copy->command_ = command_;
  if (copy->model_->controller != model_->controller) copy->state_.next_decision_tick = copy->state_.tick;
  copy->plant_->resume();
  copy->plant_->apply(copy->command_);
  return copy;
}

void Session::decide() {
  const Observation observation = plant_->observe();
  controller_->decide(*model_, observation, state_.controller_memory, command_);
  plant_->apply(command_);
  state_.next_decision_tick = state_.tick + model_->decision_interval_s;
}

bool Session::step_event() {
  if (done()) return false;
  if (state_.tick >= state_.next_decision_tick) decide();
  plant_->step(state_.next_decision_tick);
  if (plant_->done() && !finished_) {
    plant_->finish();
    finished_ = true;
  }
  return true;
}

void Session::run_until(Tick tick) {
  while (state_.tick < std::min(tick, model_->end_tick) && step_event()) {
  }
}

bool Session::done() const { return finished_ || plant_->done(); }

KpiTable Session::kpis_so_far() const {
  KpiAccumulator snapshot = kpis_;
  snapshot.on_run_end(*model_, state_);
  return snapshot.table();
}

bool same_components(const ParkModel& a, const ParkModel& b) {
  const auto same_buses = [](const auto& x, const auto& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (x[i].bus != y[i].bus) return false;
    return true;
  };
  bool same = a.buses.size() == b.buses.size() && a.lines.size() == b.lines.size() &&
              same_buses(a.pv_arrays, b.pv_arrays) && same_buses(a.batteries, b.batteries) &&
              same_buses(a.loads, b.loads) && same_buses(a.wind_turbines, b.wind_turbines) &&
              same_buses(a.heat_pumps, b.heat_pumps) && same_buses(a.data_centres, b.data_centres) &&
              same_buses(a.ev_chargers, b.ev_chargers) && same_buses(a.pvt, b.pvt) &&
              same_buses(a.electrolysers, b.electrolysers) && same_buses(a.fuel_cells, b.fuel_cells) &&
              a.heat_buses.size() == b.heat_buses.size() && a.thermal_storages.size() == b.thermal_storages.size() &&
              a.heat_loads.size() == b.heat_loads.size() && a.buildings.size() == b.buildings.size() &&
              a.h2_tanks.size() == b.h2_tanks.size() && a.h2_demands.size() == b.h2_demands.size() &&
              a.green_spaces.size() == b.green_spaces.size();
  for (std::size_t g = 0; same && g < a.ev_chargers.size(); ++g)
    same = a.ev_chargers[g].count == b.ev_chargers[g].count;
  return same;
}

}  // namespace zeropark
