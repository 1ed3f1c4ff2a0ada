// Plots drawn on ImGui's draw list (see series_panel.h): x is simulated time, so the original and
// its fork share the axes whatever their sampling, and the hover read-out names the date, the
// unit and both values.
#include "series_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "axis_ticks.h"
#include "palette.h"

namespace zeropark::view {

namespace {

// Forks are drawn thin in their own colours (palette.h) over a wide original, so where they agree
// the original still shows round them.
constexpr float kOriginalThickness = 3.0f, kForkThickness = 1.2f;

// A fork's series of one plot, in its colour.
struct ForkLine {
  const NamedSeries* series;
  ImU32 colour;
};

struct Samples {
  std::vector<float> values;
  std::vector<double> times;
};

Samples samples_of(const NamedSeries& s, bool whole_run) {
  return {whole_run ? s.data.history_values() : s.data.window_values(),
          whole_run ? s.data.history_times() : s.data.window_times()};
}

// The index of the last sample at or before `t` (0 when none is).
std::size_t at_or_before(const std::vector<double>& times, double t) {
  const auto it = std::upper_bound(times.begin(), times.end(), t);
  return it == times.begin() ? 0 : static_cast<std::size_t>(it - times.begin()) - 1;
}

void polyline(ImDrawList* draw, const Samples& s, double t0, double t1, float lo, float hi, ImVec2 min, ImVec2 size,
              ImU32 colour, float thickness) {
  std::vector<ImVec2> points;
  points.reserve(s.values.size());
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    if (s.times[i] < t0) continue;
    const float x = min.x + size.x * static_cast<float>((s.times[i] - t0) / (t1 - t0));
    const float y = min.y + size.y * (1 - (s.values[i] - lo) / (hi - lo));
    points.emplace_back(x, y);
  }
  if (points.size() == 1) points.emplace_back(min.x + size.x, points.front().y);
  if (points.size() > 1)
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, thickness);
}

float y_of_tick(const AxisTicks& ticks, double v, ImVec2 min, ImVec2 size) {
  return min.y + size.y * static_cast<float>(1 - (v - ticks.min) / (ticks.max - ticks.min));
}

// Faint lines at every tick and a brighter one at zero inside the axis, under the data.
void y_axis_lines(ImDrawList* draw, const AxisTicks& ticks, ImVec2 min, ImVec2 size) {
  const bool spans_zero = ticks.min < 0 && ticks.max > 0;
  for (double v : ticks.values) {
    const float y = y_of_tick(ticks, v, min, size);
    const bool zero = spans_zero && v == 0;
    draw->AddLine(ImVec2(min.x, y), ImVec2(min.x + size.x, y),
                  zero ? IM_COL32(230, 230, 240, 110) : IM_COL32(200, 210, 230, 28), zero ? 1.5f : 1.0f);
  }
}

// The axis's ends (and zero) labelled with the unit at the plot's right edge, where the caption
// is not; drawn over the data on a backing so a peak at the top never hides them.
void y_axis_labels(ImDrawList* draw, const AxisTicks& ticks, const std::string& unit, ImVec2 min, ImVec2 size) {
  const bool spans_zero = ticks.min < 0 && ticks.max > 0;
  const float text_h = ImGui::GetTextLineHeight();
  const auto label = [&](double v, float y) {
    const std::string text = tick_label(v, ticks.step) + " " + unit;
    const ImVec2 text_size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 at(min.x + size.x - text_size.x - 4, std::clamp(y, min.y, min.y + size.y - text_h));
    draw->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + text_size.x + 2, at.y + text_size.y),
                        IM_COL32(20, 30, 48, 200));
    draw->AddText(at, IM_COL32(190, 198, 215, 255), text.c_str());
  };
  label(ticks.max, min.y);
  label(ticks.min, min.y + size.y - text_h);
  // Zero only where it clears both ends' labels.
  const float zero_y = y_of_tick(ticks, 0, min, size) - 0.5f * text_h;
  if (spans_zero && zero_y > min.y + text_h && zero_y + text_h < min.y + size.y - text_h) label(0, zero_y);
}

