// The control network section: gateways and device links resolved against the park's devices.
#pragma once

#include "zeropark/model.h"
#include "zeropark/spec.h"

namespace zeropark {

// Needs the model's devices and grid compiled. Throws InputError at the offending line.
ControlNetworkModel compile_network(const NetworkSpec& spec, const ParkModel& model);

}  // namespace zeropark
