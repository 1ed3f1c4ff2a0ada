// Recording a session's events into plotted series (see series_recorder.h).
#include "series_recorder.h"

#include <algorithm>
#include <numeric>

#include "civil_clock.h"
#include "layout.h"
#include "readings.h"

namespace zeropark::view {

double pv_delivered_kwh(const ParkState& s) {
  return std::accumulate(s.totals.pv_kwh.begin(), s.totals.pv_kwh.end(), 0.0) +
         std::accumulate(s.totals.pvt_kwh.begin(), s.totals.pvt_kwh.end(), 0.0);
}

double plugged_hours(const ParkState& s) {
  return std::accumulate(s.totals.ev_plugged_hours.begin(), s.totals.ev_plugged_hours.end(), 0.0);
}

SeriesRecorder::SeriesRecorder(std::size_t window, std::size_t history) : window_(window), history_(history) {}

void SeriesRecorder::set_up(const ParkModel& m) {
  const auto add = [&](std::string name, std::string unit, std::string group, Rgba colour) {
    series_.push_back({std::move(name), std::move(unit), std::move(group), colour, TimeSeries(window_, history_)});
  };
  add("grid import", "kW", "grid", kind_colour(VertexKind::kGrid));
  add("grid export", "kW", "grid", kind_colour(VertexKind::kPv));
  add("price", "CNY/kWh", "price", {0.9f, 0.9f, 0.5f, 1});
  add("carbon intensity", "kg/kWh", "carbon", {0.6f, 0.9f, 0.6f, 1});
  const TopologyGraph& g = m.topology;
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    if (is_hub(g[v].kind) || g[v].kind == VertexKind::kGrid) continue;
    const bool v2g =
        g[v].kind == VertexKind::kEvCharger && m.ev_chargers[static_cast<std::size_t>(g[v].index)].bidirectional;
    add(vertex_name(m, g[v]), vertex_unit(g[v].kind), "power", kind_colour(g[v].kind, v2g));
    component_of_series_.push_back(g[v]);
  }
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    const VertexKind k = g[v].kind;
    if (k != VertexKind::kBattery && k != VertexKind::kThermalStorage && k != VertexKind::kH2Tank) continue;
    add(vertex_name(m, g[v]) + " SOC", "%", "soc", kind_colour(k));
    component_of_series_.push_back(g[v]);
  }
}

void SeriesRecorder::on_run_start(const ParkModel& m, const ParkState&) {
  if (series_.empty()) set_up(m);
}

void SeriesRecorder::read_row(const ParkReadings& readings) {
  row_.resize(series_.size());
  const double grid_kw = readings.grid_kw();
  row_[0] = std::max(0.0, grid_kw);
  row_[1] = std::max(0.0, -grid_kw);
  row_[2] = readings.price_cny_per_kwh();
  row_[3] = readings.carbon_kg_per_kwh();
  for (std::size_t k = 0; k < component_of_series_.size(); ++k) {
    const ComponentReading r = readings.vertex(component_of_series_[k]);
    row_[4 + k] = series_[4 + k].group == "soc" ? 100.0 * std::max(0.0, r.soc) : r.power;
  }
}

void SeriesRecorder::push_row(double t) {
  for (std::size_t k = 0; k < series_.size(); ++k) series_[k].data.push(t, row_[k]);
  if (keep_log_) {
    const std::size_t at = logged_ * (series_.size() + 1);
    if (at == log_.size()) {
      log_.push_back(t);
      log_.insert(log_.end(), row_.begin(), row_.end());
    } else {
      // Replaying after a rewind: the same run writes the same sample where it was.
      log_[at] = t;
      std::copy(row_.begin(), row_.end(), log_.begin() + static_cast<std::ptrdiff_t>(at + 1));
    }
    ++logged_;
  }
}

void SeriesRecorder::rewind_to(std::size_t samples, const CalendarMarks& marks) {
  marks_ = marks;
  const std::size_t stride = series_.size() + 1;
  logged_ = std::min(samples, log_.size() / stride);
  for (NamedSeries& s : series_) s.data = TimeSeries(window_, history_);
  // The same pushes in the same order: the windows and the merged histories come out bit for bit.
  for (std::size_t at = 0; at < logged_ * stride; at += stride)
    for (std::size_t k = 0; k < series_.size(); ++k) series_[k].data.push(log_[at], log_[at + 1 + k]);
}

void SeriesRecorder::sample_at(Tick tick) {
  // The front stays: a fork segment that outlasts the original's may hold at the next tick too.
  while (pending_.size() > 1 && pending_[1].first <= tick) pending_.pop_front();
  if (pending_.empty() || pending_.front().first > tick) return;
  row_ = pending_.front().second;
  push_row(static_cast<double>(tick));
}

void SeriesRecorder::record(const ParkModel& m, Tick tick, const ParkReadings& readings) {
  if (series_.empty()) set_up(m);
  read_row(readings);
  push_row(static_cast<double>(tick));
}

void SeriesRecorder::on_event(const ParkModel& m, const ParkState& s, Tick) {
  // A fork's recorder sees no run start: set up on its first event.
  if (series_.empty()) set_up(m);
  read_row(StateReadings(m, s));
  if (!aligned_)
    push_row(static_cast<double>(s.tick));
  else
    pending_.emplace_back(s.tick, row_);

  // Totals here are those at the segment's start, so a mark taken at the first event of a month
  // or day counts exactly what came before it.
  const CivilTime now = civil_at(m.start, s.tick);
  const int month_key = now.year * 100 + now.month;
  const int day_key = month_key * 100 + now.day;
  if (month_key != marks_.month_key) {
    marks_.month_key = month_key;
    marks_.month_start_pv_kwh = pv_delivered_kwh(s);
  }
  if (day_key != marks_.day_key) {
    marks_.day_key = day_key;
    marks_.day_start_plugged_hours = plugged_hours(s);
  }
}

}  // namespace zeropark::view
