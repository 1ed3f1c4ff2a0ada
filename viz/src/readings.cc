// Reading a live park's state (see readings.h).
#include "readings.h"

#include <algorithm>

namespace zeropark::view {

namespace {

// Per-component vectors may still be empty before the first event: read them defensively.
double at(const std::vector<double>& values, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < values.size() ? values[static_cast<std::size_t>(i)] : 0.0;
}

double ratio(double value, double capacity) { return capacity > 0 ? std::clamp(value / capacity, 0.0, 1.0) : -1.0; }

}  // namespace

const char* vertex_unit(VertexKind kind) {
  return kind == VertexKind::kH2Tank || kind == VertexKind::kH2Demand ? "kg/h" : "kW";
}

ComponentReading read_vertex(const ParkModel& m, const ParkState& s, const TopologyVertex& v) {
  const OperatingPoint& p = s.powers;
  const int i = v.index;
  const char* unit = vertex_unit(v.kind);
  const auto u = static_cast<std::size_t>(i);
  switch (v.kind) {
    case VertexKind::kBus:
      return {0, unit, -1};
    case VertexKind::kPv:
      return {at(p.pv_kw, i), unit, -1};
    case VertexKind::kBattery:
      return {at(p.battery_kw, i), unit, ratio(at(s.battery_energy_kwh, i), m.batteries[u].capacity_kwh)};
    case VertexKind::kLoad:
      return {at(p.load_kw, i), unit, -1};
    case VertexKind::kGrid:
      return {p.grid_kw, unit, -1};
    case VertexKind::kWind:
      return {at(p.wind_kw, i), unit, -1};
    case VertexKind::kHeatBus:
      return {-at(p.heat_bus_dumped_kw, i), unit, -1};
    case VertexKind::kHeatPump:
      return {at(p.heat_pump_electric_kw, i), unit, -1};
    case VertexKind::kThermalStorage:
      return {at(p.thermal_storage_kw, i), unit,
              ratio(at(s.thermal_storage_energy_kwh, i), m.thermal_storages[u].store.capacity_kwh)};
    case VertexKind::kHeatLoad:
      return {at(p.heat_load_kw, i), unit, -1};
    case VertexKind::kBuilding:
      return {at(p.building_heating_kw, i) + at(p.building_cooling_kw, i), unit, -1};
    case VertexKind::kDataCentre:
      return {at(p.data_centre_kw, i), unit, -1};
    case VertexKind::kEvCharger:
      return {at(p.ev_kw, i), unit, -1};
    case VertexKind::kPvt:
      return {at(p.pvt_kw, i), unit, -1};
    case VertexKind::kH2Tank:
      return {at(p.h2_tank_net_kg_per_h, i), unit, ratio(at(s.h2_tank_level_kg, i), m.h2_tanks[u].capacity_kg)};
    case VertexKind::kElectrolyser:
      return {at(p.electrolyser_kw, i), unit, -1};
    case VertexKind::kFuelCell:
      return {at(p.fuel_cell_kw, i), unit, -1};
    case VertexKind::kH2Demand:
      return {-at(p.h2_demand_served_kg_per_h, i), unit, -1};
  }
  return {};
}

double StateReadings::line_sent_kw(int line) const { return at(state_.powers.line_sent_kw, line); }

}  // namespace zeropark::view
