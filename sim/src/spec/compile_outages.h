// Outages (availability profiles): scheduled windows and seeded random failures, resolved to the
// components they take out and turned into sorted, disjoint windows of the run's ticks.
#pragma once

#include <vector>

#include "zeropark/model.h"
#include "zeropark/spec.h"

namespace zeropark {

// Needs `model` compiled up to its components and grid (names resolve against it). Throws
// InputError at the outage's line for an unknown component, a kind that cannot go out, a window
// that is malformed, or an entry that is neither scheduled nor random.
// Outages of control-network links (`link`) go into model.network's links instead.
std::vector<OutageProfileModel> compile_outages(const ParkSpec& spec, ParkModel& model);

// Random outages of one component over [0, end_tick): alternating exponential times in service
// (mean mtbf_s) and out (mean mttr_s), from a PCG stream of `seed` (whole seconds, at least 1).
std::vector<OutageWindow> random_outage_windows(double mtbf_s, double mttr_s, Tick end_tick, std::uint64_t seed);

}  // namespace zeropark
