// KPI panel: the figures a park's operators report, the Shimen platform's summary tiles, and the
// what-if fork's difference from the original.
#pragma once

#include "snapshot.h"

namespace zeropark::view {

void draw_kpi_panel(const ViewSnapshot& snapshot);

}  // namespace zeropark::view
