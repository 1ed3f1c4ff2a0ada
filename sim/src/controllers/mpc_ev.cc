// Replaying the charge points' occupancy and aggregating a group's cars over the horizon.
#include "controllers/mpc_ev.h"

#include <algorithm>
#include <functional>
#include <queue>

#include "components/ev_charger.h"
#include "components/ev_sessions.h"

namespace zeropark {
namespace {

struct Car {
  Tick start = 0;  // max(arrival, decision)
  Tick departure = 0;
  double need_kwh = 0;
  double room_kwh = 0;  // V2G may take this much more
  double charge_kw = 0;
  bool present = false;  // plugged in at the decision
};

// Share of [from, to) inside [a, b), as a fraction of (b − a).
double overlap_fraction(Tick from, Tick to, Tick a, Tick b) {
  const Tick lo = std::max(from, a), hi = std::min(to, b);
  return hi > lo ? static_cast<double>(hi - lo) / static_cast<double>(b - a) : 0.0;
}

const std::vector<EvSession>& sessions_of(const EvChargerModel& charger) {
  static const std::vector<EvSession> kNone;
  return charger.sessions ? *charger.sessions : kNone;
}

}  // namespace

std::vector<char> sessions_plugged_in(const EvChargerModel& charger) {
  const std::vector<EvSession>& sessions = sessions_of(charger);
  std::vector<char> plugged(sessions.size(), 0);
  // Departures of the cars at the points, earliest first.
  std::priority_queue<Tick, std::vector<Tick>, std::greater<Tick>> leaving;
  for (std::size_t s = 0; s < sessions.size(); ++s) {
    while (!leaving.empty() && leaving.top() <= sessions[s].arrival_s) leaving.pop();
    if (static_cast<int>(leaving.size()) >= charger.count) continue;  // turned away
    plugged[s] = 1;
    leaving.push(sessions[s].departure_s);
  }
  return plugged;
}

EvGroupSessions::EvGroupSessions(const EvChargerModel& charger)
    : charger_(charger), plugged_in_(sessions_plugged_in(charger)) {
  Tick latest = 0;
  for (const EvSession& s : sessions_of(charger)) latest_departure_.push_back(latest = std::max(latest, s.departure_s));
}

DispatchEvGroup EvGroupSessions::horizon(const EvGroupNow& now, const std::vector<Tick>& bounds) const {
  const std::vector<EvSession>& sessions = sessions_of(charger_);
  const std::size_t n = bounds.size() - 1;
  const Tick decision = bounds.front(), end = bounds.back();
  const bool v2g = charger_.bidirectional;

  // Cars present now or arriving before the horizon's end; every earlier session has left.
  std::vector<Car> cars;
  const auto first = std::upper_bound(latest_departure_.begin(), latest_departure_.end(), decision);
  for (std::size_t s = static_cast<std::size_t>(first - latest_departure_.begin());
       s < sessions.size() && sessions[s].arrival_s < end; ++s) {
    const EvSession& session = sessions[s];
    if (!plugged_in_[s] || session.departure_s <= decision) continue;
    Car car;
    car.present = session.arrival_s <= decision;
    car.start = std::max(session.arrival_s, decision);
    car.departure = session.departure_s;
    car.need_kwh = session.energy_requested_kwh;
    car.charge_kw = ev_max_charge_kw(charger_, session);
    car.room_kwh = v2g ? kV2gShareOfBattery * session.battery_capacity_kwh : 0.0;
    cars.push_back(car);
  }

  // Split the observed need among the cars present (see the header): first the cars the plant
  // forces, then the rest in proportion to their requests.
  std::vector<Car*> present;
  for (Car& car : cars)
    if (car.present) present.push_back(&car);
  std::stable_sort(present.begin(), present.end(),
                   [](const Car* a, const Car* b) { return a->departure < b->departure; });
  double left_kwh = std::max(0.0, now.energy_needed_kwh);
  if (present.empty() && left_kwh > 0) {
    // Cars the replay does not know of (an observation made up by a caller): one car that stays to the end.
    cars.push_back({decision, end, left_kwh, 0.0, now.charge_limit_kw, true});
    present.push_back(&cars.back());
  }
  std::vector<double> request_kwh;
  for (Car* car : present) request_kwh.push_back(car->need_kwh);
  // Most a car can still take by its departure; a forced car needs exactly that.
  const auto reachable_kwh = [&](const Car& car) {
    return car.charge_kw * charger_.efficiency * static_cast<double>(car.departure - decision) / kSecondsPerHourD;
  };
  std::vector<char> forced(present.size(), 0);
  double forced_left_kw = now.forced_kw;
  for (std::size_t i = 0; i < present.size(); ++i) {
    Car& car = *present[i];
    const double reachable = reachable_kwh(car);
    if (forced_left_kw < car.charge_kw - 1e-9 || request_kwh[i] + car.room_kwh < reachable) continue;
    forced[i] = 1;
    forced_left_kw -= car.charge_kw;
    car.need_kwh = std::min(reachable, left_kwh);
    left_kwh -= car.need_kwh;
  }
  double flexible_request_kwh = 0;
  for (std::size_t i = 0; i < present.size(); ++i)
    if (!forced[i]) flexible_request_kwh += request_kwh[i];
  const double share = flexible_request_kwh > 0 ? left_kwh / flexible_request_kwh : 0.0;
  Car* latest = nullptr;
  for (std::size_t i = 0; i < present.size(); ++i) {
    if (forced[i]) continue;
    present[i]->need_kwh = std::min(request_kwh[i] * share, reachable_kwh(*present[i]));
    left_kwh -= present[i]->need_kwh;
    latest = present[i];
  }
  // What no car can take in time (rounding, or cars the replay missed) stays with the last to leave.
  if (left_kwh > 1e-9 && (latest || !present.empty())) (latest ? latest : present.back())->need_kwh += left_kwh;
  // Delivered so far = request − need; V2G may go 20 % of the battery below arrival.
  for (std::size_t i = 0; i < present.size() && v2g; ++i)
    present[i]->room_kwh = std::max(0.0, present[i]->room_kwh + request_kwh[i] - present[i]->need_kwh);

  // Energy the plant's laxity rule alone puts into a car by tick t: it charges flat out from the
  // last moment that still gets its need in by its departure (a car asking for more than its stay
  // allows starts before it arrives: the programme's shortfall then shows it).
  const double eta = charger_.efficiency;
  const auto just_in_time_kwh = [eta](const Car& car, Tick t) {
    const double rate_kw = car.charge_kw * eta;
    if (rate_kw <= 0) return t >= car.departure ? car.need_kwh : 0.0;
    const double from_s = static_cast<double>(car.departure) - car.need_kwh * kSecondsPerHourD / rate_kw;
    return std::clamp((static_cast<double>(t) - from_s) * rate_kw / kSecondsPerHourD, 0.0, car.need_kwh);
  };

  DispatchEvGroup group;
  group.efficiency = eta;
  group.bidirectional = v2g;
  group.min_charge_kw = now.forced_kw;
  for (std::size_t k = 0; k < n; ++k) {
    const Tick a = bounds[k], b = bounds[k + 1];
    const bool last = k + 1 == n;
    double charge_kw = k == 0 ? now.charge_limit_kw : 0.0;
    double discharge_kw = k == 0 && v2g ? now.v2g_limit_kw : 0.0;
    double ceiling = 0, floor = 0, room = 0;
    for (const Car& car : cars) {
      if (car.start >= b) continue;  // not here yet
      ceiling += car.need_kwh;
      if (!(k == 0 && car.present)) {
        const double f = overlap_fraction(car.start, car.departure, a, b);
        charge_kw += f * car.charge_kw;
        if (v2g) discharge_kw += f * charger_.max_power_kw;
      }
      if (car.departure <= b) {
        floor += car.need_kwh;
      } else if (last) {
        const double share = static_cast<double>(b - car.start) / static_cast<double>(car.departure - car.start);
        floor += std::max(just_in_time_kwh(car, b), car.need_kwh * share);
      } else {
        floor += just_in_time_kwh(car, b);
        room += car.room_kwh;
      }
    }
    group.charge_max_kw.push_back(charge_kw);
    group.discharge_max_kw.push_back(discharge_kw);
    group.ceiling_kwh.push_back(ceiling);
    group.floor_kwh.push_back(floor - room);
  }
  return group;
}

}  // namespace zeropark
