// Running a park: the SimGrid engine, the plant and controller actors, and the baseline.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "zeropark/controller.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"
#include "zeropark/state.h"
#include "zeropark/trace.h"

namespace zeropark {

// Command-line overrides of the scenario's simulation section.
struct RunOverrides {
  std::optional<std::string> start_iso;
  std::optional<std::string> end_iso;
  std::optional<std::uint64_t> seed;
  std::optional<Tick> resolution_s;
  // A built-in controller by name, or a plug-in by path (a value with '/' or ending in .so), in
  // place of the scenario's supervisory controller.
  std::optional<std::string> controller;
};

// Applies overrides to a spec before it is compiled, so they are validated like the file's values.
void apply_overrides(ParkSpec& spec, const RunOverrides& overrides);

struct RunProgress {
  Tick tick = 0;
  Tick end_tick = 0;
  std::uint64_t events = 0;
  double wall_s = 0;
};

// Thrown by run_park when SIGINT or SIGTERM arrived during the run (with stop_on_signal).
struct RunInterrupted : std::runtime_error {
  RunInterrupted(Tick at_tick) : std::runtime_error("interrupted"), tick(at_tick) {}
  Tick tick;
};

struct RunOptions {
  bool with_baseline = true;  // also run the park without PV and batteries, in the same engine
  std::function<void(const RunProgress&)> on_progress;  // called about every progress_interval_s
  double progress_interval_s = 0.25;
  // Stop cleanly at the next decision on SIGINT/SIGTERM (instead of SimGrid's own handler, which
  // exits at once): run_park then throws RunInterrupted and sinks never see on_run_end.
  bool stop_on_signal = false;
};

struct RunResult {
  ParkState final_state;
  KpiTable kpis;           // includes the baseline comparison when with_baseline
  KpiTable baseline_kpis;  // empty without a baseline
  std::uint64_t events = 0;
  double wall_s = 0;
  std::vector<ControllerStatistic> controller_statistics;  // the park's controller's, after the run
};

// Simulates `model` from its initial state to its end. `trace` (may be null) receives every
// event of the park itself (not of the baseline). Creates and runs a SimGrid engine, so it may
// be called once at a time per process. Throws on failure; sinks never see on_run_end then.
RunResult run_park(const ParkModel& model, TraceSink* trace, const RunOptions& options = {});

}  // namespace zeropark
