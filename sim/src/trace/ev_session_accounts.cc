#include "trace/ev_session_accounts.h"

#include "components/ev_sessions.h"
#include "trace/attribution_rule.h"
#include "zeropark/units.h"

namespace zeropark {

void EvSessionAccounts::on_event(const ParkModel& model, const ParkState& state, Tick duration_s) {
  const OperatingPoint& op = state.powers;
  const EventShares shares = event_shares(model, op, duration_s);
  int first_point = 0;  // charge points are numbered over all groups in order
  for (std::size_t g = 0; g < model.ev_chargers.size(); ++g) {
    const EvChargerModel& c = model.ev_chargers[g];
    double cars_draw_kw = 0;
    for (int p = first_point; p < first_point + c.count; ++p)
      if (state.ev_point_session[p] >= 0) cars_draw_kw += draw_kw(op.ev_point_kw[p]);
    const double group_share_kwh = shares.import_share_kwh(draw_kw(op.ev_kw[g]));
    for (int p = first_point; p < first_point + c.count; ++p) {
      const int s = state.ev_point_session[p];
      if (s < 0) continue;
      const auto [entry, plugged_in_now] = sessions_.try_emplace({static_cast<int>(g), s});
      EvSessionAccount& a = entry->second;
      if (plugged_in_now) {
        const EvSession& session = (*c.sessions)[static_cast<std::size_t>(s)];
        a = {static_cast<int>(g), s, session.arrival_s, session.departure_s, session.energy_requested_kwh};
      }
      const double car_draw_kw = draw_kw(op.ev_point_kw[p]);
      a.drawn_kwh += energy_kwh(car_draw_kw, duration_s);
      a.v2g_kwh += energy_kwh(draw_kw(-op.ev_point_kw[p]), duration_s);
      if (cars_draw_kw > 0) {
        const double share_kwh = group_share_kwh * (car_draw_kw / cars_draw_kw);
        a.co2_kg += share_kwh * shares.carbon_kg_per_kwh;
        a.cost_cny += share_kwh * shares.price_cny_per_kwh;
      }
    }
    first_point += c.count;
  }
}

std::vector<EvSessionAccount> EvSessionAccounts::accounts() const {
  std::vector<EvSessionAccount> all;
  for (const auto& [key, account] : sessions_) all.push_back(account);
  return all;
}

}  // namespace zeropark
