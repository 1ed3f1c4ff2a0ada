// Layered layout of the park graph (see layout.h).
#include "layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace zeropark::view {

namespace {

// Margins keep discs and labels inside the canvas; the component row sits this far under its hub.
constexpr float kMargin = 0.06f;
constexpr float kComponentDrop = 0.42f;  // share of a layer's height between hub and components
constexpr float kLabelRoom = 0.10f;      // under the last row: its components' name and power

}  // namespace

bool is_hub(VertexKind kind) {
  return kind == VertexKind::kBus || kind == VertexKind::kHeatBus || kind == VertexKind::kH2Tank;
}

ParkLayout layout_park(const ParkModel& model) {
  const TopologyGraph& g = model.topology;
  const int n = static_cast<int>(boost::num_vertices(g));
  ParkLayout layout;
  layout.nodes.resize(static_cast<std::size_t>(n));
  for (int v = 0; v < n; ++v) {
    layout.nodes[v].kind = g[v].kind;
    layout.nodes[v].index = g[v].index;
    layout.nodes[v].hub = is_hub(g[v].kind);
  }
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    layout.edges.push_back(
        {static_cast<int>(boost::source(*it, g)), static_cast<int>(boost::target(*it, g)), g[*it].line});
  if (n == 0) return layout;

  // Breadth-first over hubs from the grid's bus (bus vertices come first, so its vertex is its
  // index); a component joins every pair of hubs it touches.
  const auto hubs_of = [&](int v) {
    std::vector<int> out;
    for (auto [it, end] = boost::adjacent_vertices(v, g); it != end; ++it)
      if (layout.nodes[*it].hub) out.push_back(static_cast<int>(*it));
    return out;
  };
  std::vector<int> depth(static_cast<std::size_t>(n), -1);
  std::vector<int> hub_order;  // BFS order: keeps children of one parent together
  const auto bfs_from = [&](int root, int root_depth) {
    std::queue<int> queue;
    depth[root] = root_depth;
    queue.push(root);
    while (!queue.empty()) {
      const int h = queue.front();
      queue.pop();
      hub_order.push_back(h);
      for (auto [it, end] = boost::adjacent_vertices(h, g); it != end; ++it) {
        const int w = static_cast<int>(*it);
        std::vector<int> next = layout.nodes[w].hub ? std::vector<int>{w} : hubs_of(w);
        for (int x : next)
          if (depth[x] < 0) {
            depth[x] = depth[h] + 1;
            queue.push(x);
          }
      }
    }
  };
  const int grid_bus = model.grid.bus >= 0 && model.grid.bus < n ? model.grid.bus : 0;
  if (layout.nodes[grid_bus].hub) bfs_from(grid_bus, 0);
  // Hubs the grid cannot reach (compile_park rejects islands, but a hand-built model may have
  // them) start rows of their own below the rest.
  for (int v = 0; v < n; ++v)
    if (layout.nodes[v].hub && depth[v] < 0) {
      int deepest = 0;
      for (int d : depth) deepest = std::max(deepest, d);
      bfs_from(v, hub_order.empty() ? 0 : deepest + 1);
    }

  // Each component sits beside its shallowest hub (lowest vertex on ties); hubless ones (a
  // model without buses) get a pseudo-hub row of their own at the end.
  std::vector<std::vector<int>> members(static_cast<std::size_t>(n));
  std::vector<int> orphans;
  for (int v = 0; v < n; ++v) {
    if (layout.nodes[v].hub) continue;
    int best = -1;
    for (int h : hubs_of(v))
      if (best < 0 || depth[h] < depth[best] || (depth[h] == depth[best] && h < best)) best = h;
    layout.nodes[v].hub_vertex = best;
    if (best >= 0)
      members[best].push_back(v);
    else
      orphans.push_back(v);
  }
  int layers = 0;
  for (int h : hub_order) layers = std::max(layers, depth[h] + 1);
  const int orphan_layer = layers;
  if (!orphans.empty()) ++layers;
  layout.layers = layers;

  // Rows: a hub's bar at the top of its band, its components kComponentDrop of a band lower; the
  // last band needs only room for its components' labels, so the bands share what remains.
  const float band =
      (1.0f - 2 * kMargin - kLabelRoom) / std::max(static_cast<float>(layers) - 1 + kComponentDrop, 1e-3f);
  const auto row_y = [&](int layer, bool component) {
    const float top = kMargin + band * static_cast<float>(layer);
    return component ? top + band * kComponentDrop : top;
  };
  // Each hub's slice of its row is as many cells as it has components (at least one).
  for (int layer = 0; layer < layers; ++layer) {
    std::vector<int> row;
    for (int h : hub_order)
      if (depth[h] == layer) row.push_back(h);
    int cells = 0;
    for (int h : row) cells += std::max<int>(1, static_cast<int>(members[h].size()));
    if (layer == orphan_layer) cells = static_cast<int>(orphans.size());
    if (cells == 0) continue;
    const float cell = (1.0f - 2 * kMargin) / static_cast<float>(cells);
    int at = 0;
    for (int h : row) {
      const int width = std::max<int>(1, static_cast<int>(members[h].size()));
      layout.nodes[h].layer = layer;
      layout.nodes[h].x = kMargin + cell * (static_cast<float>(at) + 0.5f * static_cast<float>(width));
      layout.nodes[h].y = row_y(layer, false);
      layout.nodes[h].span = cell * static_cast<float>(width);
      for (std::size_t k = 0; k < members[h].size(); ++k) {
        NodePlacement& c = layout.nodes[members[h][k]];
        c.layer = layer;
        c.x = kMargin + cell * (static_cast<float>(at + static_cast<int>(k)) + 0.5f);
        c.y = row_y(layer, true);
        c.span = cell;
      }
      at += width;
    }
    if (layer == orphan_layer)
      for (std::size_t k = 0; k < orphans.size(); ++k) {
        NodePlacement& c = layout.nodes[orphans[k]];
        c.layer = layer;
        c.x = kMargin + cell * (static_cast<float>(k) + 0.5f);
        c.y = row_y(layer, true);
        c.span = cell;
      }
  }
  return layout;
}