void plot(const NamedSeries& s, const std::vector<ForkLine>& forks, bool whole_run, float height) {
  const Samples original = samples_of(s, whole_run);
  std::vector<Samples> forked;
  for (const ForkLine& fork : forks) forked.push_back(samples_of(*fork.series, whole_run));
  // All on one scale, from zero (or below) to the largest peak, widened to round ticks.
  float lo = 0, peak = 0;
  std::vector<const std::vector<float>*> all = {&original.values};
  for (const Samples& f : forked) all.push_back(&f.values);
  for (const std::vector<float>* values : all) {
    if (values->empty()) continue;
    lo = std::min(lo, *std::min_element(values->begin(), values->end()));
    peak = std::max(peak, *std::max_element(values->begin(), values->end()));
  }
  // All zero (no export yet, say): 0 to 1 rather than an axis round zero.
  if (lo == 0 && peak == 0) peak = 1;
  const AxisTicks ticks = axis_ticks(lo, peak, height >= 90 ? 5 : 3);
  lo = static_cast<float>(ticks.min);
  const float hi = static_cast<float>(ticks.max);
  const double t0 = original.times.empty() ? 0 : original.times.front();
  const double t1 = original.times.empty() ? 1 : std::max(original.times.back(), t0 + 1);

  ImGui::PushID(s.name.c_str());
  const ImVec2 size(ImGui::GetContentRegionAvail().x, height);
  ImGui::InvisibleButton("##plot", size);
  ImGui::PopID();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), ImGui::GetStyle().FrameRounding);
  draw->PushClipRect(min, max, true);
  const ImU32 colour = IM_COL32(static_cast<int>(s.colour.r * 255), static_cast<int>(s.colour.g * 255),
                                static_cast<int>(s.colour.b * 255), 255);
  y_axis_lines(draw, ticks, min, size);
  polyline(draw, original, t0, t1, lo, hi, min, size, colour, kOriginalThickness);
  for (std::size_t f = 0; f < forked.size(); ++f) {
    if (forked[f].values.empty()) continue;
    // Where the fork starts (faintly, in its colour), then the fork over the original.
    const double t_fork = forked[f].times.front();
    if (t_fork >= t0) {
      const float x = min.x + size.x * static_cast<float>((t_fork - t0) / (t1 - t0));
      draw->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), (forks[f].colour & 0x00ffffffu) | (70u << 24));
    }
    polyline(draw, forked[f], t0, t1, lo, hi, min, size, forks[f].colour, kForkThickness);
  }
  y_axis_labels(draw, ticks, s.unit, min, size);
  char overlay[256];
  int used = std::snprintf(overlay, sizeof overlay, "%s: %.2f %s", s.name.c_str(), s.data.latest(), s.unit.c_str());
  for (std::size_t f = 0; f < forked.size(); ++f)
    if (!forked[f].values.empty() && used > 0 && static_cast<std::size_t>(used) < sizeof overlay)
      used += std::snprintf(overlay + used, sizeof overlay - static_cast<std::size_t>(used), "   fork %zu: %.2f", f + 1,
                            forks[f].series->data.latest());
  // The caption on a backing of the frame's colour, so the lines never cross the text.
  const ImVec2 text_at(min.x + 4, min.y + 1), text_size = ImGui::CalcTextSize(overlay);
  draw->AddRectFilled(ImVec2(text_at.x - 2, text_at.y), ImVec2(text_at.x + text_size.x + 2, text_at.y + text_size.y),
                      IM_COL32(20, 30, 48, 235));
  draw->AddText(text_at, ImGui::GetColorU32(ImGuiCol_Text), overlay);
  draw->PopClipRect();

  if (ImGui::IsItemHovered() && !original.values.empty()) {
    const float x = std::clamp((ImGui::GetIO().MousePos.x - min.x) / std::max(1.0f, size.x), 0.0f, 1.0f);
    const double t = t0 + x * (t1 - t0);
    draw->AddLine(ImVec2(ImGui::GetIO().MousePos.x, min.y), ImVec2(ImGui::GetIO().MousePos.x, max.y),
                  IM_COL32(255, 255, 255, 60));
    const float v = original.values[at_or_before(original.times, t)];
    char tip[512];
    int used = std::snprintf(tip, sizeof tip, "%s\nday %.2f of the run\noriginal %.3f %s", s.name.c_str(), t / 86400.0,
                             v, s.unit.c_str());
    for (std::size_t f = 0; f < forked.size(); ++f) {
      if (forked[f].values.empty() || t < forked[f].times.front()) continue;
      if (used <= 0 || static_cast<std::size_t>(used) >= sizeof tip) break;
      const float value = forked[f].values[at_or_before(forked[f].times, t)];
      used += std::snprintf(tip + used, sizeof tip - static_cast<std::size_t>(used), "\nfork %zu   %.3f %s (%+.3f)",
                            f + 1, value, s.unit.c_str(), value - v);
    }
    ImGui::SetTooltip("%s", tip);
  }
}

