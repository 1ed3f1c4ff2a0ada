// The park's wall calendar for the view: tick ↔ local civil date, with no daylight saving (as
// the engine). The engine keeps its own calendar private, so the view carries this small copy.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "zeropark/civil_time.h"
#include "zeropark/units.h"

namespace zeropark::view {

// The civil time `tick` seconds after `start`.
CivilTime civil_at(const CivilTime& start, Tick tick);

// "2023-06-01 12:00".
std::string format_civil(const CivilTime& t);

// The tick of an ISO date "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (or with a space) counted from
// `start`; nullopt when malformed.
std::optional<Tick> tick_of_iso(const CivilTime& start, std::string_view iso);

}  // namespace zeropark::view
