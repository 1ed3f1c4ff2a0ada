// Clock controls (play/pause, next event, speed, jump to a date) and the what-if panel (battery
// and PV sliders, controller choice, Apply forks). Both only queue commands on the runner.
#pragma once

#include <string>

#include "simulation_runner.h"

namespace zeropark::view {

struct ControlsState {
  float speed_hours_per_s = 6;  // the slider's value; the runner takes sim-seconds
  bool flat_out = false;
  char jump_date[32] = "2023-06-01";
  std::string jump_error;
  float battery_capacity_scale = 2;
  float battery_power_scale = 1;
  float pv_scale = 1;
  int controller = 0;  // index into controller_names()
};

void draw_clock_panel(const ViewSnapshot& snapshot, SimulationRunner& runner, ControlsState& state, float fps);
void draw_what_if_panel(const ViewSnapshot& snapshot, SimulationRunner& runner, ControlsState& state);

}  // namespace zeropark::view
