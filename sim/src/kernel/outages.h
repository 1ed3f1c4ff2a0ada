// Which components are out of service at the current tick, from the model's outage profiles, and
// what that does to the operating point: an out generator delivers nothing, an out battery, charger
// group or electrolyser draws nothing, an out heat pump has no capacity, and an out grid
// connection islands the park.
#pragma once

#include <vector>

#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

class OutageSchedule {
 public:
  explicit OutageSchedule(const ParkModel& model);

  // Finds what is out at `tick` (any tick: forks and checkpoints start anywhere); returns the next
  // tick at which that changes (end_tick when it no longer does). True in `changed` when the set
  // of components out differs from the one found last.
  Tick refresh(Tick tick, bool& changed);

  bool any_out() const { return any_out_; }
  bool grid_out() const { return grid_out_; }
  bool out(VertexKind kind, int index) const;

  // Generation and capacities that an outage removes (after the inputs are sampled).
  void remove_supply(OperatingPoint& op) const;
  // Draws that an outage removes (after the devices have made their requests).
  void remove_requests(OperatingPoint& op) const;

 private:
  const ParkModel& model_;
  std::vector<char> out_;  // per profile
  bool any_out_ = false;
  bool grid_out_ = false;
};

}  // namespace zeropark
