// Plots with ImGui::PlotLines (see series_panel.h). ImGui's own tooltip shows a bare index, so the
// read-out here names the date and the unit instead.
#include "series_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace zeropark::view {

namespace {

void plot(const NamedSeries& s, bool whole_run, float height) {
  const std::vector<float> values = whole_run ? s.data.history_values() : s.data.window_values();
  const std::vector<double> times = whole_run ? s.data.history_times() : s.data.window_times();
  char overlay[96];
  std::snprintf(overlay, sizeof overlay, "%s: %.2f %s", s.name.c_str(), s.data.latest(), s.unit.c_str());
  float lo = 0, hi = 1;
  if (!values.empty()) {
    lo = std::min(0.0f, *std::min_element(values.begin(), values.end()));
    hi = std::max(lo + 1e-3f, *std::max_element(values.begin(), values.end()));
  }
  ImGui::PushStyleColor(ImGuiCol_PlotLines, ImVec4(s.colour.r, s.colour.g, s.colour.b, 1));
  ImGui::PushID(s.name.c_str());
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PlotLines("##plot", values.empty() ? nullptr : values.data(), static_cast<int>(values.size()), 0, overlay, lo,
                   hi * 1.05f, ImVec2(width, height));
  ImGui::PopID();
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered() && values.size() > 1) {
    const float x = (ImGui::GetIO().MousePos.x - ImGui::GetItemRectMin().x) / std::max(1.0f, ImGui::GetItemRectSize().x);
    const std::size_t i = std::min(values.size() - 1, static_cast<std::size_t>(std::max(0.0f, x) * static_cast<float>(values.size())));
    const double day = times[i] / 86400.0;
    ImGui::SetTooltip("%s\nday %.2f of the run\n%.3f %s", s.name.c_str(), day, values[i], s.unit.c_str());
  }
}

}  // namespace

void draw_series_panel(const ViewSnapshot& snap, SeriesPanelState& state) {
  ImGui::Checkbox("whole run (downsampled)", &state.whole_run);
  std::vector<int> power;
  for (std::size_t i = 0; i < snap.series.size(); ++i)
    if (snap.series[i].group == "power") power.push_back(static_cast<int>(i));
  if (!power.empty()) {
    if (std::find(power.begin(), power.end(), state.component) == power.end()) state.component = power.front();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##component", snap.series[static_cast<std::size_t>(state.component)].name.c_str())) {
      for (int i : power)
        if (ImGui::Selectable(snap.series[static_cast<std::size_t>(i)].name.c_str(), i == state.component)) state.component = i;
      ImGui::EndCombo();
    }
  }
  // Share the height among the plots so the panel never needs a scroll bar.
  int plots = power.empty() ? 0 : 1;
  for (const NamedSeries& s : snap.series) plots += s.group == "power" ? 0 : 1;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float height = std::max(28.0f, (ImGui::GetContentRegionAvail().y - spacing * static_cast<float>(plots)) / std::max(plots, 1));
  for (const NamedSeries& s : snap.series)
    if (s.group == "grid" || s.group == "soc") plot(s, state.whole_run, height);
  if (!power.empty()) plot(snap.series[static_cast<std::size_t>(state.component)], state.whole_run, height);
  for (const NamedSeries& s : snap.series)
    if (s.group == "price" || s.group == "carbon") plot(s, state.whole_run, height);
}

}  // namespace zeropark::view
