// Drawing the park graph with ImDrawList (see graph_panel.h).
#include "graph_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "format.h"
#include "palette.h"

namespace zeropark::view {

namespace {

constexpr float kNodeRadius = 13;
constexpr float kHubHalfWidth = 46;

ImU32 colour(const Rgba& c, float alpha = 1) { return pack_abgr({c.r, c.g, c.b, c.a * alpha}); }

// Dots travelling from `from` to `to` at a fixed screen speed: the eye reads the direction of flow
// without arrows cluttering short edges.
void flow_dots(ImDrawList* draw, ImVec2 from, ImVec2 to, double time_s, ImU32 tint, float radius) {
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (length < 1) return;
  constexpr float spacing = 22, speed_px_s = 40;
  const float phase = static_cast<float>(std::fmod(time_s * speed_px_s, static_cast<double>(spacing)));
  for (float s = phase; s < length; s += spacing)
    draw->AddCircleFilled(ImVec2(from.x + dx * s / length, from.y + dy * s / length), radius, tint);
}

// A label centred under a point, on a dark plate so it reads over lines.
void label(ImDrawList* draw, ImVec2 centre, const std::string& text, ImU32 tint) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 at(centre.x - size.x / 2, centre.y);
  draw->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + size.x + 2, at.y + size.y), IM_COL32(12, 14, 18, 200), 2);
  draw->AddText(at, tint, text.c_str());
}

// How many nodes of its row lie left of it.
int rank_in_row(const ParkLayout& layout, std::size_t v) {
  int rank = 0;
  for (const NodePlacement& n : layout.nodes) rank += n.y == layout.nodes[v].y && n.x < layout.nodes[v].x ? 1 : 0;
  return rank;
}

// A hub's bar fills most of its slice, up to a bus-bar look's width.
float hub_half_width(const NodePlacement& hub, float width) {
  return std::min(kHubHalfWidth, 0.42f * hub.span * width);
}

std::string elide(const std::string& text, float room) {
  if (ImGui::CalcTextSize(text.c_str()).x <= room) return text;
  std::string out = text;
  while (out.size() > 3 && ImGui::CalcTextSize((out + "..").c_str()).x > room) out.pop_back();
  return out + "..";
}

// The kinds present, as colour keys along the bottom of the canvas; returns the height it took.
float legend(ImDrawList* draw, const ViewSnapshot& snap, ImVec2 origin, ImVec2 size) {
  std::vector<std::pair<VertexKind, bool>> kinds;
  for (const ComponentNow& c : snap.components)
    if (std::find(kinds.begin(), kinds.end(), std::make_pair(c.kind, c.v2g)) == kinds.end())
      kinds.emplace_back(c.kind, c.v2g);
  const float line_h = ImGui::GetTextLineHeight();
  float x = origin.x + 10;
  float y = origin.y + size.y - line_h - 8;
  float needed = 0;  // total width: start as many rows up as wrapping will take
  for (const auto& [kind, v2g] : kinds)
    needed += 30 + ImGui::CalcTextSize(std::string(kind_label(kind, v2g)).c_str()).x;
  const float rows = 1 + std::floor(needed / std::max(size.x - 20, 1.0f));
  y -= (line_h + 4) * (rows - 1);
  for (const auto& [kind, v2g] : kinds) {
    const std::string text(kind_label(kind, v2g));
    if (x + 30 + ImGui::CalcTextSize(text.c_str()).x > origin.x + size.x - 10) {
      x = origin.x + 10;
      y += line_h + 4;
    }
    draw->AddCircleFilled(ImVec2(x + 5, y + ImGui::GetTextLineHeight() / 2), 5, colour(kind_colour(kind, v2g)));
    draw->AddText(ImVec2(x + 14, y), IM_COL32(190, 195, 205, 255), text.c_str());
    x += 14 + ImGui::CalcTextSize(text.c_str()).x + 16;
  }
  return rows * (line_h + 4) + 8;
}

}  // namespace

