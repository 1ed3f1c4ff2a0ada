// Planning and settling the hydrogen tanks' flows (rules in the header).
#include "kernel/hydrogen_system.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace zeropark {
namespace {

// Within this share of the capacity a tank counts as full or at its heel (as operate_h2_tank).
constexpr double kTankEdgeTolerance = 1e-9;

}  // namespace

HydrogenSystem::HydrogenSystem(const ParkModel& model)
    : model_(model),
      electrolysers_at_(model.h2_tanks.size()),
      fuel_cells_at_(model.h2_tanks.size()),
      demands_at_(model.h2_tanks.size()),
      tank_bound_in_s_(model.h2_tanks.size()) {
  for (const H2TankModel& t : model.h2_tanks) tanks_.push_back({t.capacity_kg, t.min_kg});
  for (int i = 0; i < static_cast<int>(model.electrolysers.size()); ++i)
    electrolysers_at_[model.electrolysers[i].tank].push_back(i);
  for (int i = 0; i < static_cast<int>(model.fuel_cells.size()); ++i)
    fuel_cells_at_[model.fuel_cells[i].tank].push_back(i);
  for (int i = 0; i < static_cast<int>(model.h2_demands.size()); ++i)
    demands_at_[model.h2_demands[i].tank].push_back(i);
}

double HydrogenSystem::electrolyser_kg_per_h(const ElectrolyserParams& params, double electric_kw) {
  const double min_kw = electrolyser_min_power_kw(params);
  if (electric_kw >= min_kw) return electrolyser_h2_kg_per_h(params, electric_kw);
  return electric_kw > 0 ? electric_kw * electrolyser_h2_kg_per_h(params, min_kw) / min_kw : 0.0;
}

FuelCellOperation HydrogenSystem::fuel_cell_granted(const FuelCellParams& params, double electric_kw) {
  const double min_kw = params.min_load_fraction * params.rated_electric_kw;
  if (electric_kw >= min_kw || electric_kw <= 0) return fuel_cell_at(params, electric_kw);
  const FuelCellOperation at_min = fuel_cell_at(params, min_kw);
  const double share = electric_kw / min_kw;
  return {electric_kw, at_min.h2_kg_per_h * share, at_min.heat_kw * share, at_min.recoverable_heat_kw * share};
}

double HydrogenSystem::fuel_cell_power_for_kg_per_h(const FuelCellParams& params, double kg_per_h) {
  if (kg_per_h <= 0) return 0;
  // fuel_cell_granted's hydrogen rises with power: bisect to the last bit.
  double low = 0, high = params.rated_electric_kw;
  if (fuel_cell_granted(params, high).h2_kg_per_h <= kg_per_h) return high;
  for (int i = 0; i < 200 && low < high; ++i) {
    const double mid = 0.5 * (low + high);
    if (mid == low || mid == high) break;
    (fuel_cell_granted(params, mid).h2_kg_per_h <= kg_per_h ? low : high) = mid;
  }
  return low;
}

double HydrogenSystem::tank_request_kg_per_h(const ParkState& state, int k) const {
  const OperatingPoint& op = state.powers;
  double net = 0;
  for (int e : electrolysers_at_[k]) net += op.electrolyser_h2_kg_per_h[e];
  for (int f : fuel_cells_at_[k]) net -= op.fuel_cell_h2_kg_per_h[f];
  for (int d : demands_at_[k]) net -= op.h2_demand_served_kg_per_h[d];
  return net;
}

