// The plant: the park's physics, stepped from event to event inside one SimGrid actor.
//
// Between two events every power is constant, so energy integrates exactly. The next event is the
// earliest of: an input change (a resolution step, an hour of a profile or series, a tariff
// period), a battery or heat tank reaching the edge of its window, a heat pump's minimum run or
// off time ending, a controller decision, or the end.
// Nothing here knows SimGrid: the runner decides when to call advance_to(), so the same plant can
// be driven by a test directly.
#pragma once

#include <memory>

#include "kernel/balance.h"
#include "kernel/buildings.h"
#include "kernel/ev_fleet.h"
#include "kernel/heat_balance.h"
#include "kernel/hydrogen_system.h"
#include "kernel/inputs.h"
#include "kernel/outages.h"
#include "zeropark/controller.h"
#include "zeropark/model.h"
#include "zeropark/state.h"
#include "zeropark/trace.h"

namespace zeropark {

class Plant {
 public:
  Plant(const ParkModel& model, ParkState& state, TraceSink& sink);

  void begin();
  // Takes up a state that has already run (a fork, a checkpoint): like begin() without telling the
  // sinks that a run starts.
  void resume();
  // The measurements at the current tick, for a controller decision.
  Observation observe();
  // Stores the controller's set-points; the plant enforces limits when it solves.
  void apply(const Command& command);
  // Integrates segments until state.tick == limit (limit ≤ model.end_tick).
  void advance_to(Tick limit);
  // Integrates one segment, ending no later than `limit`.
  void step(Tick limit);
  void finish();

  bool done() const { return state_.tick >= model_.end_tick; }

 private:
  // Turns set-points into feasible battery powers and balances the buses for the current segment.
  void solve_segment();
  // Reports the current segment, which ends at the next event (no later than `until`), integrates
  // its energy exactly and moves the state to that event.
  void integrate(Tick until);
  // Refreshes the inputs due at the current tick, closing and opening buildings' steps.
  void refresh_inputs();
  // Ages a battery over the segment just integrated and shrinks its window as its capacity fades.
  void age_battery(std::size_t i, Tick dt);
  // Sets battery i's window from its ageing state, clipping stored energy that no longer fits.
  void fade_window(std::size_t i);
  // Raises battery i's window bottom to its backup reserve while the grid is connected.
  void apply_backup_reserve(std::size_t i);

  const ParkModel& model_;
  ParkState& state_;
  TraceSink& sink_;
  InputSampler inputs_;
  PowerBalancer balancer_;
  HeatBalancer heat_;
  BuildingStepper buildings_;
  EvFleet ev_;
  HydrogenSystem hydrogen_;
  OutageSchedule outages_;
  EvGroupSummary ev_observed_;              // what observe() shows of the cars
  std::vector<double> heat_bus_demand_kw_;  // what observe() shows of the heat buses
  Tick next_input_change_ = 0;
  std::vector<BatteryModel> batteries_;  // their windows as faded so far
  std::vector<std::optional<Tick>> battery_bound_in_s_;
  std::vector<double> battery_must_draw_kw_;
  // Per battery, this segment: out of service, or at its bottom edge without the float charge that
  // holds it there (an island with nothing to feed it). It rests: only self-discharge moves it.
  std::vector<char> battery_resting_;
};

}  // namespace zeropark
