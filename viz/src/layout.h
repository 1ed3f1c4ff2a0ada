// Where the live view draws each vertex of a park's topology, in the unit square.
//
// Buses, heat buses and hydrogen tanks are hubs; every other vertex is a component drawn beside
// its hub. Hubs are layered by breadth-first depth from the grid's bus (two hubs are neighbours
// when a line or a shared component joins them), one row per layer from the top; each hub owns a
// slice of its row as wide as its components need, and its components sit in a row under it. The
// layout depends only on the graph (Boost's vecS order), so it is the same on every run.
#pragma once

#include <string>
#include <vector>

#include "zeropark/model.h"

namespace zeropark::view {

struct NodePlacement {
  VertexKind kind = VertexKind::kBus;
  int index = -1;  // into the model's vector of that kind
  bool hub = false;
  int layer = 0;
  int hub_vertex = -1;  // for a component: the hub it sits beside (-1: none)
  float x = 0.5f;       // [0, 1], left to right
  float y = 0.5f;       // [0, 1], top to bottom
  float span = 0;       // width of its slice of the row, [0, 1]: room for its bar and labels
};

struct EdgePlacement {
  int a = -1;  // vertices (indices into ParkLayout::nodes)
  int b = -1;
  int line = -1;  // into model.lines; -1 for a component attachment
};

struct ParkLayout {
  std::vector<NodePlacement> nodes;  // one per topology vertex, in vertex order
  std::vector<EdgePlacement> edges;  // one per topology edge
  int layers = 0;
};

// Whether vertices of this kind are drawn as hubs (bars) rather than components (discs).
bool is_hub(VertexKind kind);

// The layout of `model.topology`.
ParkLayout layout_park(const ParkModel& model);

// The smallest distance between two placed nodes (for tests and label sizing).
float min_separation(const ParkLayout& layout);

// The name a scenario gives a vertex ("pv_office_roofs"), or its kind for unnamed ones.
std::string vertex_name(const ParkModel& model, const TopologyVertex& vertex);

}  // namespace zeropark::view
