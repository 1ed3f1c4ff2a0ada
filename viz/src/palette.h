// Colours of the live view: one per kind of source or sink, so a glance tells sun from grid.
#pragma once

#include <string_view>

#include "zeropark/model.h"

namespace zeropark::view {

struct Rgba {
  float r = 1, g = 1, b = 1, a = 1;  // each in [0, 1]
};

// The colour of a vertex kind. EV charge points that can return power (V2G) get their own.
Rgba kind_colour(VertexKind kind, bool v2g = false);

// A short human label for a kind: "PV", "Battery", "Heat pump", ...
std::string_view kind_label(VertexKind kind, bool v2g = false);

// The colour of the what-if fork in `slot` (0, 1, 2): white, magenta and lime, apart from one
// another and from most kinds' colours on the dark plots.
Rgba fork_colour(int slot);

// Packs a colour as ImGui's ImU32 does (ABGR bytes), without depending on ImGui.
unsigned int pack_abgr(const Rgba& colour);

}  // namespace zeropark::view
