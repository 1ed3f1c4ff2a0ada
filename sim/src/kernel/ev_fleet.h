// EV charge points in the plant: cars arrive, plug in where a point is free, charge (or give
// back, V2G) and leave, each at its exact second.
//
// Per group of charge points, each segment: cars that leave now are unplugged (what they still
// lacked is counted as undelivered), arriving cars take free points (or are turned away), and the
// group's request is formed from its cars (components/ev_charger.h). Without a set-point every car
// charges at once at its maximum. With one, forced cars charge at their maximum and the rest share
// the set-point in proportion to their limits: charging when it is negative, V2G when positive.
// The electric balance may grant the group less (it is flexible, like a battery); settle() then
// shares the cut among the cars that were not forced.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

// What a controller sees of each group's cars.
struct EvGroupSummary {
  std::vector<double> plugged, energy_needed_kwh, charge_limit_kw, forced_kw, v2g_limit_kw;
};

class EvFleet {
 public:
  explicit EvFleet(const ParkModel& model);

  // Departures and arrivals due at state.tick (idempotent within a tick).
  void exchange_cars(ParkState& state);
  // Writes op.ev_point_kw, op.ev_request_kw and op.ev_floor_kw from the cars and set-points.
  void request(ParkState& state);
  // Applies what the balance granted (op.ev_kw) to the cars and finds their next events.
  void settle(ParkState& state);
  // Per group, the cars plugged in at state.tick: how many, what they lack, their limits.
  void summarise(const ParkState& state, EvGroupSummary& out) const;
  // Earliest arrival, departure or car event after state.tick. Valid after settle().
  std::optional<Tick> next_event(const ParkState& state) const;

 private:
  const ParkModel& model_;
  std::vector<int> first_point_;  // per group: index of its first charge point
  std::vector<std::optional<Tick>> point_bound_in_s_;
  std::vector<int> forced_;                    // per point: 1 when the car must charge flat out
  std::vector<std::pair<double, int>> order_;  // scratch: flexible cars by laxity (s), point in group
};

}  // namespace zeropark
