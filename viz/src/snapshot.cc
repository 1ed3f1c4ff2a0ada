// Reading a session into a ViewSnapshot (see snapshot.h).
#include "snapshot.h"

#include <algorithm>
#include <cmath>

#include "civil_clock.h"
#include "layout.h"

namespace zeropark::view {

namespace {

// Per-component vectors may still be empty before the first event: read them defensively.
double at(const std::vector<double>& values, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < values.size() ? values[static_cast<std::size_t>(i)] : 0.0;
}

double ratio(double value, double capacity) { return capacity > 0 ? std::clamp(value / capacity, 0.0, 1.0) : -1.0; }

}  // namespace

ComponentReading read_vertex(const ParkModel& m, const ParkState& s, const TopologyVertex& v) {
  const OperatingPoint& p = s.powers;
  const int i = v.index;
  switch (v.kind) {
    case VertexKind::kBus: return {0, "kW", -1};
    case VertexKind::kPv: return {at(p.pv_kw, i), "kW", -1};
    case VertexKind::kBattery:
      return {at(p.battery_kw, i), "kW", ratio(at(s.battery_energy_kwh, i), m.batteries[static_cast<std::size_t>(i)].capacity_kwh)};
    case VertexKind::kLoad: return {at(p.load_kw, i), "kW", -1};
    case VertexKind::kGrid: return {p.grid_kw, "kW", -1};
    case VertexKind::kWind: return {at(p.wind_kw, i), "kW", -1};
    case VertexKind::kHeatBus: return {-at(p.heat_bus_dumped_kw, i), "kW", -1};
    case VertexKind::kHeatPump: return {at(p.heat_pump_electric_kw, i), "kW", -1};
    case VertexKind::kThermalStorage:
      return {at(p.thermal_storage_kw, i), "kW",
              ratio(at(s.thermal_storage_energy_kwh, i), m.thermal_storages[static_cast<std::size_t>(i)].store.capacity_kwh)};
    case VertexKind::kHeatLoad: return {at(p.heat_load_kw, i), "kW", -1};
    case VertexKind::kBuilding: return {at(p.building_heating_kw, i) + at(p.building_cooling_kw, i), "kW", -1};
    case VertexKind::kDataCentre: return {at(p.data_centre_kw, i), "kW", -1};
    case VertexKind::kEvCharger: return {at(p.ev_kw, i), "kW", -1};
    case VertexKind::kPvt: return {at(p.pvt_kw, i), "kW", -1};
    case VertexKind::kH2Tank:
      return {at(p.h2_tank_net_kg_per_h, i), "kg/h", ratio(at(s.h2_tank_level_kg, i), m.h2_tanks[static_cast<std::size_t>(i)].capacity_kg)};
    case VertexKind::kElectrolyser: return {at(p.electrolyser_kw, i), "kW", -1};
    case VertexKind::kFuelCell: return {at(p.fuel_cell_kw, i), "kW", -1};
    case VertexKind::kH2Demand: return {-at(p.h2_demand_served_kg_per_h, i), "kg/h", -1};
  }
  return {};
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
  const TopologyGraph& g = m.topology;
  out.components.reserve(boost::num_vertices(g));
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    ComponentNow c;
    c.name = vertex_name(m, g[v]);
    c.kind = g[v].kind;
    c.index = g[v].index;
    c.v2g = c.kind == VertexKind::kEvCharger && m.ev_chargers[static_cast<std::size_t>(c.index)].bidirectional;
    c.reading = read_vertex(m, s, g[v]);
    out.components.push_back(std::move(c));
  }
  for (std::size_t l = 0; l < m.lines.size(); ++l) {
    LineNow line;
    line.name = m.lines[l].name;
    line.line = static_cast<int>(l);
    line.flow_kw = at(s.powers.line_sent_kw, static_cast<int>(l));
    // Flows under a watt are noise of the balance, not a direction worth animating.
    line.direction = line.flow_kw > 1e-3 ? 1 : line.flow_kw < -1e-3 ? -1 : 0;
    line.loading = m.lines[l].capacity_kw > 0 ? std::min(1.0, std::abs(line.flow_kw) / m.lines[l].capacity_kw) : 0;
    out.lines.push_back(std::move(line));
  }
  out.grid_kw = s.powers.grid_kw;
  out.price_cny_per_kwh = s.powers.price_cny_per_kwh;
  out.carbon_kg_per_kwh = s.powers.carbon_kg_per_kwh;
  out.kpis = session.kpis_so_far();
  out.series = recorder.series();

  PlatformSummary& p = out.platform;
  const CalendarMarks& marks = recorder.marks();
  p.pv_this_month_kwh = pv_delivered_kwh(s) - marks.month_start_pv_kwh;
  p.charging_hours_today = plugged_hours(s) - marks.day_start_plugged_hours;
  for (int session_index : s.ev_point_session) p.points_plugged_now += session_index >= 0 ? 1 : 0;
  for (const EvChargerModel& group : m.ev_chargers) p.points_total += group.count;
  // As the KPI table counts it: area × yearly uptake × the share of a 365-day year simulated.
  const double years = static_cast<double>(s.tick) / (365.0 * 86400.0);
  for (const GreenSpaceModel& green : m.green_spaces)
    p.carbon_sink_so_far_kg += green.area_m2 * green.sequestration_kg_co2_per_m2_year * years;
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
