// The command line of zeropark-view.
#pragma once

#include <string>

namespace zeropark::view {

struct ViewOptions {
  std::string scenario;
  int frames = -1;             // render this many frames then exit; -1: until the window closes
  std::string screenshot;      // PNG of the last frame; "" for none
  double speed = 6 * 3600;     // sim-seconds per wall-second; 0: as fast as possible
  bool help = false;
};

// Throws std::invalid_argument naming the bad argument.
ViewOptions parse_view_options(int argc, char** argv);
const char* view_usage();

}  // namespace zeropark::view
