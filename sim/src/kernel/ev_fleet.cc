// Arrivals, departures and the sharing of a group's set-point among its cars.
#include "kernel/ev_fleet.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "components/ev_charger.h"

namespace zeropark {

EvFleet::EvFleet(const ParkModel& model) : model_(model) {
  int points = 0;
  for (const EvChargerModel& c : model.ev_chargers) {
    first_point_.push_back(points);
    points += c.count;
  }
  point_bound_in_s_.resize(static_cast<std::size_t>(points));
  forced_.assign(static_cast<std::size_t>(points), 0);
}

void EvFleet::exchange_cars(ParkState& state) {
  EnergyTotals& t = state.totals;
  for (std::size_t g = 0; g < model_.ev_chargers.size(); ++g) {
    const EvChargerModel& c = model_.ev_chargers[g];
    const std::vector<EvSession>& sessions = *c.sessions;
    const int first = first_point_[g];
    for (int p = first; p < first + c.count; ++p) {
      const int s = state.ev_point_session[p];
      if (s < 0 || sessions[s].departure_s > state.tick) continue;
      t.ev_requested_kwh[g] += sessions[s].energy_requested_kwh;
      const double short_kwh = sessions[s].energy_requested_kwh - state.ev_point_delivered_kwh[p];
      t.ev_undelivered_kwh[g] += std::max(0.0, short_kwh);
      if (short_kwh > 1e-3) t.ev_departures_short[g] += 1;
      state.ev_point_session[p] = -1;
      state.ev_point_delivered_kwh[p] = 0;
    }
    int& next = state.ev_next_session[g];
    while (next < static_cast<int>(sessions.size()) && sessions[next].arrival_s <= state.tick) {
      int free_point = -1;
      for (int p = first; p < first + c.count && free_point < 0; ++p)
        if (state.ev_point_session[p] < 0) free_point = p;
      if (free_point < 0) {
        t.ev_sessions_turned_away[g] += 1;
        t.ev_turned_away_kwh[g] += sessions[next].energy_requested_kwh;
      } else if (sessions[next].departure_s > state.tick) {
        state.ev_point_session[free_point] = next;
        state.ev_point_delivered_kwh[free_point] = 0;
        t.ev_sessions_served[g] += 1;
      }
      ++next;
    }
  }
}

void EvFleet::request(ParkState& state) {
  OperatingPoint& op = state.powers;
  for (std::size_t g = 0; g < model_.ev_chargers.size(); ++g) {
    const EvChargerModel& c = model_.ev_chargers[g];
    const std::vector<EvSession>& sessions = *c.sessions;
    const int first = first_point_[g];
    const double setpoint_kw = state.ev_setpoint_kw[g];
    // The cars' limits first: forced charging is not negotiable.
    std::vector<EvLimits> limits(static_cast<std::size_t>(c.count));
    double forced_kw = 0, flexible_charge_kw = 0, flexible_discharge_kw = 0;
    for (int i = 0; i < c.count; ++i) {
      const int p = first + i;
      const int s = state.ev_point_session[p];
      if (s < 0) continue;
      limits[i] = ev_limits(c, sessions[s], state.ev_point_delivered_kwh[p], state.tick);
      if (limits[i].forced) {
        forced_kw += limits[i].max_charge_kw;
      } else {
        flexible_charge_kw += limits[i].max_charge_kw;
        flexible_discharge_kw += limits[i].max_discharge_kw;
      }
    }
    // What the flexible cars are asked for, beyond the forced ones: charging goes to the least
    // laxity first (the cars that will have to charge soonest), V2G comes from the most laxity
    // first (those with the most time to charge again), each car up to its limit. NaN: all charge.
    std::vector<double> wanted_kw(static_cast<std::size_t>(c.count), 0.0);
    const bool follow_own_rule = std::isnan(setpoint_kw);
    double charge_kw = follow_own_rule   ? flexible_charge_kw
                       : setpoint_kw < 0 ? std::max(0.0, -setpoint_kw - forced_kw)
                                         : 0.0;
    double discharge_kw = !follow_own_rule && setpoint_kw > 0 ? setpoint_kw + forced_kw : 0.0;
    order_.clear();
    for (int i = 0; i < c.count; ++i)
      if (state.ev_point_session[first + i] >= 0 && !limits[i].forced)
        order_.push_back({ev_laxity_s(c, sessions[state.ev_point_session[first + i]],
                                      state.ev_point_delivered_kwh[first + i], state.tick),
                          i});
    std::sort(order_.begin(), order_.end());  // by laxity, then by point: deterministic
    for (const auto& [laxity, i] : order_) {
      const double kw = std::min(charge_kw, limits[i].max_charge_kw);
      wanted_kw[i] -= kw;
      charge_kw -= kw;
    }
    for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
      const int i = it->second;
      const double kw = std::min(discharge_kw, limits[i].max_discharge_kw);
      wanted_kw[i] += kw;
      discharge_kw -= kw;
    }
    double request_kw = 0, floor_kw = 0;
    for (int i = 0; i < c.count; ++i) {
      const int p = first + i;
      const int s = state.ev_point_session[p];
      forced_[p] = 0;
      point_bound_in_s_[p].reset();
      op.ev_point_kw[p] = 0;
      if (s < 0) continue;
      const EvOperation run = operate_ev(c, sessions[s], state.ev_point_delivered_kwh[p], state.tick, wanted_kw[i]);
      op.ev_point_kw[p] = run.bus_kw;
      point_bound_in_s_[p] = run.bound_in_s;
      forced_[p] = limits[i].forced ? 1 : 0;
      request_kw += run.bus_kw;
      if (limits[i].forced) floor_kw += run.bus_kw;
    }
    op.ev_request_kw[g] = request_kw;
    op.ev_floor_kw[g] = std::min(floor_kw, 0.0);
  }
}

