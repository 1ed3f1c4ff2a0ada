// Playing a recorded trace back in the view: the clock of a replay.
//
// Unlike SimulationRunner it needs no thread: every row is in memory (TraceReplay), so advancing
// is appending rows to the plotted series, done on the UI thread in on_frame() within a time
// budget, and drawing never waits. It can also go back: jumping to an earlier date rebuilds the
// series from the first row. What-if forks need a live session and are refused.
#pragma once

#include <chrono>
#include <memory>

#include "simulation_runner.h"
#include "trace_replay.h"
#include "view_driver.h"

namespace zeropark::view {

class ReplayPlayer final : public ViewDriver {
 public:
  // Uses the options' speed, start_paused, window and history; the clock starts at position 0.
  explicit ReplayPlayer(std::shared_ptr<const TraceReplay> trace, RunnerOptions options = {});

  void on_frame() override;
  std::shared_ptr<const ViewSnapshot> snapshot() const override { return snapshot_; }
  const ParkModel& model() const override { return *trace_->model(); }

  void set_paused(bool paused) override;
  void set_speed(double sim_s_per_wall_s) override;
  void step_event() override;
  void jump_to(Tick tick) override;  // to the last row starting at or before `tick`, back or forth
  bool can_jump_back() const override { return true; }
  bool can_fork() const override { return false; }
  void apply_edit(const WhatIfEdit& edit) override;  // refused: the snapshot says why
  void drop_fork() override {}
  void drop_fork(int) override {}

  std::size_t position() const { return position_; }
  const TraceReplay& trace() const { return *trace_; }

 private:
  void seek(std::size_t position);  // moves the clock and the series to `position`
  void reanchor();
  void publish();

  std::shared_ptr<const TraceReplay> trace_;
  RunnerOptions options_;
  SeriesRecorder recorder_;
  std::size_t position_ = 0;  // rows played (see trace_replay.h)
  bool paused_ = false;
  double speed_ = 0;
  Tick anchor_tick_ = 0;
  std::chrono::steady_clock::time_point anchor_wall_;
  double rows_per_s_ = 0;
  std::size_t rate_rows_ = 0;
  std::chrono::steady_clock::time_point rate_since_;
  std::string refused_;
  std::shared_ptr<const ViewSnapshot> snapshot_;
};

}  // namespace zeropark::view
