// The command line of zeropark-view.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "what_if.h"

namespace zeropark::view {

struct ViewOptions {
  std::string scenario;     // a scenario YAML, or an HDF5 trace to replay (told apart by its signature)
  int frames = -1;          // render this many frames then exit; -1: until the window closes
  std::string screenshot;   // PNG of the last frame; "" for none
  double speed = 6 * 3600;  // sim-seconds per wall-second; 0: as fast as possible
  bool help = false;
  // --what-if EDIT[@K]: a fork applied once K frames were drawn (0: before the first).
  std::optional<WhatIfEdit> what_if;
  int what_if_frame = 0;
  // --save-fork FILE.yaml (needs --what-if): the fork's scenario, written before the window opens;
  // without --frames the program exits once it is written.
  std::string save_fork;
};

// "battery_capacity=2,pv=1.5@30" → the edit and its frame. Throws std::invalid_argument naming
// the bad part: an unknown key, a scale that is not a number > 0, an unknown controller, a bad K.
std::pair<WhatIfEdit, int> parse_what_if(const std::string& text);

// Throws std::invalid_argument naming the bad argument.
ViewOptions parse_view_options(int argc, char** argv);
const char* view_usage();

}  // namespace zeropark::view
