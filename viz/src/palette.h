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

// Packs a colour as ImGui's ImU32 does (ABGR bytes), without depending on ImGui.
unsigned int pack_abgr(const Rgba& colour);

}  // namespace zeropark::view