void HydrogenSystem::plan(ParkState& state) {
  OperatingPoint& op = state.powers;
  for (std::size_t k = 0; k < model_.h2_tanks.size(); ++k) {
    const H2TankParams& tank = tanks_[k];
    const double level = state.h2_tank_level_kg[k];
    const double tolerance = kTankEdgeTolerance * tank.capacity_kg;
    for (int d : demands_at_[k]) op.h2_demand_served_kg_per_h[d] = op.h2_demand_kg_per_h[d];
    for (int e : electrolysers_at_[k]) {
      const ElectrolyserModel& m = model_.electrolysers[e];
      double power_kw = 0;
      if (std::isnan(state.electrolyser_setpoint_kw[e])) {
        int& refilling = state.electrolyser_refilling[e];
        if (level >= tank.capacity_kg - tolerance)
          refilling = 0;
        else if (level <= m.refill_below_kg + tolerance)
          refilling = 1;
        power_kw = refilling ? m.params->rated_power_kw : 0.0;
      } else {
        power_kw = std::clamp(state.electrolyser_setpoint_kw[e], 0.0, m.params->rated_power_kw);
      }
      const ElectrolyserOperation run = electrolyser_at_power(*m.params, power_kw);
      op.electrolyser_demand_kw[e] = run.electric_kw;
      op.electrolyser_h2_kg_per_h[e] = run.h2_kg_per_h;
      op.electrolyser_floor_kw[e] = 0;
    }
    for (int f : fuel_cells_at_[k]) {
      const FuelCellModel& m = model_.fuel_cells[f];
      const double asked = std::isnan(state.fuel_cell_setpoint_kw[f])
                               ? 0.0
                               : std::clamp(state.fuel_cell_setpoint_kw[f], 0.0, m.params->rated_electric_kw);
      const FuelCellOperation run = fuel_cell_at(*m.params, asked);
      op.fuel_cell_available_kw[f] = run.electric_kw;
      op.fuel_cell_h2_kg_per_h[f] = run.h2_kg_per_h;
      op.fuel_cell_heat_kw[f] = m.heat_bus >= 0 ? run.recoverable_heat_kw : 0.0;
    }
    double request = tank_request_kg_per_h(state, static_cast<int>(k));
    H2TankOperation flow = operate_h2_tank(tank, level, request);
    if (flow.net_kg_per_h < request) {
      // Full: make no more than is drawn (an electrolyser below its minimum load stops).
      const double made = std::max(0.0, request - flow.net_kg_per_h);
      double produced = 0;
      for (int e : electrolysers_at_[k]) produced += op.electrolyser_h2_kg_per_h[e];
      const double keep = produced > 0 ? std::max(0.0, 1 - made / produced) : 0.0;
      for (int e : electrolysers_at_[k]) {
        const ElectrolyserParams& p = *model_.electrolysers[e].params;
        const double kg_per_h = op.electrolyser_h2_kg_per_h[e] * keep;
        // Below its minimum load it cannot make so little: it stops.
        const bool runs = kg_per_h >= electrolyser_h2_kg_per_h(p, electrolyser_min_power_kw(p));
        const ElectrolyserOperation run =
            electrolyser_at_power(p, runs ? electrolyser_power_for_kg_per_h(p, kg_per_h) : 0.0);
        op.electrolyser_demand_kw[e] = run.electric_kw;
        op.electrolyser_h2_kg_per_h[e] = run.h2_kg_per_h;
      }
    } else if (flow.net_kg_per_h > request) {
      // At the heel (or landing on it): fuel cells give way first, then vehicles share the rest.
      double fuel_cells_kg_per_h = 0;
      for (int f : fuel_cells_at_[k]) fuel_cells_kg_per_h += op.fuel_cell_h2_kg_per_h[f];
      const double keep =
          fuel_cells_kg_per_h > 0 ? std::max(0.0, 1 - (flow.net_kg_per_h - request) / fuel_cells_kg_per_h) : 0.0;
      for (int f : fuel_cells_at_[k]) {
        const FuelCellModel& m = model_.fuel_cells[f];
        const FuelCellOperation run =
            fuel_cell_granted(*m.params, fuel_cell_power_for_kg_per_h(*m.params, op.fuel_cell_h2_kg_per_h[f] * keep));
        op.fuel_cell_available_kw[f] = run.electric_kw;
        op.fuel_cell_h2_kg_per_h[f] = run.h2_kg_per_h;
        op.fuel_cell_heat_kw[f] = m.heat_bus >= 0 ? run.recoverable_heat_kw : 0.0;
      }
      request = tank_request_kg_per_h(state, static_cast<int>(k));
      flow = operate_h2_tank(tank, level, request);
      if (flow.net_kg_per_h > request) {
        double asked = 0, produced = 0;
        for (int d : demands_at_[k]) asked += op.h2_demand_kg_per_h[d];
        for (int e : electrolysers_at_[k]) produced += op.electrolyser_h2_kg_per_h[e];
        const double share = asked > 0 ? std::clamp((produced - flow.net_kg_per_h) / asked, 0.0, 1.0) : 0.0;
        for (int d : demands_at_[k]) op.h2_demand_served_kg_per_h[d] = op.h2_demand_kg_per_h[d] * share;
      }
    }
    // At the heel, or landing on it, what vehicles still get comes only from production: that draw
    // may not be shed (before the balance's last resort).
    if (flow.net_kg_per_h < 0 ? level - tank.min_kg <= -flow.net_kg_per_h / kSecondsPerHourD + tolerance
                              : level - tank.min_kg <= tolerance) {
      for (int e : electrolysers_at_[k]) op.electrolyser_floor_kw[e] = -op.electrolyser_demand_kw[e];
    }
  }
}

