// Clock controls (play/pause, next event, speed, jump to a date; in a replay also a date slider
// that goes back) and the what-if panel (battery and PV sliders, controller choice, Apply forks,
// up to kMaxForks forks listed in their colours, each can be dropped or saved as a scenario YAML;
// in a replay, a note that forks need a live run). Both only queue commands on the driver.
#pragma once

#include <optional>
#include <string>

#include "view_driver.h"

namespace zeropark::view {

struct ControlsState {
  float speed_hours_per_s = 6;  // the slider's value; the runner takes sim-seconds
  bool flat_out = false;
  char jump_date[32] = "2023-06-01";
  std::string jump_error;
  long long replay_tick = 0;  // the replay's date slider
  bool replay_dragging = false;
  float battery_capacity_scale = 2;
  float battery_power_scale = 1;
  float pv_scale = 1;
  float tariff_scale = 1;
  int controller = 0;        // index into controller_names()
  char fork_file[512] = "";  // "" until the first frame fills in the default name
  std::string save_message;
  bool save_failed = false;
};

void draw_clock_panel(const ViewSnapshot& snapshot, ViewDriver& driver, ControlsState& state, float fps);
void draw_what_if_panel(const ViewSnapshot& snapshot, ViewDriver& driver, ControlsState& state);

}  // namespace zeropark::view
