// Time-of-use tariff as Chinese provincial tariffs define it: the year is cut into seasons by
// month; each season cuts the day into critical-peak / peak / flat / valley periods, each with an
// energy price. Two-part tariffs add a monthly charge on maximum demand or on contracted capacity
// (accounted in the KPIs, trace/kpi.cc).
#include "components/tariff.h"

namespace zeropark {

const TariffModel::Segment& tariff_segment(const TariffModel& tariff, int month, int second_of_day) {
  const auto& segments = tariff.seasons[static_cast<std::size_t>(tariff.season_of_month[month - 1])].segments;
  std::size_t i = segments.size() - 1;
  while (segments[i].start_s > second_of_day) --i;  // the first segment starts at 0
  return segments[i];
}

int next_tariff_boundary_s(const TariffModel& tariff, int month, int second_of_day) {
  const auto& segments = tariff.seasons[static_cast<std::size_t>(tariff.season_of_month[month - 1])].segments;
  for (const TariffModel::Segment& s : segments)
    if (s.start_s > second_of_day) return s.start_s;
  return 86400;
}

}  // namespace zeropark
