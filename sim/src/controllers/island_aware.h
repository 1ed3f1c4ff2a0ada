// Every built-in controller behaves alike while the park is an island: it decides as usual, then
// the island rule (rules.h) replaces its battery and V2G set-points so that storage lasts for the
// critical loads. Plug-ins see Observation::grid_connected and decide for themselves.
#pragma once

#include <memory>

#include "zeropark/controller.h"

namespace zeropark {

std::unique_ptr<Controller> with_island_rule(std::unique_ptr<Controller> controller);

}  // namespace zeropark
