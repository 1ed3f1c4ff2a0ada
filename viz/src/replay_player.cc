// The replay clock (see replay_player.h).
#include "replay_player.h"

#include <algorithm>

namespace zeropark::view {

using Clock = std::chrono::steady_clock;

namespace {
// Rows appended per frame at most this long, so a jump or full speed never stalls the frame rate
// for long (a year of one-minute rows still rebuilds in one go when jumping back).
constexpr std::chrono::microseconds kFrameBudget{4000};
}  // namespace

ReplayPlayer::ReplayPlayer(std::shared_ptr<const TraceReplay> trace, RunnerOptions options)
    : trace_(std::move(trace)), options_(options), recorder_(options.window, options.history) {
  paused_ = options_.start_paused;
  speed_ = options_.speed;
  rate_since_ = Clock::now();
  reanchor();
  publish();
}

void ReplayPlayer::reanchor() {
  anchor_tick_ = trace_->tick_at(position_);
  anchor_wall_ = Clock::now();
}

void ReplayPlayer::seek(std::size_t position) {
  position = std::min(position, trace_->rows());
  if (position < position_) {  // the series only grow: going back rebuilds them
    recorder_ = SeriesRecorder(options_.window, options_.history);
    position_ = 0;
  }
  trace_->record_rows(recorder_, position_, position);
  rate_rows_ += position - position_;
  position_ = position;
}

void ReplayPlayer::set_paused(bool paused) {
  paused_ = paused;
  reanchor();
  publish();
}

void ReplayPlayer::set_speed(double speed) {
  speed_ = speed;
  reanchor();
  publish();
}

void ReplayPlayer::step_event() {
  seek(position_ + 1);
  reanchor();
  publish();
}

void ReplayPlayer::jump_to(Tick tick) {
  seek(trace_->position_at(tick));
  reanchor();
  publish();
}

void ReplayPlayer::apply_edit(const WhatIfEdit&) {
  refused_ = "what-if forks are not available in replay: open the scenario to fork it";
  publish();
}

void ReplayPlayer::on_frame() {
  const Clock::time_point now = Clock::now();
  const std::size_t before = position_;
  if (!paused_ && position_ < trace_->rows()) {
    const Clock::time_point deadline = now + kFrameBudget;
    if (speed_ <= 0) {
      // As fast as possible: rows in chunks until the frame's budget is spent.
      while (position_ < trace_->rows() && Clock::now() < deadline) seek(position_ + 64);
    } else {
      const double wall_s = std::chrono::duration<double>(now - anchor_wall_).count();
      const Tick target = anchor_tick_ + static_cast<Tick>(speed_ * wall_s);
      const std::size_t goal = trace_->position_at(target);
      while (position_ < goal && Clock::now() < deadline) seek(std::min(goal, position_ + 64));
      // Behind the paced clock after a full budget: drop the backlog rather than race later.
      if (position_ < goal) reanchor();
    }
  }
  const double rate_s = std::chrono::duration<double>(now - rate_since_).count();
  if (rate_s >= 0.5) {
    rows_per_s_ = static_cast<double>(rate_rows_) / rate_s;
    rate_rows_ = 0;
    rate_since_ = now;
  }
  if (position_ != before) publish();
}

void ReplayPlayer::publish() {
  auto next = std::make_shared<ViewSnapshot>(trace_->snapshot_at(position_, recorder_));
  next->paused = paused_;
  next->speed = speed_;
  next->events_per_s = rows_per_s_;
  next->fork_error = refused_;
  snapshot_ = std::move(next);
}

}  // namespace zeropark::view
