// A trace sink that keeps what the live view plots: power by component, state of charge, grid
// import and export, price and carbon intensity, plus the calendar marks the Shimen platform
// summary needs (energy counters at the start of the month and of the day).
//
// It is a TraceSink like the HDF5 trace (STYLE.md §4): a session calls it once per event with
// the segment's powers, so every sample is exact for its segment.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "palette.h"
#include "readings.h"
#include "time_series.h"
#include "zeropark/trace.h"

namespace zeropark::view {

struct NamedSeries {
  std::string name;   // "grid import", "pv_office_roofs", "battery_main SOC"
  std::string unit;   // "kW", "%", "CNY/kWh", "kg/kWh", "kg/h"
  std::string group;  // "grid", "power", "soc", "price", "carbon"
  Rgba colour;
  TimeSeries data;
};

// Energy counters at the start of the current month and day, for "this month" and "today".
struct CalendarMarks {
  int month_key = -1;                  // year × 100 + month of the mark
  int day_key = -1;                    // year × 10000 + month × 100 + day
  double month_start_pv_kwh = 0;       // PV + PV/thermal electricity delivered before this month
  double day_start_plugged_hours = 0;  // charge-point hours occupied before today
};

// By default every event of the session it is attached to becomes a sample. A what-if fork's
// recorder is "aligned" instead: the runner asks for one sample per event of the original, at the
// original's segment start, so the fork's series line up sample for sample with the original's
// from the fork tick on, whatever extra (or fewer) events the edit gives the fork.
class SeriesRecorder final : public TraceSink {
 public:
  explicit SeriesRecorder(std::size_t window = 720, std::size_t history = 2048);

  // Aligned mode: on_event only queues each segment's readings; sample_at(t) pushes those of the
  // segment holding at t (the last one starting by t). The runner calls it with the original's
  // segment start once the fork has run to the original's new tick.
  void set_aligned(bool aligned) { aligned_ = aligned; }
  void sample_at(Tick tick);

  void on_run_start(const ParkModel& model, const ParkState& state) override;
  void on_event(const ParkModel& model, const ParkState& state, Tick duration_s) override;

  // One sample at `tick` (a segment's start) from readings of that segment, as on_event takes
  // them from a live state: how a replayed trace's rows become the same series. No calendar marks.
  void record(const ParkModel& model, Tick tick, const ParkReadings& readings);

  const std::vector<NamedSeries>& series() const { return series_; }
  const CalendarMarks& marks() const { return marks_; }

  // Rewind support for a live run. With the log kept, every sample pushed is also written, in
  // full precision, to a flat log; rewind_to() rebuilds the series from its first `samples`
  // entries, so they hold exactly what they held when they had that many samples. Copying the
  // series at every checkpoint instead would cost their whole window and history each time.
  // The log keeps the samples past a rewind: the run is deterministic, so replaying it writes
  // them again unchanged, and a later jump forward to a checkpoint there can rebuild from them.
  void keep_log(bool keep) { keep_log_ = keep; }
  std::size_t log_samples() const { return logged_; }  // samples in the series now
  std::size_t log_bytes() const { return log_.capacity() * sizeof(double); }
  void rewind_to(std::size_t samples, const CalendarMarks& marks);

 private:
  void set_up(const ParkModel& model);
  void read_row(const ParkReadings& readings);
  void push_row(double t_s);

  std::size_t window_, history_;
  bool aligned_ = false;
  bool keep_log_ = false;
  std::vector<double> log_;                                   // per sample: its time, then one value per series
  std::size_t logged_ = 0;                                    // of the log's samples, those the series hold now
  std::vector<double> row_;                                   // the latest readings, one per series
  std::deque<std::pair<Tick, std::vector<double>>> pending_;  // aligned: segment start, readings
  std::vector<NamedSeries> series_;
  std::vector<TopologyVertex> component_of_series_;  // for "power" and "soc" series
  CalendarMarks marks_;
};

// PV + PV/thermal electricity delivered so far, kWh.
double pv_delivered_kwh(const ParkState& state);
// Charge-point hours occupied so far, over every EV group.
double plugged_hours(const ParkState& state);

}  // namespace zeropark::view
