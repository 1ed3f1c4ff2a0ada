// Trace sinks: listeners that receive every event of a run, with empty defaults (like Catch2's
// reporters). The HDF5 trace, the KPI accumulators and a live view are peers behind one fan-out.
#pragma once

#include <memory>
#include <vector>

#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void on_run_start(const ParkModel&, const ParkState&) {}
  // Called once per segment, after the operating point is solved and before it is integrated:
  // state.powers hold from state.tick for `duration_s` seconds.
  virtual void on_event(const ParkModel&, const ParkState&, Tick /*duration_s*/) {}
  // Called when the run reached its end; not called when it failed.
  virtual void on_run_end(const ParkModel&, const ParkState&) {}
};

// Forwards every call to each sink in order.
class TraceFanout final : public TraceSink {
 public:
  void add(TraceSink* sink) { sinks_.push_back(sink); }
  void on_run_start(const ParkModel& m, const ParkState& s) override {
    for (TraceSink* sink : sinks_) sink->on_run_start(m, s);
  }
  void on_event(const ParkModel& m, const ParkState& s, Tick duration_s) override {
    for (TraceSink* sink : sinks_) sink->on_event(m, s, duration_s);
  }
  void on_run_end(const ParkModel& m, const ParkState& s) override {
    for (TraceSink* sink : sinks_) sink->on_run_end(m, s);
  }

 private:
  std::vector<TraceSink*> sinks_;
};

}  // namespace zeropark
