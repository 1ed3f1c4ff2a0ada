// A park run you drive yourself: step it event by event or up to a time, look at its state and
// KPIs at any moment, and fork it to try a what-if from where it stands.
//
// A Session runs the same plant and controller as run_park, deciding at the same ticks in the
// same order, so a session stepped to the end ends in the same state, bit for bit. It does so
// directly, without SimGrid's engine: a live view can hold several sessions (an original and its
// forks) in one process and pause them at will, which an engine per process cannot. The model is
// shared and never changes; a fork may take a changed copy of it (a bigger battery, another
// tariff or controller) as long as the park keeps the same components.
#pragma once

#include <memory>

#include "zeropark/controller.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/state.h"
#include "zeropark/trace.h"

namespace zeropark {

class Plant;

class Session {
 public:
  // Starts `model` from its initial state. `sink` (may be null, must outlive the session) sees
  // every event, as a trace does.
  explicit Session(std::shared_ptr<const ParkModel> model, TraceSink* sink = nullptr);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // A copy of this session at its current tick: the same state (and KPIs so far), run on
  // `model` when given (it must have the same components), else on this session's model. A
  // battery or tank the edit resized keeps its state of charge, within its new window.
  // Throws std::invalid_argument when the model's components differ.
  std::unique_ptr<Session> fork(std::shared_ptr<const ParkModel> model = nullptr, TraceSink* sink = nullptr) const;

  // Integrates one event (segment); false once the run has reached its end.
  bool step_event();
  // Integrates events until state().tick reaches `tick` (or the end).
  void run_until(Tick tick);
  bool done() const;

  const ParkModel& model() const { return *model_; }
  const std::shared_ptr<const ParkModel>& shared_model() const { return model_; }
  const ParkState& state() const { return state_; }
  // The KPIs of the run so far (energies, cost, CO2, self-sufficiency, ...), no baseline.
  KpiTable kpis_so_far() const;

 private:
  Session(std::shared_ptr<const ParkModel> model, const ParkState& state, const KpiAccumulator& kpis, TraceSink* sink);
  void decide();

  std::shared_ptr<const ParkModel> model_;
  ParkState state_;
  std::unique_ptr<Controller> controller_;
  Command command_;
  KpiAccumulator kpis_;
  TraceFanout sinks_;
  std::unique_ptr<Plant> plant_;
  bool finished_ = false;
};

// Whether `changed` has the same components as `model` (same kinds, counts and buses), so that a
// state of one can run on the other.
bool same_components(const ParkModel& model, const ParkModel& changed);

}  // namespace zeropark
