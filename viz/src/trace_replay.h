// Replaying a recorded run: a ZeroPark HDF5 trace (docs/trace.md) read back into the same
// ViewSnapshots a live run gives, without simulating anything.
//
// The park's layout and component list come from the model compiled from the trace's own
// /scenario/yaml (with the run's start, end, seed and resolution from the root attributes, as the
// command line may have overridden them); every number drawn comes from the recorded rows.
//
// Positions. A live view shows a session after k events: the clock at the end of the k-th
// segment, the powers of that segment, the stores (SOC) at its end. Position p of a replay is
// the same moment after p rows: tick_s[p] (the last row's end for p = rows()), the powers of row
// p − 1, the stores at the start of row p. Two edges differ from a live run because a trace does
// not record them: position 0 shows row 0's powers, and the last position keeps the stores of the
// last row's start (the state after the final segment is not in the file).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "series_recorder.h"
#include "snapshot.h"

namespace zeropark::view {

// True when the file starts with HDF5's 8-byte signature (\x89HDF\r\n\x1a\n), whatever its name.
bool has_hdf5_signature(const std::filesystem::path& path);

// A file that is not a complete ZeroPark trace, or whose scenario cannot be rebuilt; the message
// names the file and what is wrong or missing.
struct TraceError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class TraceReplay {
 public:
  // Reads the whole trace into memory (a year at one-minute rows is a few tens of MB for the
  // channels the view needs). Throws TraceError.
  explicit TraceReplay(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return path_; }
  const std::shared_ptr<const ParkModel>& model() const { return model_; }
  std::size_t rows() const { return tick_s_.size(); }
  // The clock at position p (0 … rows()).
  Tick tick_at(std::size_t position) const;
  // The last position whose clock is at or before `tick` (0 before the start).
  std::size_t position_at(Tick tick) const;
  Tick end_tick() const { return tick_at(rows()); }
  // The run's own KPI table, /kpis.
  const KpiTable& final_kpis() const { return final_kpis_; }

  // Appends the series samples of rows [from, to) to `recorder`, as a live recorder takes them.
  void record_rows(SeriesRecorder& recorder, std::size_t from, std::size_t to) const;
  // What the view shows at position p; `recorder` must hold rows [0, p). The runner's fields
  // (paused, speed, events_per_s) are left for the caller.
  ViewSnapshot snapshot_at(std::size_t position, const SeriesRecorder& recorder) const;
  // The KPIs at position p: recomputed from rows [0, p) before the end (the keys the view shows,
  // kpis_note() says which), the trace's /kpis table at the end.
  KpiTable kpis_at(std::size_t position) const;
  const char* kpis_note(std::size_t position) const;

 private:
  class RowReadings;
  struct VertexColumns {
    const std::vector<double>* power = nullptr;    // null: no power (a bus)
    const std::vector<double>* power_2 = nullptr;  // a building's cooling, added to its heating
    double sign = 1;
    const std::vector<double>* stored = nullptr;  // energy or level; null: stores nothing
    double capacity = 0;
  };

  const std::vector<double>& column(const std::string& dataset);
  void load_model(std::int64_t file);
  void load_columns(std::int64_t file);
  void load_kpis(std::int64_t file);
  void accumulate();

  std::filesystem::path path_;
  std::shared_ptr<const ParkModel> model_;
  std::vector<Tick> tick_s_;
  std::vector<double> duration_s_;
  std::map<std::string, std::vector<double>> columns_;       // dataset path → values; stable addresses
  std::vector<VertexColumns> vertex_;                        // in topology vertex order
  std::map<std::pair<int, int>, std::size_t> vertex_index_;  // (kind, index) → into vertex_
  std::vector<const std::vector<double>*> line_sent_kw_, battery_energy_kwh_, ev_plugged_;
  const std::vector<double>* grid_kw_ = nullptr;
  const std::vector<double>* price_ = nullptr;
  const std::vector<double>* carbon_ = nullptr;
  KpiTable final_kpis_;
  // Running sums over rows [0, p), index p (rows() + 1 entries).
  std::vector<double> import_kwh_, export_kwh_, co2_kg_, energy_cost_cny_, export_revenue_cny_, pv_kwh_, pv_pvt_kwh_,
      onsite_kwh_, peak_import_kw_, plugged_hours_;
  std::vector<std::size_t> month_first_row_, day_first_row_;  // per row: the first row of its month, day
};

}  // namespace zeropark::view
