// One segment at a time: refresh inputs that changed, turn set-points into feasible battery
// powers, balance the buses, find the next event, report, integrate exactly, move on.
#include "kernel/plant.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "components/battery.h"
#include "components/battery_ageing.h"
#include "components/ev_charger.h"

namespace zeropark {
namespace {

// Energy that moved through a store over a segment, kWh.
struct StoreFlows {
  double delivered_kwh = 0;  // to its bus
  double drawn_kwh = 0;      // from its bus
  double lost_kwh = 0;       // self-discharge (a tank's standing loss); conversion losses excluded
};

// Moves a store's energy over `dt` seconds at constant bus power by the exact solution, checking
// that it stays in its window. A resting store (out of service, or unfed at its bottom edge) may
// self-discharge below its window; one below it (after resting) may only rise back towards it.
StoreFlows advance_store(const BatteryModel& store, double& energy_kwh_now, double power_kw, Tick dt,
                         bool resting = false) {
  const double before = energy_kwh_now;
  const double exact = battery_energy_after(store, before, power_kw, dt);
  const double floor_kwh = resting ? 0.0 : std::min(store.energy_min_kwh, before);
  // exp/log rounding may land a few ulps past an edge reached exactly; more than that is a bug.
  const double tolerance_kwh = 1e-9 * store.capacity_kwh;
  if (exact < floor_kwh - tolerance_kwh || exact > store.energy_max_kwh + tolerance_kwh)
    throw std::logic_error("store '" + store.name + "' left its window: " + std::to_string(exact) + " kWh");
  const double after = std::clamp(exact, floor_kwh, store.energy_max_kwh);
  StoreFlows flows;
  const double bus_kwh = energy_kwh(power_kw, dt);
  if (bus_kwh >= 0)
    flows.delivered_kwh = bus_kwh;
  else
    flows.drawn_kwh = -bus_kwh;
  // What the converter added internally minus what the store gained went to self-discharge.
  flows.lost_kwh = energy_kwh(battery_internal_kw(store, power_kw), dt) - (after - before);
  energy_kwh_now = after;
  return flows;
}

// Whether every critical load and data centre got all it asked for (to rounding).
bool critical_demand_served(const ParkModel& model, const OperatingPoint& op) {
  const auto served = [](double demand_kw, double served_kw) {
    return demand_kw + served_kw <= 1e-9 * (1 + demand_kw);
  };
  for (std::size_t i = 0; i < model.loads.size(); ++i)
    if (model.loads[i].critical && !served(op.load_demand_kw[i], op.load_kw[i])) return false;
  for (std::size_t i = 0; i < model.data_centres.size(); ++i)
    if (model.data_centres[i].critical && !served(op.data_centre_demand_kw[i], op.data_centre_kw[i])) return false;
  return true;
}

}  // namespace

Plant::Plant(const ParkModel& model, ParkState& state, TraceSink& sink)
    : model_(model),
      state_(state),
      sink_(sink),
      inputs_(model),
      balancer_(model),
      heat_(model),
      buildings_(model),
      ev_(model),
      hydrogen_(model),
      outages_(model),
      batteries_(model.batteries),
      battery_bound_in_s_(model.batteries.size()),
      battery_must_draw_kw_(model.batteries.size(), 0.0),
      battery_resting_(model.batteries.size(), 0) {
  // A state that has aged (a checkpoint, a fork) brings its faded windows with it.
  for (std::size_t i = 0; i < batteries_.size(); ++i)
    model.batteries[i].ageing ? fade_window(i) : apply_backup_reserve(i);
}

void Plant::age_battery(std::size_t i, Tick dt) {
  const BatteryModel& nominal = model_.batteries[i];
  BatteryModel& now = batteries_[i];
  BatteryAgeingState& ageing = state_.battery_ageing[i];
  const double soc = state_.battery_energy_kwh[i] / now.capacity_kwh;
  ageing_on_soc_point(*nominal.ageing, ageing, soc);
  // No thermal model: the cells sit at 25 °C.
  ageing_on_time(*nominal.ageing, ageing, static_cast<double>(dt), soc, 25.0);
  fade_window(i);
}

void Plant::fade_window(std::size_t i) {
  const BatteryModel& nominal = model_.batteries[i];
  BatteryModel& now = batteries_[i];
  // A fresh cell above nameplate (SSC's q0 > 1) still has the nameplate window.
  const double fraction = std::min(1.0, capacity_fraction(state_.battery_ageing[i]));
  if (fraction == now.capacity_kwh / nominal.capacity_kwh) {
    apply_backup_reserve(i);
    return;
  }
  now.capacity_kwh = nominal.capacity_kwh * fraction;
  now.energy_min_kwh = nominal.energy_min_kwh * fraction;
  now.energy_max_kwh = nominal.energy_max_kwh * fraction;
  // The window shrinks under the stored energy: what no longer fits is lost with the capacity.
  double& energy = state_.battery_energy_kwh[i];
  if (energy > now.energy_max_kwh) {
    state_.totals.battery_fade_clipped_kwh[i] += energy - now.energy_max_kwh;
    energy = now.energy_max_kwh;
  }
  energy = std::max(energy, now.energy_min_kwh);
  apply_backup_reserve(i);
}

void Plant::apply_backup_reserve(std::size_t i) {
  const BatteryModel& nominal = model_.batteries[i];
  if (nominal.backup_reserve_kwh <= 0) return;
  BatteryModel& now = batteries_[i];
  const double fraction = now.capacity_kwh / nominal.capacity_kwh;
  // The window's bottom, not the stored energy, moves: a battery below its reserve when the grid
  // returns stays there and recharges from the park; it never gains energy from the rule.
  now.energy_min_kwh = (state_.powers.grid_connected ? std::max(nominal.energy_min_kwh, nominal.backup_reserve_kwh)
                                                     : nominal.energy_min_kwh) *
                       fraction;
}

void Plant::refresh_inputs() {
  const Tick step_start = state_.tick - state_.tick % model_.resolution_s;
  const bool new_step = !buildings_.step_open() || step_start == state_.tick;
  bool outages_changed = false;
  const Tick next_outage_change = outages_.refresh(state_.tick, outages_changed);
  if (outages_changed) inputs_.resample();
  next_input_change_ = std::min(inputs_.refresh(state_.tick, state_.powers), next_outage_change);
  OperatingPoint& op = state_.powers;
  if (outages_.any_out()) outages_.remove_supply(op);
  op.grid_connected = outages_.grid_out() ? 0 : 1;
  if (outages_changed)
    for (std::size_t i = 0; i < batteries_.size(); ++i) apply_backup_reserve(i);
  for (std::size_t p = 0; p < model_.outages.size(); ++p) {
    const OutageProfileModel& profile = model_.outages[p];
    op.out_of_service[p] = outages_.out(profile.kind, profile.index) ? 1 : 0;
  }
  if (!model_.buildings.empty() && new_step) buildings_.begin_step(inputs_.weather(), state_);
}

void Plant::begin() {
  refresh_inputs();
  sink_.on_run_start(model_, state_);
}

void Plant::resume() { refresh_inputs(); }

Observation Plant::observe() {
  if (state_.tick >= next_input_change_) refresh_inputs();
  ev_.exchange_cars(state_);  // the cars a decision sees are those plugged in at its tick
  ev_.summarise(state_, ev_observed_);
  heat_bus_demand_kw_.assign(model_.heat_buses.size(), 0.0);
  for (const ThermalDemandBinding& b : thermal_demand_bindings(model_))
    for (std::size_t i = 0; i < b.bus.size(); ++i)
      if (b.bus[i] >= 0) heat_bus_demand_kw_[b.bus[i]] += (state_.powers.*b.demand)[i];
  const OperatingPoint& op = state_.powers;
  const auto total = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
  double demand_kw = total(op.load_demand_kw) + total(op.data_centre_demand_kw) +
                     total(op.heat_pump_electric_demand_kw) + total(op.electrolyser_demand_kw);
  for (std::size_t g = 0; g < model_.ev_chargers.size(); ++g)
    if (!model_.ev_chargers[g].bidirectional) demand_kw -= op.ev_request_kw[g];
  const double generation_kw = total(op.pv_available_kw) + total(op.wind_available_kw) + total(op.pvt_available_kw) +
                               total(op.fuel_cell_available_kw);
  Observation observation;
  observation.tick = state_.tick;
  observation.pv_available_kw = op.pv_available_kw;
  observation.load_demand_kw = op.load_demand_kw;
  observation.battery_energy_kwh = state_.battery_energy_kwh;
  observation.price_cny_per_kwh = op.price_cny_per_kwh;
  observation.carbon_kg_per_kwh = op.carbon_kg_per_kwh;
  observation.net_demand_kw = demand_kw - generation_kw;
  observation.grid_connected = op.grid_connected != 0;
  observation.generation_kw = generation_kw;
  for (std::size_t i = 0; i < model_.loads.size(); ++i)
    if (model_.loads[i].critical) observation.critical_demand_kw += op.load_demand_kw[i];
  for (std::size_t i = 0; i < model_.data_centres.size(); ++i)
    if (model_.data_centres[i].critical) observation.critical_demand_kw += op.data_centre_demand_kw[i];
  observation.tariff_period = op.tariff_period;
  observation.grid_kw = op.grid_kw;
  observation.thermal_storage_energy_kwh = state_.thermal_storage_energy_kwh;
  observation.h2_tank_level_kg = state_.h2_tank_level_kg;
  observation.heat_bus_demand_kw = heat_bus_demand_kw_;
  observation.ev_plugged = ev_observed_.plugged;
  observation.ev_energy_needed_kwh = ev_observed_.energy_needed_kwh;
  observation.ev_charge_limit_kw = ev_observed_.charge_limit_kw;
  observation.ev_forced_kw = ev_observed_.forced_kw;
  observation.ev_v2g_limit_kw = ev_observed_.v2g_limit_kw;
  return observation;
}

void Plant::apply(const Command& command) {
  for (std::size_t i = 0; i < state_.battery_setpoint_kw.size(); ++i)
    state_.battery_setpoint_kw[i] = i < command.battery_setpoint_kw.size() ? command.battery_setpoint_kw[i] : 0.0;
  const double follow = std::nan("");
  for (std::size_t k = 0; k < state_.thermal_storage_setpoint_kw.size(); ++k)
    state_.thermal_storage_setpoint_kw[k] =
        k < command.thermal_storage_setpoint_kw.size() ? command.thermal_storage_setpoint_kw[k] : follow;
  for (std::size_t g = 0; g < state_.ev_setpoint_kw.size(); ++g)
    state_.ev_setpoint_kw[g] = g < command.ev_setpoint_kw.size() ? command.ev_setpoint_kw[g] : follow;
  for (std::size_t e = 0; e < state_.electrolyser_setpoint_kw.size(); ++e)
    state_.electrolyser_setpoint_kw[e] =
        e < command.electrolyser_setpoint_kw.size() ? command.electrolyser_setpoint_kw[e] : follow;
  for (std::size_t f = 0; f < state_.fuel_cell_setpoint_kw.size(); ++f)
    state_.fuel_cell_setpoint_kw[f] =
        f < command.fuel_cell_setpoint_kw.size() ? command.fuel_cell_setpoint_kw[f] : follow;
}

void Plant::solve_segment() {
  OperatingPoint& op = state_.powers;
  for (std::size_t i = 0; i < model_.batteries.size(); ++i) {
    if (outages_.any_out() && outages_.out(VertexKind::kBattery, static_cast<int>(i))) {
      op.battery_kw[i] = 0;  // disconnected: neither set-point nor float charge reaches it
      battery_must_draw_kw_[i] = 0;
      continue;
    }
    const BatteryOperation run =
        operate_battery(batteries_[i], state_.battery_energy_kwh[i], state_.battery_setpoint_kw[i]);
    op.battery_kw[i] = run.power_kw;
    battery_must_draw_kw_[i] = run.must_draw_kw;
  }
  hydrogen_.plan(state_);
  heat_.dispatch(state_);
  ev_.request(state_);
  if (outages_.any_out()) outages_.remove_requests(op);
  balancer_.solve(op, battery_must_draw_kw_, op.grid_connected != 0);
  hydrogen_.settle(state_);
  heat_.settle(state_);
  ev_.settle(state_);
  // The balance may have reduced a battery's power; its bound event follows the power it runs at.
  // A reduced power is always feasible as it is (it only moves the battery more slowly towards
  // its edge), so a mismatch is a bug — except for a battery that rests: out of service, or at its
  // bottom edge with its float charge shed (an island with nothing left to feed it). Resting, only
  // self-discharge moves it, with no edge to land on.
  for (std::size_t i = 0; i < model_.batteries.size(); ++i) {
    const bool out = outages_.any_out() && outages_.out(VertexKind::kBattery, static_cast<int>(i));
    battery_resting_[i] = out || (battery_must_draw_kw_[i] < 0 && op.battery_kw[i] > battery_must_draw_kw_[i]);
    if (battery_resting_[i]) {
      battery_bound_in_s_[i].reset();
      continue;
    }
    const BatteryOperation run = operate_battery(batteries_[i], state_.battery_energy_kwh[i], op.battery_kw[i]);
    // Within a second of its bottom edge by self-discharge alone, a battery whose discharge the
    // balance cut to nothing would need a trickle of charge to land; without it, it rests too.
    const BatteryModel& b = batteries_[i];
    const double float_kw = b.self_discharge_per_s * b.energy_min_kwh * kSecondsPerHourD / b.charge_efficiency;
    if (run.power_kw < op.battery_kw[i] && op.battery_kw[i] <= 0 && run.power_kw >= -float_kw * (1 + 1e-9)) {
      battery_resting_[i] = 1;
      battery_bound_in_s_[i].reset();
      continue;
    }
    if (run.power_kw != op.battery_kw[i])
      throw std::logic_error("battery '" + model_.batteries[i].name + "': the balanced power " +
                             std::to_string(op.battery_kw[i]) + " kW is not feasible (" + std::to_string(run.power_kw) +
                             " kW)");
    battery_bound_in_s_[i] = run.bound_in_s;
  }
}

void Plant::integrate(Tick until) {
  OperatingPoint& op = state_.powers;
  Tick next = std::min(until, next_input_change_);
  for (const std::optional<Tick>& bound : battery_bound_in_s_)
    if (bound) next = std::min(next, state_.tick + *bound);
  if (const std::optional<Tick> heat_event = heat_.next_event(state_)) next = std::min(next, *heat_event);
  if (const std::optional<Tick> ev_event = ev_.next_event(state_)) next = std::min(next, *ev_event);
  if (const std::optional<Tick> h2_event = hydrogen_.next_event(state_)) next = std::min(next, *h2_event);
  const Tick dt = next - state_.tick;

  sink_.on_event(model_, state_, dt);

  EnergyTotals& t = state_.totals;
  for (std::size_t i = 0; i < op.pv_kw.size(); ++i) {
    t.pv_kwh[i] += energy_kwh(op.pv_kw[i], dt);
    t.pv_curtailed_kwh[i] += energy_kwh(op.pv_available_kw[i] - op.pv_kw[i], dt);
    t.pv_clipped_dc_kwh[i] += energy_kwh(op.pv_clipped_dc_kw[i], dt);
  }
  for (std::size_t i = 0; i < model_.batteries.size(); ++i) {
    const StoreFlows flows =
        advance_store(batteries_[i], state_.battery_energy_kwh[i], op.battery_kw[i], dt, battery_resting_[i] != 0);
    t.battery_discharged_kwh[i] += flows.delivered_kwh;
    t.battery_charged_kwh[i] += flows.drawn_kwh;
    t.battery_self_discharge_kwh[i] += flows.lost_kwh;
    if (model_.batteries[i].ageing) age_battery(i, dt);
  }
  for (std::size_t k = 0; k < model_.thermal_storages.size(); ++k) {
    const StoreFlows flows = advance_store(model_.thermal_storages[k].store, state_.thermal_storage_energy_kwh[k],
                                           op.thermal_storage_kw[k], dt);
    t.thermal_storage_discharged_kwh[k] += flows.delivered_kwh;
    t.thermal_storage_charged_kwh[k] += flows.drawn_kwh;
    t.thermal_storage_loss_kwh[k] += flows.lost_kwh;
  }
  for (std::size_t g = 0, p = 0; g < model_.ev_chargers.size(); ++g) {
    const EvChargerModel& c = model_.ev_chargers[g];
    for (int i = 0; i < c.count; ++i, ++p) {
      if (state_.ev_point_session[p] < 0) continue;
      const double kw = op.ev_point_kw[p];
      if (kw < 0)
        t.ev_charged_kwh[g] -= energy_kwh(kw, dt);
      else
        t.ev_v2g_kwh[g] += energy_kwh(kw, dt);
      t.ev_plugged_hours[g] += static_cast<double>(dt) / kSecondsPerHourD;
      state_.ev_point_delivered_kwh[p] = ev_delivered_after(c, state_.ev_point_delivered_kwh[p], kw, dt);
    }
  }
  for (std::size_t i = 0; i < op.pvt_kw.size(); ++i) {
    t.pvt_kwh[i] += energy_kwh(op.pvt_kw[i], dt);
    t.pvt_curtailed_kwh[i] += energy_kwh(op.pvt_available_kw[i] - op.pvt_kw[i], dt);
    t.pvt_thermal_kwh[i] += energy_kwh(op.pvt_thermal_kw[i], dt);
  }
  const double hours = static_cast<double>(dt) / kSecondsPerHourD;
  for (std::size_t e = 0; e < op.electrolyser_kw.size(); ++e) {
    t.electrolyser_kwh[e] -= energy_kwh(op.electrolyser_kw[e], dt);
    t.electrolyser_h2_kg[e] += op.electrolyser_h2_kg_per_h[e] * hours;
  }
  for (std::size_t f = 0; f < op.fuel_cell_kw.size(); ++f) {
    t.fuel_cell_kwh[f] += energy_kwh(op.fuel_cell_kw[f], dt);
    t.fuel_cell_h2_kg[f] += op.fuel_cell_h2_kg_per_h[f] * hours;
    t.fuel_cell_heat_kwh[f] += energy_kwh(op.fuel_cell_heat_kw[f], dt);
  }
  for (std::size_t d = 0; d < op.h2_demand_kg_per_h.size(); ++d) {
    t.h2_demand_kg[d] += op.h2_demand_kg_per_h[d] * hours;
    t.h2_demand_unserved_kg[d] += (op.h2_demand_kg_per_h[d] - op.h2_demand_served_kg_per_h[d]) * hours;
  }
  for (std::size_t k = 0; k < model_.h2_tanks.size(); ++k) {
    const H2TankModel& tank = model_.h2_tanks[k];
    t.h2_vented_kg[k] += op.h2_tank_vented_kg_per_h[k] * hours;
    const double after = h2_tank_level_after(state_.h2_tank_level_kg[k], op.h2_tank_net_kg_per_h[k], dt);
    const double tolerance_kg = 1e-9 * tank.capacity_kg;
    if (after < tank.min_kg - tolerance_kg || after > tank.capacity_kg + tolerance_kg)
      throw std::logic_error("hydrogen tank '" + tank.name + "' left its window: " + std::to_string(after) + " kg");
    state_.h2_tank_level_kg[k] = std::clamp(after, tank.min_kg, tank.capacity_kg);
  }
  for (std::size_t i = 0; i < op.data_centre_kw.size(); ++i) {
    t.data_centre_it_kwh[i] += energy_kwh(op.data_centre_it_kw[i], dt);
    t.data_centre_served_kwh[i] -= energy_kwh(op.data_centre_kw[i], dt);
    t.data_centre_unserved_kwh[i] += energy_kwh(op.data_centre_demand_kw[i] + op.data_centre_kw[i], dt);
  }
  for (std::size_t i = 0; i < op.wind_kw.size(); ++i) {
    t.wind_kwh[i] += energy_kwh(op.wind_kw[i], dt);
    t.wind_curtailed_kwh[i] += energy_kwh(op.wind_available_kw[i] - op.wind_kw[i], dt);
  }
  for (std::size_t i = 0; i < op.heat_pump_thermal_kw.size(); ++i) {
    t.heat_pump_thermal_kwh[i] += energy_kwh(op.heat_pump_thermal_kw[i], dt);
    t.heat_pump_electric_kwh[i] -= energy_kwh(op.heat_pump_electric_kw[i], dt);
  }
  for (std::size_t i = 0; i < op.heat_load_kw.size(); ++i) {
    t.heat_load_served_kwh[i] -= energy_kwh(op.heat_load_kw[i], dt);
    t.heat_load_unserved_kwh[i] += energy_kwh(op.heat_load_demand_kw[i] + op.heat_load_kw[i], dt);
  }
  for (std::size_t h = 0; h < op.heat_bus_dumped_kw.size(); ++h)
    t.heat_bus_dumped_kwh[h] += energy_kwh(op.heat_bus_dumped_kw[h], dt);
  for (std::size_t b = 0; b < op.building_heating_kw.size(); ++b) {
    const double heated_kwh = -energy_kwh(op.building_heating_kw[b], dt);
    const double cooled_kwh = -energy_kwh(op.building_cooling_kw[b], dt);
    t.building_heating_served_kwh[b] += heated_kwh;
    t.building_heating_unserved_kwh[b] += energy_kwh(op.building_heating_demand_kw[b], dt) - heated_kwh;
    t.building_cooling_served_kwh[b] += cooled_kwh;
    t.building_cooling_unserved_kwh[b] += energy_kwh(op.building_cooling_demand_kw[b], dt) - cooled_kwh;
    state_.building_step_heat_kwh[b] += heated_kwh - cooled_kwh;
  }
  for (std::size_t i = 0; i < op.load_kw.size(); ++i) {
    t.load_served_kwh[i] -= energy_kwh(op.load_kw[i], dt);
    t.load_unserved_kwh[i] += energy_kwh(op.load_demand_kw[i] + op.load_kw[i], dt);
  }
  for (std::size_t l = 0; l < op.line_sent_kw.size(); ++l)
    t.line_loss_kwh[l] += energy_kwh(op.line_sent_kw[l] - op.line_received_kw[l], dt);
  if (op.grid_kw >= 0)
    t.grid_import_kwh += energy_kwh(op.grid_kw, dt);
  else
    t.grid_export_kwh -= energy_kwh(op.grid_kw, dt);
  if (!op.grid_connected) {
    t.islanded_h += hours;
    if (critical_demand_served(model_, op)) t.islanded_critical_served_h += hours;
  }
  for (std::size_t p = 0; p < op.out_of_service.size(); ++p)
    if (op.out_of_service[p]) t.outage_h[p] += hours;

  state_.tick = next;
  ++state_.events;
  // A building's step closes the moment it ends, so a state taken at any tick (a fork, a
  // checkpoint) holds each building's mass at the start of its current step.
  if (!model_.buildings.empty() && state_.tick % model_.resolution_s == 0) buildings_.end_step(state_);
}

void Plant::advance_to(Tick limit) {
  limit = std::min(limit, model_.end_tick);
  while (state_.tick < limit) step(limit);
}

void Plant::step(Tick limit) {
  limit = std::min(limit, model_.end_tick);
  if (state_.tick >= limit) return;
  if (state_.tick >= next_input_change_) refresh_inputs();
  ev_.exchange_cars(state_);
  solve_segment();
  integrate(limit);
}

void Plant::finish() {
  buildings_.end_step(state_);
  sink_.on_run_end(model_, state_);
}

}  // namespace zeropark
