// Colours chosen to read on a dark background and to follow habits of energy dashboards: solar
// yellow, wind teal, grid grey-blue, storage purple, loads red, heat orange, hydrogen cyan.
#include "palette.h"

#include <iterator>

#include <algorithm>
#include <cmath>

namespace zeropark::view {

Rgba kind_colour(VertexKind kind, bool v2g) {
  switch (kind) {
    case VertexKind::kBus:
      return {0.78f, 0.80f, 0.84f, 1};
    case VertexKind::kPv:
      return {1.00f, 0.80f, 0.10f, 1};
    case VertexKind::kBattery:
      return {0.62f, 0.42f, 0.95f, 1};
    case VertexKind::kLoad:
      return {0.93f, 0.33f, 0.33f, 1};
    case VertexKind::kGrid:
      return {0.45f, 0.62f, 0.85f, 1};
    case VertexKind::kWind:
      return {0.25f, 0.85f, 0.75f, 1};
    case VertexKind::kHeatBus:
      return {0.95f, 0.55f, 0.35f, 1};
    case VertexKind::kHeatPump:
      return {1.00f, 0.50f, 0.15f, 1};
    case VertexKind::kThermalStorage:
      return {0.80f, 0.45f, 0.60f, 1};
    case VertexKind::kHeatLoad:
      return {0.85f, 0.40f, 0.20f, 1};
    case VertexKind::kBuilding:
      return {0.70f, 0.55f, 0.40f, 1};
    case VertexKind::kDataCentre:
      return {0.95f, 0.40f, 0.65f, 1};
    case VertexKind::kEvCharger:
      return v2g ? Rgba{0.30f, 0.90f, 0.35f, 1} : Rgba{0.35f, 0.75f, 1.00f, 1};
    case VertexKind::kPvt:
      return {0.95f, 0.90f, 0.35f, 1};
    case VertexKind::kH2Tank:
      return {0.40f, 0.90f, 0.95f, 1};
    case VertexKind::kElectrolyser:
      return {0.30f, 0.75f, 0.85f, 1};
    case VertexKind::kFuelCell:
      return {0.55f, 0.95f, 0.85f, 1};
    case VertexKind::kH2Demand:
      return {0.60f, 0.80f, 0.90f, 1};
  }
  return {};
}

std::string_view kind_label(VertexKind kind, bool v2g) {
  switch (kind) {
    case VertexKind::kBus:
      return "Bus";
    case VertexKind::kPv:
      return "PV";
    case VertexKind::kBattery:
      return "Battery";
    case VertexKind::kLoad:
      return "Load";
    case VertexKind::kGrid:
      return "Grid";
    case VertexKind::kWind:
      return "Wind";
    case VertexKind::kHeatBus:
      return "Heat bus";
    case VertexKind::kHeatPump:
      return "Heat pump";
    case VertexKind::kThermalStorage:
      return "Heat store";
    case VertexKind::kHeatLoad:
      return "Heat load";
    case VertexKind::kBuilding:
      return "Building";
    case VertexKind::kDataCentre:
      return "Data centre";
    case VertexKind::kEvCharger:
      return v2g ? "EV (V2G)" : "EV";
    case VertexKind::kPvt:
      return "PV/T";
    case VertexKind::kH2Tank:
      return "H2 tank";
    case VertexKind::kElectrolyser:
      return "Electrolyser";
    case VertexKind::kFuelCell:
      return "Fuel cell";
    case VertexKind::kH2Demand:
      return "H2 demand";
  }
  return "?";
}

Rgba fork_colour(int slot) {
  static constexpr Rgba kColours[] = {
      {0.96f, 0.96f, 0.96f, 0.92f}, {1.00f, 0.30f, 0.85f, 0.92f}, {0.70f, 1.00f, 0.20f, 0.92f}};
  const int n = static_cast<int>(std::size(kColours));
  return kColours[((slot % n) + n) % n];
}

unsigned int pack_abgr(const Rgba& c) {
  const auto byte = [](float x) { return static_cast<unsigned int>(std::lround(std::clamp(x, 0.0f, 1.0f) * 255.0f)); };
  return byte(c.r) | (byte(c.g) << 8) | (byte(c.b) << 16) | (byte(c.a) << 24);
}

}  // namespace zeropark::view