// Each fork's series of the same name (the recorders list them in the same order).
std::vector<ForkLine> forks_of(const ViewSnapshot& snap, std::size_t i) {
  std::vector<ForkLine> out;
  for (const ForkNow& fork : snap.forks)
    if (i < fork.series.size() && fork.series[i].name == snap.series[i].name)
      out.push_back({&fork.series[i], pack_abgr(fork_colour(fork.slot))});
  return out;
}

// "── original   ── fork 1: battery capacity x3 ...": the original's colour varies by plot, so
// its swatch is grey; each fork's is its colour, numbered as in the captions.
void legend(const ViewSnapshot& snap) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto swatch = [&](ImU32 colour, float thickness) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float y = at.y + ImGui::GetTextLineHeight() * 0.5f;
    draw->AddLine(ImVec2(at.x, y), ImVec2(at.x + 18, y), colour, thickness);
    ImGui::Dummy(ImVec2(22, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, 2);
  };
  swatch(IM_COL32(160, 170, 185, 255), kOriginalThickness);
  ImGui::TextUnformatted("original (each plot's colour)");
  ImGui::SameLine(0, 16);
  for (std::size_t f = 0; f < snap.forks.size(); ++f) {
    const ForkNow& fork = snap.forks[f];
    // A new row when this entry would not fit.
    const std::string text = "fork " + std::to_string(f + 1) + ": " + fork.label;
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(text.c_str()).x + 100) ImGui::NewLine();
    swatch(pack_abgr(fork_colour(fork.slot)), kForkThickness + 0.8f);
    ImGui::Text("%s (from day %.1f)", text.c_str(), static_cast<double>(fork.from_tick) / 86400.0);
    ImGui::SameLine(0, 16);
  }
  ImGui::NewLine();
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
        if (ImGui::Selectable(snap.series[static_cast<std::size_t>(i)].name.c_str(), i == state.component))
          state.component = i;
      ImGui::EndCombo();
    }
  }
  if (snap.has_fork()) legend(snap);
  // Share the height among the plots so the panel never needs a scroll bar.
  int plots = power.empty() ? 0 : 1;
  for (const NamedSeries& s : snap.series) plots += s.group == "power" ? 0 : 1;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float height =
      std::max(28.0f, (ImGui::GetContentRegionAvail().y - spacing * static_cast<float>(plots)) / std::max(plots, 1));
  const auto plot_group = [&](const char* a, const char* b) {
    for (std::size_t i = 0; i < snap.series.size(); ++i)
      if (snap.series[i].group == a || snap.series[i].group == b)
        plot(snap.series[i], forks_of(snap, i), state.whole_run, height);
  };
  plot_group("grid", "soc");
  if (!power.empty()) {
    const auto i = static_cast<std::size_t>(state.component);
    plot(snap.series[i], forks_of(snap, i), state.whole_run, height);
  }
  plot_group("price", "carbon");
}

}  // namespace zeropark::view
