// The mpc controller's view of an EV charger group over its horizon: the group as one store whose
// window moves as cars come and go (a DispatchEvGroup), built from the observation (the cars
// plugged in now, as a group) and the model's session list (who arrives and leaves, and when).
//
// Which sessions find a free charge point depends only on arrivals and departures, never on the
// dispatch, so the plant's rule (departures first, then arrivals in order, each taking a free point
// or being turned away) is replayed once per run to know exactly which cars will plug in.
//
// Aggregation, per car i (present now or arriving before the horizon's end), with need_i the
// energy it still lacks (its request for a future arrival):
//   power     charge_max_k = Σ_i f_ik·P_i, discharge_max_k = Σ_i f_ik·V (bidirectional points),
//             f_ik the share of step k the car is plugged in, P_i its charging limit at the bus, V the
//             point's rating; the first step takes the observation's limits for the cars present.
//   ceiling   Σ need_i over cars arrived by the step's end: cars take no more than they asked for.
//   floor     what the plant's laxity rule alone would have put into the cars by the step's end
//             (each car charging flat out from the last moment that still meets its departure:
//             its need once it has left) − Σ room_i over cars still plugged in, room_i the energy
//             V2G may still take from car i (20 % of its battery below its arrival energy). At the
//             horizon's last step there is no room, and a car that stays on must have at least the
//             share of its need that the horizon covers of its remaining stay, so that neither
//             charging nor repaying V2G can be pushed past the horizon.
// The floor is the latest charging the plant allows (its laxity rule), so the programme plans
// charging for deadlines where the cars' power limits put it, and earlier only for price or carbon.
// The observation gives the group's total need and the power of the cars the plant forces now,
// not each car's: the cars that leave first and could be forced (a forced car lacks exactly what
// flat-out charging gets in by its departure) are taken as the forced ones until their power makes
// up the forced power, and the rest of the need is shared among the others in proportion to what
// they asked for (as the plant shares a set-point among cars with slack), each at most what it can
// still take.
#pragma once

#include <vector>

#include "controllers/mpc_dispatch.h"
#include "zeropark/model.h"
#include "zeropark/units.h"

namespace zeropark {

// 1 for each session of the group (in the model's order) that will find a free charge point.
std::vector<char> sessions_plugged_in(const EvChargerModel& charger);

// What the observation says of one group's cars now.
struct EvGroupNow {
  double plugged = 0;
  double energy_needed_kwh = 0;
  double charge_limit_kw = 0;
  double forced_kw = 0;
  double v2g_limit_kw = 0;
};

// The sessions of one group, with what replaying them once per run gives.
class EvGroupSessions {
 public:
  explicit EvGroupSessions(const EvChargerModel& charger);

  // The group over the steps [bounds[k], bounds[k + 1]) that start at bounds[0] = the decision.
  DispatchEvGroup horizon(const EvGroupNow& now, const std::vector<Tick>& bounds) const;

 private:
  const EvChargerModel& charger_;
  std::vector<char> plugged_in_;
  std::vector<Tick> latest_departure_;  // per session: the latest departure among it and those before
};

}  // namespace zeropark
