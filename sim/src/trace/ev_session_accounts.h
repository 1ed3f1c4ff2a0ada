// CO2 and energy cost per EV session: each charger group's share of an event's imports (the
// attribution rule) split among the group's cars in proportion to what each draws, so a planner
// can see which sessions drive the charging yard's emissions. A group's sessions add up to the
// group's own share; a car giving energy back (V2G) draws nothing and takes no share.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "zeropark/model.h"
#include "zeropark/state.h"

namespace zeropark {

struct EvSessionAccount {
  int group = 0;    // index into model.ev_chargers
  int session = 0;  // index into the group's sessions
  Tick arrival_s = 0, departure_s = 0;
  double requested_kwh = 0;
  double drawn_kwh = 0;  // from the bus
  double v2g_kwh = 0;    // back to the bus
  double co2_kg = 0;
  double cost_cny = 0;
};

class EvSessionAccounts {
 public:
  void on_event(const ParkModel& model, const ParkState& state, Tick duration_s);
  // Every session that was plugged in during the run, by group and then by session.
  std::vector<EvSessionAccount> accounts() const;

 private:
  std::map<std::pair<int, int>, EvSessionAccount> sessions_;
};

}  // namespace zeropark
