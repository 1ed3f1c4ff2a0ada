// What the view's clock and what-if controls drive: a live simulation (SimulationRunner) or the
// replay of a recorded trace (ReplayPlayer). The UI takes a snapshot each frame and queues
// commands; it never knows which of the two it is drawing.
#pragma once

#include <memory>

#include "snapshot.h"
#include "what_if.h"

namespace zeropark::view {

class ViewDriver {
 public:
  virtual ~ViewDriver() = default;

  // Called by the UI once per frame before snapshot(): a driver without a thread of its own
  // advances here, within a small time budget.
  virtual void on_frame() {}
  // The latest snapshot (never null).
  virtual std::shared_ptr<const ViewSnapshot> snapshot() const = 0;
  virtual const ParkModel& model() const = 0;

  virtual void set_paused(bool paused) = 0;
  virtual void set_speed(double sim_s_per_wall_s) = 0;  // ≤ 0: as fast as possible
  virtual void step_event() = 0;                        // one event (a trace's next row)
  virtual void jump_to(Tick tick) = 0;
  // Both go back: a live run from its checkpoints (a fork is dropped), a replay from its rows.
  virtual bool can_jump_back() const = 0;
  // What-if forks need a running session: a replay has none.
  virtual bool can_fork() const = 0;
  virtual void apply_edit(const WhatIfEdit& edit) = 0;
  virtual void drop_fork() = 0;          // every fork
  virtual void drop_fork(int slot) = 0;  // the fork of that slot (ForkNow::slot)
};

}  // namespace zeropark::view