void EvFleet::settle(ParkState& state) {
  OperatingPoint& op = state.powers;
  for (std::size_t g = 0; g < model_.ev_chargers.size(); ++g) {
    const EvChargerModel& c = model_.ev_chargers[g];
    const int first = first_point_[g];
    const double cut_kw = op.ev_kw[g] - op.ev_request_kw[g];  // > 0: less charging; < 0: less V2G
    if (cut_kw == 0) continue;
    double movable_kw = 0, forced_kw = 0;
    for (int p = first; p < first + c.count; ++p) {
      if (!(cut_kw > 0 ? op.ev_point_kw[p] < 0 : op.ev_point_kw[p] > 0)) continue;
      (forced_[p] ? forced_kw : movable_kw) += std::abs(op.ev_point_kw[p]);
    }
    const double keep = movable_kw > 0 ? std::max(0.0, 1 - std::abs(cut_kw) / movable_kw) : 1.0;
    // Only when the balance had to shed its last resort do forced cars charge slower too; they
    // then cannot finish before they leave, so their next event is their departure.
    const double forced_cut_kw = std::max(0.0, std::abs(cut_kw) - movable_kw);
    if (forced_cut_kw > 0 && forced_kw > 0) {
      const double forced_keep = std::max(0.0, 1 - forced_cut_kw / forced_kw);
      for (int p = first; p < first + c.count; ++p) {
        if (!forced_[p] || op.ev_point_kw[p] >= 0) continue;
        op.ev_point_kw[p] *= forced_keep;
        point_bound_in_s_[p].reset();
      }
    }
    for (int p = first; p < first + c.count; ++p) {
      const int s = state.ev_point_session[p];
      if (s < 0 || forced_[p] || !(cut_kw > 0 ? op.ev_point_kw[p] < 0 : op.ev_point_kw[p] > 0)) continue;
      op.ev_point_kw[p] *= keep;
      // A slower car reaches its edges later, so its operation stays feasible as it is.
      const EvOperation run =
          operate_ev(c, (*c.sessions)[s], state.ev_point_delivered_kwh[p], state.tick, op.ev_point_kw[p]);
      if (run.bus_kw != op.ev_point_kw[p])
        throw std::logic_error("EV charger '" + c.name + "': the balanced power " + std::to_string(op.ev_point_kw[p]) +
                               " kW is not feasible");
      point_bound_in_s_[p] = run.bound_in_s;
    }
  }
}

void EvFleet::summarise(const ParkState& state, EvGroupSummary& out) const {
  const std::size_t groups = model_.ev_chargers.size();
  for (auto* v : {&out.plugged, &out.energy_needed_kwh, &out.charge_limit_kw, &out.forced_kw, &out.v2g_limit_kw})
    v->assign(groups, 0.0);
  for (std::size_t g = 0; g < groups; ++g) {
    const EvChargerModel& c = model_.ev_chargers[g];
    for (int p = first_point_[g]; p < first_point_[g] + c.count; ++p) {
      const int s = state.ev_point_session[p];
      if (s < 0) continue;
      const EvSession& session = (*c.sessions)[s];
      const EvLimits limits = ev_limits(c, session, state.ev_point_delivered_kwh[p], state.tick);
      out.plugged[g] += 1;
      out.energy_needed_kwh[g] += std::max(0.0, session.energy_requested_kwh - state.ev_point_delivered_kwh[p]);
      out.charge_limit_kw[g] += limits.max_charge_kw;
      if (limits.forced) out.forced_kw[g] += limits.max_charge_kw;
      out.v2g_limit_kw[g] += limits.max_discharge_kw;
    }
  }
}

std::optional<Tick> EvFleet::next_event(const ParkState& state) const {
  std::optional<Tick> next;
  const auto consider = [&](Tick t) {
    if (t > state.tick && (!next || t < *next)) next = t;
  };
  for (std::size_t g = 0; g < model_.ev_chargers.size(); ++g) {
    const EvChargerModel& c = model_.ev_chargers[g];
    const std::vector<EvSession>& sessions = *c.sessions;
    if (state.ev_next_session[g] < static_cast<int>(sessions.size()))
      consider(sessions[state.ev_next_session[g]].arrival_s);
    for (int p = first_point_[g]; p < first_point_[g] + c.count; ++p) {
      if (state.ev_point_session[p] < 0) continue;
      consider(sessions[state.ev_point_session[p]].departure_s);
      if (point_bound_in_s_[p]) consider(state.tick + *point_bound_in_s_[p]);
    }
  }
  return next;
}

}  // namespace zeropark