float min_separation(const ParkLayout& layout) {
  float best = std::numeric_limits<float>::infinity();
  for (std::size_t i = 0; i < layout.nodes.size(); ++i)
    for (std::size_t j = i + 1; j < layout.nodes.size(); ++j)
      best = std::min(best, std::hypot(layout.nodes[i].x - layout.nodes[j].x, layout.nodes[i].y - layout.nodes[j].y));
  return best;
}

std::string vertex_name(const ParkModel& m, const TopologyVertex& v) {
  const auto name = [&](const auto& items) -> std::string {
    return v.index >= 0 && static_cast<std::size_t>(v.index) < items.size() ? items[v.index].name : std::string("?");
  };
  switch (v.kind) {
    case VertexKind::kBus:
      return name(m.buses);
    case VertexKind::kPv:
      return name(m.pv_arrays);
    case VertexKind::kBattery:
      return name(m.batteries);
    case VertexKind::kLoad:
      return name(m.loads);
    case VertexKind::kGrid:
      return m.grid.name.empty() ? std::string("grid") : m.grid.name;
    case VertexKind::kWind:
      return name(m.wind_turbines);
    case VertexKind::kHeatBus:
      return name(m.heat_buses);
    case VertexKind::kHeatPump:
      return name(m.heat_pumps);
    case VertexKind::kThermalStorage:
      return name(m.thermal_storages);
    case VertexKind::kHeatLoad:
      return name(m.heat_loads);
    case VertexKind::kBuilding:
      return name(m.buildings);
    case VertexKind::kDataCentre:
      return name(m.data_centres);
    case VertexKind::kEvCharger:
      return name(m.ev_chargers);
    case VertexKind::kPvt:
      return name(m.pvt);
    case VertexKind::kH2Tank:
      return name(m.h2_tanks);
    case VertexKind::kElectrolyser:
      return name(m.electrolysers);
    case VertexKind::kFuelCell:
      return name(m.fuel_cells);
    case VertexKind::kH2Demand:
      return name(m.h2_demands);
  }
  return "?";
}

}  // namespace zeropark::view
