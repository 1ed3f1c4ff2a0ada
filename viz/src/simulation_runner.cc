// The simulation thread (see simulation_runner.h).
//
// One loop: take queued commands, decide how far to integrate (a jump target, queued steps, the
// paced target tick, or a time budget at full speed), integrate in a batch bounded by
// publish_interval, publish, and sleep on the command condition when there is nothing to do.
#include "simulation_runner.h"

#include <algorithm>

namespace zeropark::view {

using Clock = std::chrono::steady_clock;

SimulationRunner::SimulationRunner(std::shared_ptr<const ParkModel> model, RunnerOptions options)
    : model_(std::move(model)),
      options_(options),
      recorder_(options.window, options.history),
      fork_recorder_(options.window, options.history) {
  session_ = std::make_unique<Session>(model_, &recorder_);
  paused_ = options_.start_paused;
  speed_ = options_.speed;
  anchor_wall_ = Clock::now();
  publish();
}

SimulationRunner::~SimulationRunner() { stop(); }

void SimulationRunner::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { loop(); });
}

void SimulationRunner::stop() {
  {
    std::lock_guard lock(commands_mutex_);
    stop_requested_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SimulationRunner::set_paused(bool paused) {
  {
    std::lock_guard lock(commands_mutex_);
    commands_.paused = paused;
  }
  wake_.notify_all();
}

void SimulationRunner::set_speed(double speed) {
  {
    std::lock_guard lock(commands_mutex_);
    commands_.speed = speed;
  }
  wake_.notify_all();
}

void SimulationRunner::step_event() {
  {
    std::lock_guard lock(commands_mutex_);
    ++commands_.steps;
  }
  wake_.notify_all();
}

void SimulationRunner::jump_to(Tick tick) {
  {
    std::lock_guard lock(commands_mutex_);
    commands_.jump = tick;
  }
  wake_.notify_all();
}

void SimulationRunner::apply_edit(const WhatIfEdit& edit) {
  {
    std::lock_guard lock(commands_mutex_);
    commands_.edits.push_back(edit);
  }
  wake_.notify_all();
}

void SimulationRunner::drop_fork() {
  {
    std::lock_guard lock(commands_mutex_);
    commands_.drop_fork = true;
  }
  wake_.notify_all();
}

std::shared_ptr<const ViewSnapshot> SimulationRunner::snapshot() const {
  std::lock_guard lock(snapshot_mutex_);
  return snapshot_;
}

bool SimulationRunner::take_commands() {
  Commands c;
  {
    std::lock_guard lock(commands_mutex_);
    if (stop_requested_) return false;
    c = std::move(commands_);
    commands_ = Commands{};
  }
  const auto reanchor = [&] {
    anchor_tick_ = session_->state().tick;
    anchor_wall_ = Clock::now();
  };
  if (c.paused) {
    paused_ = *c.paused;
    reanchor();
  }
  if (c.speed) {
    speed_ = *c.speed;
    reanchor();
  }
  if (c.jump) jump_target_ = std::min(*c.jump, model_->end_tick);
  if (c.drop_fork) {
    fork_.reset();
    fork_label_.clear();
    fork_recorder_ = SeriesRecorder(options_.window, options_.history);
  }
  for (const WhatIfEdit& edit : c.edits) {
    // Between events, so the fork starts from a whole state; a failed edit keeps the old fork.
    try {
      auto edited = std::make_shared<const ParkModel>(zeropark::view::apply_edit(*model_, edit));
      fork_recorder_ = SeriesRecorder(options_.window, options_.history);
      fork_recorder_.set_aligned(true);
      fork_ = session_->fork(edited, &fork_recorder_);
      fork_label_ = edit.label();
      fork_from_tick_ = session_->state().tick;
      fork_error_.clear();
    } catch (const std::exception& e) {
      fork_error_ = e.what();
    }
  }
  const bool changed = c.paused || c.speed || c.drop_fork || !c.edits.empty() || c.steps > 0;
  for (; c.steps > 0; --c.steps) advance_one();
  if (changed) publish();
  return true;
}

bool SimulationRunner::advance_one() {
  const Tick segment_start = session_->state().tick;
  if (!session_->step_event()) return false;
  if (fork_) {
    // The fork's sample for the original's segment just integrated, at the same tick.
    fork_->run_until(session_->state().tick);
    fork_recorder_.sample_at(segment_start);
  }
  return true;
}

void SimulationRunner::publish() {
  auto next = std::make_shared<ViewSnapshot>(snapshot_of(*session_, recorder_));
  next->paused = paused_;
  next->speed = speed_;
  next->events_per_s = events_per_s_;
  next->fork_error = fork_error_;
  if (fork_) {
    next->has_fork = true;
    next->fork_label = fork_label_;
    next->fork_from_tick = fork_from_tick_;
    next->fork_delta = kpi_deltas(next->kpis, fork_->kpis_so_far());
    next->fork_series = fork_recorder_.series();
  }
  std::lock_guard lock(snapshot_mutex_);
  snapshot_ = std::move(next);
}

void SimulationRunner::loop() {
  std::uint64_t rate_events = 0;
  Clock::time_point rate_since = Clock::now();
  while (true) {
    if (!take_commands()) return;
    const Clock::time_point batch_start = Clock::now();
    const Clock::time_point deadline = batch_start + options_.publish_interval;
    std::uint64_t events = 0;
    // What to run this batch: a jump first, then the paced target; nothing while paused.
    std::optional<Tick> target;
    bool flat_out = false;
    if (jump_target_) {
      target = jump_target_;
    } else if (!paused_ && !session_->done()) {
      if (speed_ <= 0) {
        flat_out = true;
      } else {
        const double wall_s = std::chrono::duration<double>(batch_start - anchor_wall_).count();
        target = anchor_tick_ + static_cast<Tick>(speed_ * wall_s);
      }
    }
    while ((flat_out || (target && session_->state().tick < *target)) && Clock::now() < deadline) {
      if (!advance_one()) break;
      ++events;
    }
    if (jump_target_ && (session_->state().tick >= *jump_target_ || session_->done())) {
      jump_target_.reset();
      anchor_tick_ = session_->state().tick;
      anchor_wall_ = Clock::now();
    }
    // A paced run that cannot keep up drops the backlog instead of racing to catch up later.
    if (target && !jump_target_ && speed_ > 0 && *target - session_->state().tick > static_cast<Tick>(speed_)) {
      anchor_tick_ = session_->state().tick;
      anchor_wall_ = Clock::now();
    }
    rate_events += events;
    const double rate_s = std::chrono::duration<double>(Clock::now() - rate_since).count();
    if (rate_s >= 0.5) {
      events_per_s_ = static_cast<double>(rate_events) / rate_s;
      rate_events = 0;
      rate_since = Clock::now();
    }
    if (events > 0) publish();
    const bool busy = events > 0 && (flat_out || jump_target_ || (target && session_->state().tick < *target));
    if (!busy) {
      // Idle (paused, done, or ahead of the paced clock): sleep until a command or the next frame.
      std::unique_lock lock(commands_mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(paused_ || session_->done() ? 50 : 5), [&] {
        return stop_requested_ || commands_.paused || commands_.speed || commands_.steps > 0 || commands_.jump ||
               !commands_.edits.empty() || commands_.drop_fork;
      });
    }
  }
}

}  // namespace zeropark::view
