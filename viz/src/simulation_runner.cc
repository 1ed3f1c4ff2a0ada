// The simulation thread (see simulation_runner.h).
//
// One loop: take queued commands, decide how far to integrate (a jump target, queued steps, the
// paced target tick, or a time budget at full speed), integrate in a batch bounded by
// publish_interval, publish, and sleep on the command condition when there is nothing to do.
#include "simulation_runner.h"

#include <malloc.h>

#include <algorithm>

#include "civil_clock.h"

namespace zeropark::view {

using Clock = std::chrono::steady_clock;

SimulationRunner::SimulationRunner(std::shared_ptr<const ParkModel> model, RunnerOptions options)
    : model_(std::move(model)), options_(options), recorder_(options.window, options.history) {
  recorder_.keep_log(true);
  session_ = std::make_unique<Session>(model_, &recorder_);
  checkpoint_spacing_s_ = std::max<Tick>(1, options_.checkpoint_spacing_s);
  take_checkpoint();
  checkpoint_floor_bytes_ = checkpoints_.front().bytes;
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
    commands_.drop_forks = true;
  }
  wake_.notify_all();
}

void SimulationRunner::drop_fork(int slot) {
  {
    std::lock_guard lock(commands_mutex_);
    commands_.drop_slots.push_back(slot);
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
  if (c.jump) start_jump(std::min(*c.jump, model_->end_tick));
  if (c.drop_forks || !c.drop_slots.empty()) {
    fork_notice_.clear();
    std::erase_if(forks_, [&](const std::unique_ptr<Fork>& f) {
      return c.drop_forks || std::find(c.drop_slots.begin(), c.drop_slots.end(), f->slot) != c.drop_slots.end();
    });
  }
  for (const WhatIfEdit& edit : c.edits) {
    // Between events, so the fork starts from a whole state; a failed edit changes no fork.
    if (forks_.size() >= kMaxForks) {
      fork_error_ = std::to_string(kMaxForks) + " forks run already: drop one to try \"" + edit.label() + "\"";
      continue;
    }
    try {
      auto edited = std::make_shared<const ParkModel>(zeropark::view::apply_edit(*model_, edit));
      auto fork = std::make_unique<Fork>();
      // The lowest free slot, so a fork keeps its colour when another is dropped.
      while (std::any_of(forks_.begin(), forks_.end(), [&](const auto& f) { return f->slot == fork->slot; }))
        ++fork->slot;
      fork->edit = edit;
      fork->from_tick = session_->state().tick;
      fork->recorder = SeriesRecorder(options_.window, options_.history);
      fork->recorder.set_aligned(true);
      fork->session = session_->fork(edited, &fork->recorder);
      forks_.push_back(std::move(fork));
      fork_error_.clear();
      fork_notice_.clear();
    } catch (const std::exception& e) {
      fork_error_ = e.what();
    }
  }
  const bool changed =
      c.paused || c.speed || c.jump || c.drop_forks || !c.drop_slots.empty() || !c.edits.empty() || c.steps > 0;
  for (; c.steps > 0; --c.steps) advance_one();
  if (changed) publish();
  return true;
}

bool SimulationRunner::advance_one() {
  const Tick segment_start = session_->state().tick;
  if (!session_->step_event()) return false;
  for (const auto& fork : forks_) {
    // The fork's sample for the original's segment just integrated, at the same tick. Forks never
    // touch one another: each is a session of its own, so each runs as it would alone.
    fork->session->run_until(session_->state().tick);
    fork->recorder.sample_at(segment_start);
  }
  // After a jump back the checkpoints ahead are still those of this very run: none is retaken.
  if (session_->state().tick >= checkpoints_.back().session->state().tick + checkpoint_spacing_s_) take_checkpoint();
  return true;
}

void SimulationRunner::take_checkpoint() {
  // The heap a Session copy holds (state, KPI accumulators, plant) is not visible from here, so
  // it is measured: the allocator's in-use bytes before and after the copy. Another thread
  // allocating meanwhile can only make a reading larger or smaller by its own traffic; the first
  // checkpoint, taken before the thread starts, serves as a floor so the sum is never short.
  const std::size_t before = mallinfo2().uordblks;
  Checkpoint c;
  c.session = session_->fork();
  const std::size_t after = mallinfo2().uordblks;
  c.marks = recorder_.marks();
  c.samples = recorder_.log_samples();
  c.bytes = std::max(after > before ? after - before : 0, checkpoint_floor_bytes_) + sizeof(Checkpoint);
  checkpoints_.push_back(std::move(c));
  const auto total = [&] {
    std::size_t bytes = 0;
    for (const Checkpoint& k : checkpoints_) bytes += k.bytes;
    return bytes;
  };
  // Over the cap: keep every other checkpoint (the one at tick 0 always) at twice the spacing.
  while (checkpoints_.size() > 1 && total() > options_.checkpoint_cap_bytes) {
    std::vector<Checkpoint> kept;
    for (std::size_t i = 0; i < checkpoints_.size(); i += 2) kept.push_back(std::move(checkpoints_[i]));
    checkpoints_ = std::move(kept);
    checkpoint_spacing_s_ *= 2;
  }
}

void SimulationRunner::restore_checkpoint(Tick target) {
  auto at = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), target,
                             [](Tick t, const Checkpoint& c) { return t < c.session->state().tick; });
  if (at != checkpoints_.begin()) --at;
  // The copy runs on, the checkpoint stays as it was for the next jump.
  session_ = at->session->fork(nullptr, &recorder_);
  recorder_.rewind_to(at->samples, at->marks);
}

