// What the view draws in one frame: a plain copy of a session's state, taken on the simulation
// thread and handed to the UI whole, so drawing never touches a running session; or the same
// built from a recorded trace's rows (trace_replay.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "readings.h"
#include "series_recorder.h"
#include "what_if.h"
#include "zeropark/kpi.h"
#include "zeropark/session.h"

namespace zeropark::view {

struct ComponentNow {
  std::string name;
  VertexKind kind = VertexKind::kBus;
  int index = -1;
  bool v2g = false;
  ComponentReading reading;
};

struct LineNow {
  std::string name;
  int line = -1;
  double flow_kw = 0;  // sent, at the parent end
  int direction = 0;   // +1 parent → child, -1 child → parent, 0 idle
  double loading = 0;  // |flow| / capacity, [0, 1]
};

struct KpiDelta {
  std::string key, unit;
  double original = 0, fork = 0;
  double delta() const { return fork - original; }
};

// The Shimen platform's summary tiles: what its operators watch day to day.
struct PlatformSummary {
  double pv_this_month_kwh = 0;
  double charging_hours_today = 0;  // charge-point hours occupied since local midnight
  int points_plugged_now = 0;
  int points_total = 0;
  double carbon_sink_so_far_kg = 0;  // green space uptake since the start
};

// Up to this many what-if forks run at once, each in its own colour.
inline constexpr std::size_t kMaxForks = 3;

// One what-if fork as the view shows it.
struct ForkNow {
  int slot = 0;  // 0 .. kMaxForks - 1: its colour, kept while it runs
  std::string label;
  WhatIfEdit edit;  // what "Save fork as YAML" writes
  Tick from_tick = 0;
  std::vector<KpiDelta> delta;  // top-level KPIs of the original and the fork, at the same tick
  // Named as the original's series and in the same order (empty until its first event); one
  // sample per event of the original from from_tick on, at the same ticks.
  std::vector<NamedSeries> series;
};

struct ViewSnapshot {
  Tick tick = 0;
  Tick end_tick = 0;
  std::uint64_t events = 0;
  std::string date;  // local civil time of `tick`
  bool done = false;
  bool paused = false;
  double speed = 0;                      // sim-seconds per wall-second; ≤ 0: as fast as possible
  double events_per_s = 0;               // of the simulation thread, lately
  std::vector<ComponentNow> components;  // one per topology vertex, in vertex order
  std::vector<LineNow> lines;            // one per model line
  double grid_kw = 0, price_cny_per_kwh = 0, carbon_kg_per_kwh = 0;
  KpiTable kpis;
  std::string kpi_note;  // where the KPIs come from, when not a live run's own accumulators
  bool replay = false;   // drawn from a recorded trace: no forks, the clock can go back
  PlatformSummary platform;
  std::vector<NamedSeries> series;
  // The what-if forks running beside the original, oldest first.
  std::vector<ForkNow> forks;
  bool has_fork() const { return !forks.empty(); }
  std::string fork_error;   // why the last edit could not be applied
  std::string fork_notice;  // why the last fork went away on its own (a jump back)
  // Rewind in a live run: checkpoints kept, their spacing and memory, and the series log's.
  std::size_t checkpoints = 0;
  Tick checkpoint_spacing_s = 0;
  std::size_t checkpoint_bytes = 0, series_log_bytes = 0;
};

// Fills the park's components, lines, grid exchange, price and carbon intensity from `readings`.
void fill_park_now(const ParkModel& model, const ParkReadings& readings, ViewSnapshot& snapshot);

// Green space uptake over the first `tick` seconds, as the KPI table counts it.
double carbon_sink_kg(const ParkModel& model, Tick tick);

// Fills everything a session and its recorder know (not the runner's fields: paused, speed,
// events_per_s, fork).
ViewSnapshot snapshot_of(const Session& session, const SeriesRecorder& recorder);

// Top-level KPIs (no per-component "energy_kwh.x" rows) of both tables, fork − original.
std::vector<KpiDelta> kpi_deltas(const KpiTable& original, const KpiTable& fork);

}  // namespace zeropark::view
