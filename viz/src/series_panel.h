// Time-series panel: grid import and export, state of charge, price, carbon intensity and one
// chosen component's power, each a plot with a hover read-out in its unit.
#pragma once

#include "snapshot.h"

namespace zeropark::view {

struct SeriesPanelState {
  int component = -1;      // index into the snapshot's series of the chosen power series
  bool whole_run = false;  // history (downsampled whole run) instead of the scrolling window
};

void draw_series_panel(const ViewSnapshot& snapshot, SeriesPanelState& state);

}  // namespace zeropark::view