void SimulationRunner::start_jump(Tick target) {
  const Tick now = session_->state().tick;
  if (target < now) {
    if (!forks_.empty()) {
      std::string labels;
      for (const auto& fork : forks_) labels += (labels.empty() ? "\"" : ", \"") + fork->edit.label() + "\"";
      fork_notice_ = (forks_.size() == 1 ? "the fork " : "the forks ") + labels + " dropped: the run jumped back to " +
                     format_civil(civil_at(model_->start, target)) + ", before their present";
      forks_.clear();
    }
    restore_checkpoint(target);
  } else if (forks_.empty()) {
    // Forward past a checkpoint left by an earlier pass: start from there instead of re-running.
    // With forks the original cannot skip, since each fork samples every one of its events.
    const auto ahead = std::find_if(checkpoints_.rbegin(), checkpoints_.rend(),
                                    [&](const Checkpoint& c) { return c.session->state().tick <= target; });
    if (ahead != checkpoints_.rend() && ahead->session->state().tick > now) restore_checkpoint(target);
  }
  jump_target_ = target;
}

void SimulationRunner::publish() {
  auto next = std::make_shared<ViewSnapshot>(snapshot_of(*session_, recorder_));
  next->paused = paused_;
  next->speed = speed_;
  next->events_per_s = events_per_s_;
  next->fork_error = fork_error_;
  next->fork_notice = fork_notice_;
  next->checkpoints = checkpoints_.size();
  next->checkpoint_spacing_s = checkpoint_spacing_s_;
  for (const Checkpoint& c : checkpoints_) next->checkpoint_bytes += c.bytes;
  next->series_log_bytes = recorder_.log_bytes();
  for (const auto& fork : forks_) {
    ForkNow& now = next->forks.emplace_back();
    now.slot = fork->slot;
    now.label = fork->edit.label();
    now.edit = fork->edit;
    now.from_tick = fork->from_tick;
    now.delta = kpi_deltas(next->kpis, fork->session->kpis_so_far());
    now.series = fork->recorder.series();
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
               !commands_.edits.empty() || commands_.drop_forks || !commands_.drop_slots.empty();
      });
    }
  }
}

}  // namespace zeropark::view
