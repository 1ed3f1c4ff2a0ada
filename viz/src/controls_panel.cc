// Clock and what-if widgets (see controls_panel.h).
#include "controls_panel.h"

#include <imgui.h>

#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

#include "civil_clock.h"
#include "fork_scenario.h"
#include "palette.h"
#include "zeropark/controller.h"

namespace zeropark::view {

void draw_clock_panel(const ViewSnapshot& snap, ViewDriver& runner, ControlsState& state, float fps) {
  ImGui::Text("%s", snap.date.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("tick %lld s, %llu events", static_cast<long long>(snap.tick),
                      static_cast<unsigned long long>(snap.events));
  const float progress = snap.end_tick > 0 ? static_cast<float>(snap.tick) / static_cast<float>(snap.end_tick) : 0;
  ImGui::ProgressBar(progress, ImVec2(-1, 0), snap.done ? "run complete" : nullptr);

  if (ImGui::Button(snap.paused ? "  Play  " : " Pause  ")) runner.set_paused(!snap.paused);
  ImGui::SameLine();
  if (ImGui::Button("Next event")) runner.step_event();
  ImGui::SameLine();
  if (ImGui::Checkbox("max speed", &state.flat_out))
    runner.set_speed(state.flat_out ? 0 : state.speed_hours_per_s * 3600.0);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##speed", &state.speed_hours_per_s, 0.01f, 720.0f, "%.2f sim-h per s",
                         ImGuiSliderFlags_Logarithmic)) {
    state.flat_out = false;
    runner.set_speed(state.speed_hours_per_s * 3600.0);
  }
  ImGui::SetNextItemWidth(110);
  const bool entered =
      ImGui::InputText("##date", state.jump_date, sizeof state.jump_date, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button("Jump to date") || entered) {
    if (const auto tick = tick_of_iso(runner.model().start, state.jump_date)) {
      const bool back = *tick < snap.tick && !runner.can_jump_back();
      state.jump_error = back ? "a live run cannot go back in time (a replay can)" : "";
      if (!back) runner.jump_to(*tick);
    } else {
      state.jump_error = "use YYYY-MM-DD or YYYY-MM-DDTHH:MM";
    }
  }
  if (snap.replay) {
    // Every row is recorded: the slider goes to any date, backwards too.
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (!state.replay_dragging) state.replay_tick = snap.tick;
    const long long min_tick = 0, max_tick = snap.end_tick;
    const std::string label = format_civil(civil_at(runner.model().start, state.replay_tick));
    if (ImGui::SliderScalar("##replay_date", ImGuiDataType_S64, &state.replay_tick, &min_tick, &max_tick,
                            label.c_str()))
      runner.jump_to(state.replay_tick);
    state.replay_dragging = ImGui::IsItemActive();
  }
  if (!state.jump_error.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", state.jump_error.c_str());
  if (!snap.replay && runner.can_jump_back()) {
    // One line, so the tile needs no scroll bar. A fork has no past before its fork tick to go
    // back to, hence the note.
    ImGui::TextDisabled(
        "rewind: %zu checkpoints %.0f d apart, %.1f + %.1f MB%s", snap.checkpoints,
        static_cast<double>(snap.checkpoint_spacing_s) / 86400.0, static_cast<double>(snap.checkpoint_bytes) / 1e6,
        static_cast<double>(snap.series_log_bytes) / 1e6, snap.has_fork() ? "; a jump back drops the forks" : "");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("checkpoints of the run + the log of plotted samples, for jumps back in time");
  }
  if (snap.replay)
    ImGui::TextDisabled("replay %.0f rows/s, view %.0f fps", snap.events_per_s, fps);
  else
    ImGui::TextDisabled("sim %.0f events/s, view %.0f fps", snap.events_per_s, fps);
}

void draw_what_if_panel(const ViewSnapshot& snap, ViewDriver& runner, ControlsState& state) {
  if (!runner.can_fork()) {
    ImGui::TextWrapped(
        "What-if forks are not available in replay: a trace holds one recorded run and no state to "
        "fork from. Open the scenario YAML (zeropark-view SCENARIO.yaml) to fork it live.");
    return;
  }
  ImGui::PushItemWidth(-150);
  ImGui::SliderFloat("battery capacity x", &state.battery_capacity_scale, 0.25f, 4.0f, "%.2f");
  ImGui::SliderFloat("battery power x", &state.battery_power_scale, 0.25f, 4.0f, "%.2f");
  ImGui::SliderFloat("PV size x", &state.pv_scale, 0.25f, 4.0f, "%.2f");
  ImGui::SliderFloat("energy prices x", &state.tariff_scale, 0.25f, 4.0f, "%.2f");
  const std::vector<std::string_view> names = controller_names();
  std::vector<std::string> labels = {"(same as the scenario)"};
  for (std::string_view name : names) labels.emplace_back(name);
  if (state.controller < 0 || static_cast<std::size_t>(state.controller) >= labels.size()) state.controller = 0;
  if (ImGui::BeginCombo("controller", labels[static_cast<std::size_t>(state.controller)].c_str())) {
    for (std::size_t i = 0; i < labels.size(); ++i)
      if (ImGui::Selectable(labels[i].c_str(), static_cast<int>(i) == state.controller))
        state.controller = static_cast<int>(i);
    ImGui::EndCombo();
  }
  ImGui::PopItemWidth();
  ImGui::BeginDisabled(snap.forks.size() >= kMaxForks);
  if (ImGui::Button("Apply (fork now)")) {
    WhatIfEdit edit;
    edit.battery_capacity_scale = state.battery_capacity_scale;
    edit.battery_power_scale = state.battery_power_scale;
    edit.pv_scale = state.pv_scale;
    edit.tariff_scale = state.tariff_scale;
    if (state.controller > 0) edit.controller = labels[static_cast<std::size_t>(state.controller)];
    runner.apply_edit(edit);
    state.save_message.clear();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled(
      snap.forks.size() >= kMaxForks ? "%zu forks at most: drop one to add another" : "%zu of %zu forks",
      snap.forks.size(), kMaxForks);
  if (snap.has_fork()) {
    // The saved scenario applies the edit from its first tick, with absolute input paths, so the
    // file can go anywhere.
    if (state.fork_file[0] == '\0')
      std::snprintf(state.fork_file, sizeof state.fork_file, "%s", default_fork_file(runner.model()).c_str());
    if (snap.forks.size() > 1) {
      if (ImGui::Button("Drop all")) runner.drop_fork();
      ImGui::SameLine();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##fork_file", state.fork_file, sizeof state.fork_file);
  }
  for (const ForkNow& fork : snap.forks) {
    // One row per fork in its plot colour: drop it, or save it as a scenario to the file above.
    ImGui::PushID(fork.slot);
    const Rgba c = fork_colour(fork.slot);
    ImGui::TextColored(ImVec4(c.r, c.g, c.b, 1), "%s (day %.1f)", fork.label.c_str(),
                       static_cast<double>(fork.from_tick) / 86400.0);
    ImGui::SameLine();
    if (ImGui::SmallButton("Drop")) runner.drop_fork(fork.slot);
    ImGui::SameLine();
    if (ImGui::SmallButton("Save fork as YAML")) {
      try {
        save_fork_scenario(runner.model(), fork.edit, state.fork_file);
        state.save_message = std::string("saved ") + fork.label + " as " + state.fork_file;
        state.save_failed = false;
      } catch (const std::exception& e) {
        state.save_message = e.what();
        state.save_failed = true;
      }
    }
    ImGui::PopID();
  }
  if (!state.save_message.empty()) {
    if (state.save_failed)
      ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", state.save_message.c_str());
    else
      ImGui::TextDisabled("%s", state.save_message.c_str());
  }
  if (!snap.fork_notice.empty()) ImGui::TextColored(ImVec4(1, 0.8f, 0.4f, 1), "%s", snap.fork_notice.c_str());
  if (!snap.fork_error.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", snap.fork_error.c_str());
}

}  // namespace zeropark::view
