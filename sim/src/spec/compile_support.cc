#include "spec/compile_support.h"

#include <algorithm>

#include "zeropark/error.h"

namespace zeropark {
namespace {

template <class Component>
std::optional<int> index_of(const std::vector<Component>& components, const std::string& name) {
  const auto it =
      std::find_if(components.begin(), components.end(), [&](const Component& c) { return c.name == name; });
  if (it == components.end()) return std::nullopt;
  return static_cast<int>(it - components.begin());
}

std::optional<int> index_in(const ParkModel& m, VertexKind kind, const std::string& name) {
  switch (kind) {
    case VertexKind::kGrid:
      return name == m.grid.name ? std::optional<int>(0) : std::nullopt;
    case VertexKind::kPv:
      return index_of(m.pv_arrays, name);
    case VertexKind::kWind:
      return index_of(m.wind_turbines, name);
    case VertexKind::kPvt:
      return index_of(m.pvt, name);
    case VertexKind::kBattery:
      return index_of(m.batteries, name);
    case VertexKind::kHeatPump:
      return index_of(m.heat_pumps, name);
    case VertexKind::kThermalStorage:
      return index_of(m.thermal_storages, name);
    case VertexKind::kEvCharger:
      return index_of(m.ev_chargers, name);
    case VertexKind::kElectrolyser:
      return index_of(m.electrolysers, name);
    case VertexKind::kFuelCell:
      return index_of(m.fuel_cells, name);
    default:
      return std::nullopt;  // not something an outage, a link or a local controller names
  }
}

}  // namespace

void fail(const SourceRef& at, const std::string& field, const std::string& message) {
  throw InputError({at.file, at.line, at.column}, field, message);
}

const SourceRef& key_or_section(const std::map<std::string, SourceRef>& key_at, const std::string& key,
                                const SourceRef& section) {
  const auto it = key_at.find(key);
  return it != key_at.end() ? it->second : section;
}

std::optional<std::pair<VertexKind, int>> find_named(const ParkModel& model, const std::string& name,
                                                     std::initializer_list<VertexKind> kinds) {
  for (VertexKind kind : kinds)
    if (const std::optional<int> index = index_in(model, kind, name)) return std::pair{kind, *index};
  return std::nullopt;
}

}  // namespace zeropark
