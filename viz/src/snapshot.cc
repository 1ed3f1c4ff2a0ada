// Reading a session (or any ParkReadings) into a ViewSnapshot (see snapshot.h).
#include "snapshot.h"

#include <algorithm>
#include <cmath>

#include "civil_clock.h"
#include "layout.h"

namespace zeropark::view {

void fill_park_now(const ParkModel& m, const ParkReadings& readings, ViewSnapshot& out) {
  const TopologyGraph& g = m.topology;
  out.components.clear();
  out.components.reserve(boost::num_vertices(g));
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    ComponentNow c;
    c.name = vertex_name(m, g[v]);
    c.kind = g[v].kind;
    c.index = g[v].index;
    c.v2g = c.kind == VertexKind::kEvCharger && m.ev_chargers[static_cast<std::size_t>(c.index)].bidirectional;
    c.reading = readings.vertex(g[v]);
    out.components.push_back(std::move(c));
  }
  out.lines.clear();
  for (std::size_t l = 0; l < m.lines.size(); ++l) {
    LineNow line;
    line.name = m.lines[l].name;
    line.line = static_cast<int>(l);
    line.flow_kw = readings.line_sent_kw(static_cast<int>(l));
    // Flows under a watt are noise of the balance, not a direction worth animating.
    line.direction = line.flow_kw > 1e-3 ? 1 : line.flow_kw < -1e-3 ? -1 : 0;
    line.loading = m.lines[l].capacity_kw > 0 ? std::min(1.0, std::abs(line.flow_kw) / m.lines[l].capacity_kw) : 0;
    out.lines.push_back(std::move(line));
  }
  out.grid_kw = readings.grid_kw();
  out.price_cny_per_kwh = readings.price_cny_per_kwh();
  out.carbon_kg_per_kwh = readings.carbon_kg_per_kwh();
}

double carbon_sink_kg(const ParkModel& m, Tick tick) {
  // As the KPI table counts it: area × yearly uptake × the share of a 365-day year simulated.
  const double years = static_cast<double>(tick) / (365.0 * 86400.0);
  double kg = 0;
  for (const GreenSpaceModel& green : m.green_spaces)
    kg += green.area_m2 * green.sequestration_kg_co2_per_m2_year * years;
  return kg;
}

ViewSnapshot snapshot_of(const Session& session, const SeriesRecorder& recorder) {
  const ParkModel& m = session.model();
  const ParkState& s = session.state();
  ViewSnapshot out;
  out.tick = s.tick;
  out.end_tick = m.end_tick;
  out.events = s.events;
  out.date = format_civil(civil_at(m.start, s.tick));
  out.done = session.done();
  fill_park_now(m, StateReadings(m, s), out);
  out.kpis = session.kpis_so_far();
  out.series = recorder.series();

  PlatformSummary& p = out.platform;
  const CalendarMarks& marks = recorder.marks();
  p.pv_this_month_kwh = pv_delivered_kwh(s) - marks.month_start_pv_kwh;
  p.charging_hours_today = plugged_hours(s) - marks.day_start_plugged_hours;
  for (int session_index : s.ev_point_session) p.points_plugged_now += session_index >= 0 ? 1 : 0;
  for (const EvChargerModel& group : m.ev_chargers) p.points_total += group.count;
  p.carbon_sink_so_far_kg = carbon_sink_kg(m, s.tick);
  return out;
}

std::vector<KpiDelta> kpi_deltas(const KpiTable& original, const KpiTable& fork) {
  std::vector<KpiDelta> out;
  for (const Kpi& k : original) {
    if (k.key.find('.') != std::string::npos) continue;
    const auto match = std::find_if(fork.begin(), fork.end(), [&](const Kpi& f) { return f.key == k.key; });
    if (match != fork.end()) out.push_back({k.key, k.unit, k.value, match->value});
  }
  return out;
}

}  // namespace zeropark::view
