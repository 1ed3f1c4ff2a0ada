// Time-of-use tariff look-ups.
#pragma once

#include "zeropark/model.h"

namespace zeropark {

// The tariff segment in force in `month` (1..12) at `second_of_day`.
const TariffModel::Segment& tariff_segment(const TariffModel& tariff, int month, int second_of_day);

// Seconds after local midnight of the next segment boundary after `second_of_day`; 86400 when
// the next change can only be midnight (where the month, and so the season, may change).
int next_tariff_boundary_s(const TariffModel& tariff, int month, int second_of_day);

}  // namespace zeropark
