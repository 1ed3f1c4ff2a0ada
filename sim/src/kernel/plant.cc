// One segment at a time: refresh inputs that changed, turn set-points into feasible battery
// powers, balance the buses, find the next event, report, integrate exactly, move on.
#include "kernel/plant.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "components/battery.h"

namespace zeropark {

Plant::Plant(const ParkModel& model, ParkState& state, TraceSink& sink)
    : model_(model),
      state_(state),
      sink_(sink),
      inputs_(model),
      balancer_(model),
      battery_bound_in_s_(model.batteries.size()),
      battery_must_draw_kw_(model.batteries.size(), 0.0) {}

void Plant::begin() {
  next_input_change_ = inputs_.refresh(state_.tick, state_.powers);
  sink_.on_run_start(model_, state_);
}

Observation Plant::observe() {
  if (state_.tick >= next_input_change_) next_input_change_ = inputs_.refresh(state_.tick, state_.powers);
  const OperatingPoint& op = state_.powers;
  return {state_.tick, op.pv_available_kw, op.load_demand_kw, state_.battery_energy_kwh,
          op.price_cny_per_kwh, op.carbon_kg_per_kwh};
}

void Plant::apply(const Command& command) {
  for (std::size_t i = 0; i < state_.battery_setpoint_kw.size(); ++i)
    state_.battery_setpoint_kw[i] = i < command.battery_setpoint_kw.size() ? command.battery_setpoint_kw[i] : 0.0;
}

void Plant::solve_segment() {
  OperatingPoint& op = state_.powers;
  for (std::size_t i = 0; i < model_.batteries.size(); ++i) {
    const BatteryOperation run = operate_battery(model_.batteries[i], state_.battery_energy_kwh[i], state_.battery_setpoint_kw[i]);
    op.battery_kw[i] = run.power_kw;
    battery_must_draw_kw_[i] = run.must_draw_kw;
  }
  balancer_.solve(op, battery_must_draw_kw_);
  // The balance may have reduced a battery's power; its bound event follows the power it runs at.
  // A reduced power is always feasible as it is (it only moves the battery more slowly towards
  // its edge, and a float charge at the bottom edge is never shed), so a mismatch is a bug.
  for (std::size_t i = 0; i < model_.batteries.size(); ++i) {
    const BatteryOperation run = operate_battery(model_.batteries[i], state_.battery_energy_kwh[i], op.battery_kw[i]);
    if (run.power_kw != op.battery_kw[i])
      throw std::logic_error("battery '" + model_.batteries[i].name + "': the balanced power " +
                             std::to_string(op.battery_kw[i]) + " kW is not feasible (" + std::to_string(run.power_kw) + " kW)");
    battery_bound_in_s_[i] = run.bound_in_s;
  }
}

void Plant::integrate(Tick until) {
  OperatingPoint& op = state_.powers;
  Tick next = std::min(until, next_input_change_);
  for (const std::optional<Tick>& bound : battery_bound_in_s_)
    if (bound) next = std::min(next, state_.tick + *bound);
  const Tick dt = next - state_.tick;

  sink_.on_event(model_, state_, dt);

  EnergyTotals& t = state_.totals;
  for (std::size_t i = 0; i < op.pv_kw.size(); ++i) {
    t.pv_kwh[i] += energy_kwh(op.pv_kw[i], dt);
    t.pv_curtailed_kwh[i] += energy_kwh(op.pv_available_kw[i] - op.pv_kw[i], dt);
    t.pv_clipped_dc_kwh[i] += energy_kwh(op.pv_clipped_dc_kw[i], dt);
  }
  for (std::size_t i = 0; i < model_.batteries.size(); ++i) {
    const BatteryModel& b = model_.batteries[i];
    const double before = state_.battery_energy_kwh[i];
    const double exact = battery_energy_after(b, before, op.battery_kw[i], dt);
    // exp/log rounding may land a few ulps past an edge reached exactly; more than that is a bug.
    const double tolerance_kwh = 1e-9 * b.capacity_kwh;
    if (exact < b.energy_min_kwh - tolerance_kwh || exact > b.energy_max_kwh + tolerance_kwh)
      throw std::logic_error("battery '" + b.name + "' left its SOC window: " + std::to_string(exact) + " kWh");
    const double after = std::clamp(exact, b.energy_min_kwh, b.energy_max_kwh);
    const double bus_kwh = energy_kwh(op.battery_kw[i], dt);
    if (bus_kwh >= 0) t.battery_discharged_kwh[i] += bus_kwh; else t.battery_charged_kwh[i] -= bus_kwh;
    // What the converter added internally minus what the store gained went to self-discharge.
    t.battery_self_discharge_kwh[i] += energy_kwh(battery_internal_kw(b, op.battery_kw[i]), dt) - (after - before);
    state_.battery_energy_kwh[i] = after;
  }
  for (std::size_t i = 0; i < op.load_kw.size(); ++i) {
    t.load_served_kwh[i] -= energy_kwh(op.load_kw[i], dt);
    t.load_unserved_kwh[i] += energy_kwh(op.load_demand_kw[i] + op.load_kw[i], dt);
  }
  for (std::size_t l = 0; l < op.line_sent_kw.size(); ++l)
    t.line_loss_kwh[l] += energy_kwh(op.line_sent_kw[l] - op.line_received_kw[l], dt);
  if (op.grid_kw >= 0) t.grid_import_kwh += energy_kwh(op.grid_kw, dt); else t.grid_export_kwh -= energy_kwh(op.grid_kw, dt);

  state_.tick = next;
  ++state_.events;
}

void Plant::advance_to(Tick limit) {
  limit = std::min(limit, model_.end_tick);
  while (state_.tick < limit) {
    if (state_.tick >= next_input_change_) next_input_change_ = inputs_.refresh(state_.tick, state_.powers);
    solve_segment();
    integrate(limit);
  }
}

void Plant::finish() { sink_.on_run_end(model_, state_); }

}  // namespace zeropark
