// The simulation thread behind the live view.
//
// A SimulationRunner owns a Session (and at most one what-if fork of it) and advances it on its
// own std::thread: at `speed` sim-seconds per wall-second, or as fast as it can, or one event at
// a time while paused. Every few milliseconds it publishes an immutable ViewSnapshot; the UI takes
// the latest with snapshot(), which only copies a shared_ptr under a mutex, so drawing never waits
// on the simulation. Commands (pause, step, speed, jump, what-if edits) are queued and applied by
// the simulation thread between events, never in the middle of one.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "snapshot.h"
#include "view_driver.h"
#include "what_if.h"

namespace zeropark::view {

struct RunnerOptions {
  double speed = 6 * 3600;  // sim-seconds per wall-second; ≤ 0: as fast as possible
  bool start_paused = false;
  std::size_t window = 720;    // samples in each series' scrolling window
  std::size_t history = 2048;  // points in each series' whole-run history
  // How long the thread integrates before it publishes; bounds the snapshot's age.
  std::chrono::milliseconds publish_interval{15};
};

class SimulationRunner final : public ViewDriver {
 public:
  explicit SimulationRunner(std::shared_ptr<const ParkModel> model, RunnerOptions options = {});
  ~SimulationRunner() override;  // stops and joins the thread
  SimulationRunner(const SimulationRunner&) = delete;
  SimulationRunner& operator=(const SimulationRunner&) = delete;

  void start();  // launches the thread (once)
  void stop();   // asks it to finish its batch and joins it

  void set_paused(bool paused) override;
  void set_speed(double sim_s_per_wall_s) override;
  void step_event() override;        // one event, paused or not
  void jump_to(Tick tick) override;  // runs to `tick` as fast as possible (forward only), then resumes pace
  bool can_jump_back() const override { return false; }
  bool can_fork() const override { return true; }
  void apply_edit(const WhatIfEdit& edit) override;  // forks from the current state on the edited model
  void drop_fork() override;

  // The latest published snapshot (never null after construction).
  std::shared_ptr<const ViewSnapshot> snapshot() const override;
  const ParkModel& model() const override { return *model_; }

 private:
  struct Commands {
    std::optional<bool> paused;
    std::optional<double> speed;
    int steps = 0;
    std::optional<Tick> jump;
    std::vector<WhatIfEdit> edits;
    bool drop_fork = false;
  };

  void loop();
  bool take_commands();  // applies queued commands; false when asked to stop
  bool advance_one();    // one event of the original, the fork kept at its tick
  void publish();

  std::shared_ptr<const ParkModel> model_;
  RunnerOptions options_;
  SeriesRecorder recorder_;
  std::unique_ptr<Session> session_;
  SeriesRecorder fork_recorder_;
  std::unique_ptr<Session> fork_;
  std::string fork_label_, fork_error_;
  Tick fork_from_tick_ = 0;

  // Simulation-thread pacing.
  bool paused_ = false;
  double speed_ = 0;
  std::optional<Tick> jump_target_;
  Tick anchor_tick_ = 0;
  std::chrono::steady_clock::time_point anchor_wall_;
  double events_per_s_ = 0;

  mutable std::mutex commands_mutex_;
  std::condition_variable wake_;
  Commands commands_;
  bool stop_requested_ = false;

  mutable std::mutex snapshot_mutex_;
  std::shared_ptr<const ViewSnapshot> snapshot_;

  std::thread thread_;
};

}  // namespace zeropark::view