void HydrogenSystem::settle(ParkState& state) {
  OperatingPoint& op = state.powers;
  for (std::size_t k = 0; k < model_.h2_tanks.size(); ++k) {
    for (int e : electrolysers_at_[k])
      op.electrolyser_h2_kg_per_h[e] = electrolyser_kg_per_h(*model_.electrolysers[e].params, -op.electrolyser_kw[e]);
    for (int f : fuel_cells_at_[k]) {
      const FuelCellModel& m = model_.fuel_cells[f];
      const FuelCellOperation run = fuel_cell_granted(*m.params, op.fuel_cell_kw[f]);
      op.fuel_cell_h2_kg_per_h[f] = run.h2_kg_per_h;
      op.fuel_cell_heat_kw[f] = m.heat_bus >= 0 ? run.recoverable_heat_kw : 0.0;
    }
    const H2TankParams& tank = tanks_[k];
    const double level = state.h2_tank_level_kg[k];
    const double tolerance = kTankEdgeTolerance * tank.capacity_kg;
    double net = tank_request_kg_per_h(state, static_cast<int>(k));
    // A flow that small is rounding left by the sums above, not a flow.
    if (std::abs(net) <= tolerance) net = 0;
    const double room_below_kg = level - tank.min_kg, room_above_kg = tank.capacity_kg - level;
    if (net < 0 && room_below_kg < -net / kSecondsPerHourD - tolerance) {
      // Less was made than planned (the balance shed an electrolyser) and the heel is less than a
      // second away: vehicles get less, so that the tank lands on its heel.
      double asked = 0;
      for (int d : demands_at_[k]) asked += op.h2_demand_served_kg_per_h[d];
      const double excess = -net - room_below_kg * kSecondsPerHourD;
      const double keep = asked > 0 ? std::max(0.0, 1 - excess / asked) : 0.0;
      for (int d : demands_at_[k]) op.h2_demand_served_kg_per_h[d] *= keep;
      net = tank_request_kg_per_h(state, static_cast<int>(k));
      if (net < 0 && room_below_kg < -net / kSecondsPerHourD - tolerance)
        throw std::logic_error("hydrogen tank '" + model_.h2_tanks[k].name + "': fuel cells draw below the heel");
    }
    op.h2_tank_vented_kg_per_h[k] = 0;
    if (net > 0 && room_above_kg < net / kSecondsPerHourD - tolerance) {
      // More came than planned (the balance curtailed a fuel cell) with the tank all but full:
      // the relief valve vents what does not fit (reported).
      op.h2_tank_vented_kg_per_h[k] = net - room_above_kg * kSecondsPerHourD;
      net -= op.h2_tank_vented_kg_per_h[k];
    }
    op.h2_tank_net_kg_per_h[k] = net;
    // The plan landed any edge on a whole second; the flows are what the machines really do, so
    // the bound follows them (the level is checked against the window when integrated).
    tank_bound_in_s_[k].reset();
    const double room_kg = net > 0 ? room_above_kg : net < 0 ? room_below_kg : 0.0;
    if (net != 0 && room_kg > tolerance) {
      // Beyond a year the run ends first; the cap also keeps the cast to whole seconds defined.
      const double seconds = std::min(room_kg / std::abs(net) * kSecondsPerHourD, 400.0 * kSecondsPerDay);
      // 9899.999... s is 9900 s: snap to a whole second within rounding, else stop just before.
      const double nearest = std::round(seconds);
      const double whole = std::abs(seconds - nearest) <= 1e-9 * std::max(1.0, nearest) ? nearest : std::floor(seconds);
      tank_bound_in_s_[k] = std::max<Tick>(1, static_cast<Tick>(whole));
    }
  }
}

std::optional<Tick> HydrogenSystem::next_event(const ParkState& state) const {
  std::optional<Tick> next;
  const auto consider = [&](Tick t) {
    if (t > state.tick && (!next || t < *next)) next = t;
  };
  for (std::size_t k = 0; k < model_.h2_tanks.size(); ++k) {
    if (tank_bound_in_s_[k]) consider(state.tick + *tank_bound_in_s_[k]);
    const double net = state.powers.h2_tank_net_kg_per_h[k];
    const double level = state.h2_tank_level_kg[k];
    for (int e : electrolysers_at_[k]) {
      const ElectrolyserModel& m = model_.electrolysers[e];
      if (!std::isnan(state.electrolyser_setpoint_kw[e]) || state.electrolyser_refilling[e] || net >= 0 ||
          level <= m.refill_below_kg)
        continue;
      // The refill rule starts the first whole second at or below its level.
      consider(state.tick + static_cast<Tick>(std::ceil((level - m.refill_below_kg) / -net * kSecondsPerHourD)));
    }
  }
  return next;
}

}  // namespace zeropark