GraphDrawn draw_park_graph(const ParkLayout& layout, const ViewSnapshot& snap, double time_s) {
  GraphDrawn drawn;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 canvas(std::max(avail.x, 100.0f), std::max(avail.y, 100.0f));
  draw->AddRectFilled(origin, ImVec2(origin.x + canvas.x, origin.y + canvas.y), IM_COL32(16, 19, 24, 255), 4);
  if (snap.components.size() != layout.nodes.size()) return drawn;
  // The legend takes the bottom strip; the graph the rest.
  const ImVec2 size(canvas.x, std::max(50.0f, canvas.y - legend(draw, snap, origin, canvas)));
  const auto at = [&](int v) {
    return ImVec2(origin.x + layout.nodes[v].x * size.x, origin.y + layout.nodes[v].y * size.y);
  };
  const auto attach_point = [&](int hub, int component) {
    // Components hang from their hub's bar, not its centre, so edges fan out cleanly.
    ImVec2 p = at(hub);
    if (layout.nodes[hub].hub) {
      const float half = hub_half_width(layout.nodes[hub], size.x);
      p.x = std::clamp(at(component).x, p.x - half, p.x + half);
    }
    return p;
  };
  // The largest flow sets the scale of line widths, so a small park's lines still show.
  double max_flow_kw = 1;
  for (const LineNow& line : snap.lines) max_flow_kw = std::max(max_flow_kw, std::abs(line.flow_kw));
  for (const ComponentNow& c : snap.components)
    if (std::string_view(c.reading.unit) == "kW") max_flow_kw = std::max(max_flow_kw, std::abs(c.reading.power));

  for (const EdgePlacement& e : layout.edges) {
    if (e.line >= 0 && static_cast<std::size_t>(e.line) < snap.lines.size()) {
      // A line: parent bus above, child below; its width and dots show the flow.
      const LineNow& line = snap.lines[static_cast<std::size_t>(e.line)];
      const bool a_is_parent = layout.nodes[e.a].layer <= layout.nodes[e.b].layer;
      const ImVec2 parent = at(a_is_parent ? e.a : e.b), child = at(a_is_parent ? e.b : e.a);
      const float width = 2.0f + 8.0f * static_cast<float>(std::sqrt(std::abs(line.flow_kw) / max_flow_kw));
      const ImU32 tint = line.loading > 0.9 ? IM_COL32(240, 80, 60, 255) : IM_COL32(120, 160, 210, 255);
      draw->AddLine(parent, child, tint, width);
      if (line.direction > 0)
        flow_dots(draw, parent, child, time_s, IM_COL32(235, 245, 255, 230), width * 0.35f + 1.5f);
      if (line.direction < 0)
        flow_dots(draw, child, parent, time_s, IM_COL32(235, 245, 255, 230), width * 0.35f + 1.5f);
      // Labelled just under the child's bar, a strip no other text uses.
      const std::string text = line.name + " " + format_power_kw(line.flow_kw);
      const NodePlacement& child_node = layout.nodes[a_is_parent ? e.b : e.a];
      label(draw, ImVec2(child.x, child.y + 7), elide(text, child_node.span * size.x - 6),
            IM_COL32(150, 180, 215, 255));
      ++drawn.lines;
      continue;
    }
    // An attachment: from the component to its hub when it feeds the bus, back when it draws.
    const int hub = layout.nodes[e.a].hub ? e.a : e.b;
    const int comp = hub == e.a ? e.b : e.a;
    if (layout.nodes[comp].hub) continue;
    const ComponentNow& c = snap.components[static_cast<std::size_t>(comp)];
    const ImVec2 h = attach_point(hub, comp), p = at(comp);
    const Rgba kc = kind_colour(c.kind, c.v2g);
    draw->AddLine(h, p, colour(kc, 0.55f), 2.0f);
    // Only the component's own bus edge carries its power; a heat pump's heat side does too.
    const double power = c.reading.power;
    if (std::abs(power) > 1e-3) {
      const bool into_bus = power > 0;
      flow_dots(draw, into_bus ? p : h, into_bus ? h : p, time_s, colour(kc), 2.5f);
    }
  }

  for (std::size_t v = 0; v < layout.nodes.size(); ++v) {
    const NodePlacement& n = layout.nodes[v];
    const ComponentNow& c = snap.components[v];
    const ImVec2 p = at(static_cast<int>(v));
    const Rgba kc = kind_colour(c.kind, c.v2g);
    if (n.hub) {
      const float half = hub_half_width(n, size.x);
      draw->AddRectFilled(ImVec2(p.x - half, p.y - 4), ImVec2(p.x + half, p.y + 4), colour(kc), 3);
      label(draw, ImVec2(p.x, p.y - 22), elide(c.name, n.span * size.x - 6), IM_COL32(220, 225, 235, 255));
      continue;
    }
    draw->AddCircleFilled(p, kNodeRadius, colour(kc), 24);
    draw->AddCircle(p, kNodeRadius, IM_COL32(10, 10, 12, 255), 24, 2);
    if (c.reading.soc >= 0) {
      // State of charge as a ring filled clockwise from the top.
      constexpr float kPi = 3.14159265f;
      const float a0 = -kPi / 2, a1 = a0 + 2 * kPi * static_cast<float>(c.reading.soc);
      draw->PathArcTo(p, kNodeRadius + 4, a0, a1, 32);
      draw->PathStroke(IM_COL32(240, 240, 240, 230), 0, 3);
    }
    const std::string value = std::string_view(c.reading.unit) == "kW"
                                  ? format_power_kw(c.reading.power)
                                  : std::to_string(c.reading.power).substr(0, 5) + " " + c.reading.unit;
    // Crowded rows: every other label goes above its disc, and names are elided to their room.
    const float room = 2 * n.span * size.x - 8;
    const float line_h = ImGui::GetTextLineHeight();
    const bool above = ImGui::CalcTextSize(c.name.c_str()).x > n.span * size.x - 4 && rank_in_row(layout, v) % 2 == 1;
    const float top = above ? p.y - kNodeRadius - 5 - 2 * line_h : p.y + kNodeRadius + 6;
    label(draw, ImVec2(p.x, top), elide(c.name, room), IM_COL32(225, 228, 235, 255));
    label(draw, ImVec2(p.x, top + line_h), value, colour(kc));
    if (ImGui::IsMouseHoveringRect(ImVec2(p.x - kNodeRadius, p.y - kNodeRadius),
                                   ImVec2(p.x + kNodeRadius, p.y + kNodeRadius))) {
      ImGui::BeginTooltip();
      ImGui::Text("%s (%s)", c.name.c_str(), std::string(kind_label(c.kind, c.v2g)).c_str());
      ImGui::Text("power now: %.1f %s (+ into the bus)", c.reading.power, c.reading.unit);
      if (c.reading.soc >= 0) ImGui::Text("state of charge: %.1f %%", 100 * c.reading.soc);
      ImGui::EndTooltip();
    }
    ++drawn.components;
  }
  ImGui::Dummy(canvas);
  return drawn;
}

}  // namespace zeropark::view
