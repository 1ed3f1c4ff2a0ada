// Rules shared by the rule-based controllers. Tariff look-ups walk the season's segments of the
// tick's local day (at most a dozen), so they cost nothing next to a decision interval.
#include "controllers/rules.h"

#include <algorithm>
#include <cmath>

#include "components/tariff.h"
#include "time/calendar.h"

namespace zeropark {
namespace {

const TariffModel::Season& season_of(const TariffModel& tariff, int month) {
  return tariff.seasons[static_cast<std::size_t>(tariff.season_of_month[static_cast<std::size_t>(month - 1)])];
}

struct DayPrices {
  double min = 0, max = 0;
};
DayPrices prices_of(const TariffModel::Season& season) {
  DayPrices p{season.segments.front().price_cny_per_kwh, season.segments.front().price_cny_per_kwh};
  for (const TariffModel::Segment& s : season.segments) {
    p.min = std::min(p.min, s.price_cny_per_kwh);
    p.max = std::max(p.max, s.price_cny_per_kwh);
  }
  return p;
}

}  // namespace

TariffDay tariff_day(const ParkModel& model, Tick tick) {
  const CivilTime t = Calendar(model.start).at(tick);
  TariffDay day;
  day.month = t.month;
  day.second_of_day = t.hour * 3600 + t.minute * 60 + t.second;
  const DayPrices p = prices_of(season_of(model.grid.tariff, t.month));
  day.min_price_cny_per_kwh = p.min;
  day.max_price_cny_per_kwh = p.max;
  return day;
}

bool is_cheap(const TariffDay& day, double price_cny_per_kwh, double tolerance_cny_per_kwh) {
  return price_cny_per_kwh <= day.min_price_cny_per_kwh + tolerance_cny_per_kwh;
}

bool is_expensive(const TariffDay& day, double price_cny_per_kwh, double threshold_cny_per_kwh) {
  if (threshold_cny_per_kwh > 0) return price_cny_per_kwh >= threshold_cny_per_kwh;
  const double range = day.max_price_cny_per_kwh - day.min_price_cny_per_kwh;
  if (range <= 0) return false;  // a flat tariff has no expensive hours
  return price_cny_per_kwh >= day.max_price_cny_per_kwh - 0.25 * range;
}

CheapWindow next_cheap_window(const ParkModel& model, Tick tick, double tolerance_cny_per_kwh) {
  const Calendar calendar(model.start);
  const CivilTime now = calendar.at(tick);
  const Tick second_of_day = now.hour * 3600 + now.minute * 60 + now.second;
  const Tick midnight = tick - second_of_day;  // today's local midnight, as a tick
  // Cheap stretches of today and tomorrow as [begin, end) ticks, merged where they touch.
  std::vector<std::pair<Tick, Tick>> stretches;
  for (int d = 0; d < 2; ++d) {
    const Tick day_start = midnight + Tick{86400} * d;
    const TariffModel::Season& season = season_of(model.grid.tariff, calendar.at(day_start).month);
    const DayPrices p = prices_of(season);
    for (std::size_t i = 0; i < season.segments.size(); ++i) {
      if (season.segments[i].price_cny_per_kwh > p.min + tolerance_cny_per_kwh) continue;
      const Tick begin = day_start + season.segments[i].start_s;
      const Tick end = day_start + (i + 1 < season.segments.size() ? season.segments[i + 1].start_s : 86400);
      if (!stretches.empty() && stretches.back().second == begin)
        stretches.back().second = end;
      else
        stretches.emplace_back(begin, end);
    }
  }
  for (const auto& [begin, end] : stretches) {
    if (end <= tick) continue;
    const Tick from = std::max(begin, tick);
    return {from - tick, end - from};
  }
  return {};
}

double battery_rating_kw(const ParkModel& model, double power_kw) {
  double rating_kw = 0;
  for (const BatteryModel& b : model.batteries) rating_kw += power_kw > 0 ? b.max_discharge_kw : b.max_charge_kw;
  return rating_kw;
}

double v2g_rating_kw(const EvChargerModel& charger) {
  return charger.bidirectional ? charger.count * charger.max_power_kw : 0.0;
}

void share_among_batteries(const ParkModel& model, double power_kw, double extra_rating_kw,
                           std::vector<double>& setpoint_kw) {
  setpoint_kw.assign(model.batteries.size(), 0.0);
  const double rating_kw = battery_rating_kw(model, power_kw) + extra_rating_kw;
  if (rating_kw <= 0) return;
  for (std::size_t i = 0; i < model.batteries.size(); ++i) {
    const BatteryModel& b = model.batteries[i];
    setpoint_kw[i] = power_kw * (power_kw > 0 ? b.max_discharge_kw : b.max_charge_kw) / rating_kw;
  }
}

bool island_rule(const ParkModel& model, const Observation& observation, Command& command) {
  if (observation.grid_connected) return false;
  command.ev_setpoint_kw.resize(model.ev_chargers.size(), std::nan(""));
  if (observation.net_demand_kw <= 0) {  // a surplus: store it, shared by charging ratings
    double v2g_kw = 0;
    for (const EvChargerModel& c : model.ev_chargers) v2g_kw += v2g_rating_kw(c);
    share_among_batteries(model, observation.net_demand_kw, v2g_kw, command.battery_setpoint_kw);
    const double rating_kw = battery_rating_kw(model, observation.net_demand_kw) + v2g_kw;
    for (std::size_t g = 0; g < model.ev_chargers.size(); ++g)
      if (model.ev_chargers[g].bidirectional && rating_kw > 0)
        command.ev_setpoint_kw[g] = observation.net_demand_kw * v2g_rating_kw(model.ev_chargers[g]) / rating_kw;
    return true;
  }
  // A deficit: what the critical loads lack, shared among the stores that can give now (a battery
  // above its floor, the cars plugged in at V2G points), in proportion to what each can give.
  const double need_kw = std::max(0.0, observation.critical_demand_kw - observation.generation_kw);
  std::vector<double> can_kw(model.batteries.size(), 0.0);
  double total_kw = 0;
  for (std::size_t i = 0; i < model.batteries.size(); ++i) {
    const BatteryModel& b = model.batteries[i];
    const bool above_floor = i < observation.battery_energy_kwh.size() &&
                             observation.battery_energy_kwh[i] > b.energy_min_kwh + 1e-9 * b.capacity_kwh;
    can_kw[i] = above_floor ? b.max_discharge_kw : 0.0;
    total_kw += can_kw[i];
  }
  for (std::size_t g = 0; g < model.ev_chargers.size(); ++g)
    if (g < observation.ev_v2g_limit_kw.size()) total_kw += observation.ev_v2g_limit_kw[g];
  const double share = total_kw > 0 ? std::min(1.0, need_kw / total_kw) : 0.0;
  command.battery_setpoint_kw.assign(model.batteries.size(), 0.0);
  for (std::size_t i = 0; i < model.batteries.size(); ++i) command.battery_setpoint_kw[i] = can_kw[i] * share;
  for (std::size_t g = 0; g < model.ev_chargers.size(); ++g)
    if (model.ev_chargers[g].bidirectional)
      command.ev_setpoint_kw[g] = g < observation.ev_v2g_limit_kw.size() ? observation.ev_v2g_limit_kw[g] * share : 0.0;
  return true;
}

double update_running_peak(const ParkModel& model, const Observation& observation, std::span<double> memory) {
  const CivilTime t = Calendar(model.start).at(observation.tick);
  const double month_key = t.year * 12.0 + t.month;
  if (memory[0] != month_key) {  // a new month (or the run's first decision): start again
    memory[0] = month_key;
    memory[1] = 0;
    return 0;
  }
  memory[1] = std::max(memory[1], observation.grid_kw);
  return memory[1];
}

}  // namespace zeropark
