// The simulation thread behind the live view.
//
// A SimulationRunner owns a Session (and up to kMaxForks what-if forks of it) and advances it on its
// own std::thread: at `speed` sim-seconds per wall-second, or as fast as it can, or one event at
// a time while paused. Every few milliseconds it publishes an immutable ViewSnapshot; the UI takes
// the latest with snapshot(), which only copies a shared_ptr under a mutex, so drawing never waits
// on the simulation. Commands (pause, step, speed, jump, what-if edits) are queued and applied by
// the simulation thread between events, never in the middle of one.
//
// Jumps go both ways. The thread keeps checkpoints of the original (a Session copy, the series
// log's length and the calendar marks) about one per `checkpoint_spacing_s`; past the memory cap
// it drops every other one and doubles the spacing. A jump back restores the last checkpoint at
// or before the target and re-simulates to it, which a Session does bit for bit, so the snapshot
// equals that of a run played to the target directly. Forks cannot follow the original back in
// time: a jump back drops them, and the snapshot says so.
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
  // Rewind: the simulated time between checkpoints to begin with, and the memory they may take.
  Tick checkpoint_spacing_s = 86400;
  std::size_t checkpoint_cap_bytes = std::size_t{64} << 20;
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
  void step_event() override;  // one event, paused or not
  // Runs to `tick` as fast as possible, from the last checkpoint at or before it when that is
  // behind the current tick (or ahead of it, with no forks to carry along), then resumes pace.
  void jump_to(Tick tick) override;
  bool can_jump_back() const override { return true; }
  bool can_fork() const override { return true; }
  // Forks from the current state on the edited model, beside the forks already running; refused
  // (fork_error) when kMaxForks run already.
  void apply_edit(const WhatIfEdit& edit) override;
  void drop_fork() override;  // every fork
  void drop_fork(int slot) override;

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
    bool drop_forks = false;
    std::vector<int> drop_slots;
  };

  struct Fork {
    int slot = 0;  // its colour, kept while it runs
    WhatIfEdit edit;
    Tick from_tick = 0;
    SeriesRecorder recorder;           // aligned with the original's events
    std::unique_ptr<Session> session;  // sinks into `recorder`, so a Fork never moves
  };

  struct Checkpoint {
    std::unique_ptr<Session> session;  // a copy of the original at an event boundary, never stepped
    CalendarMarks marks;               // the recorder's, then
    std::size_t samples = 0;           // the series log's length, then
    std::size_t bytes = 0;             // heap it holds (measured, see take_checkpoint)
  };

  void loop();
  void take_checkpoint();
  void restore_checkpoint(Tick target);  // the last checkpoint at or before target
  void start_jump(Tick target);
  bool take_commands();  // applies queued commands; false when asked to stop
  bool advance_one();    // one event of the original, the forks kept at its tick
  void publish();

  std::shared_ptr<const ParkModel> model_;
  RunnerOptions options_;
  SeriesRecorder recorder_;
  std::unique_ptr<Session> session_;
  std::vector<std::unique_ptr<Fork>> forks_;  // oldest first
  std::string fork_error_, fork_notice_;

  std::vector<Checkpoint> checkpoints_;  // by tick, the first at tick 0
  Tick checkpoint_spacing_s_ = 0;
  std::size_t checkpoint_floor_bytes_ = 0;  // the first one's size: a floor for the later ones

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
