// The park graph panel: buses as bars, components as discs coloured by kind with their power
// now, lines as strokes whose width follows |flow| and whose moving dots show its direction.
#pragma once

#include "layout.h"
#include "snapshot.h"

namespace zeropark::view {

struct GraphDrawn {
  int components = 0;  // component vertices drawn (hubs excluded)
  int lines = 0;       // model lines drawn
};

// Draws into the current ImGui window's remaining area; `time_s` drives the animation.
GraphDrawn draw_park_graph(const ParkLayout& layout, const ViewSnapshot& snapshot, double time_s);

}  // namespace zeropark::view
