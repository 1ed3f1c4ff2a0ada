// mpc's view of a charger group: the plant's occupancy replayed, and the group as a moving store.
#include <catch2/catch.hpp>

#include "components/ev_sessions.h"
#include "controllers/mpc_ev.h"
#include "controllers/park_runs.h"
#include "support/temp_dir.h"

using namespace zeropark;
using namespace zeropark::testing;

namespace {

std::string group(const std::string& sessions_csv, int count) {
  return "ev_chargers:\n"
         "  - name: yard\n"
         "    bus: main\n"
         "    count: " +
         std::to_string(count) +
         "\n"
         "    max_power_kw: 7\n"
         "    efficiency: 0.95\n"
         "    bidirectional: yes\n"
         "    ev_battery_kwh: 50\n"
         "    sessions: " +
         sessions_csv + "\n";
}

}  // namespace

TEST_CASE("mpc_ev replays which cars find a free charge point as the plant does", "[mpc][ev]") {
  // Forty cars a day for a week at ten points, arriving ten minutes apart from 07:00 and staying 2 h:
  // at most twelve are there at once, so some are turned away every day.
  TempDir dir;
  dir.write("sessions.csv", daily_sessions(40, 7, 2, 5));
  const ParkModel model = park(group((dir.path() / "sessions.csv").string(), 10), winter_week("self_consumption"));
  const std::vector<char> plugged = sessions_plugged_in(model.ev_chargers[0]);
  const RunResult result = run(model);
  double served = 0, turned_away = 0;
  for (std::size_t s = 0; s < plugged.size(); ++s) {
    if ((*model.ev_chargers[0].sessions)[s].arrival_s >= model.end_tick) continue;
    (plugged[s] ? served : turned_away) += 1;
  }
  CHECK(turned_away > 0);
  CHECK(served == kpi_value(result.kpis, "ev_sessions_served"));
  CHECK(turned_away == kpi_value(result.kpis, "ev_sessions_turned_away"));
}

TEST_CASE("mpc_ev sums the cars' limits, needs and V2G room over the horizon", "[mpc][ev]") {
  // Car A: 08:00-12:00, 10 kWh; car B: 09:30-20:00, 20 kWh. The decision is at 08:00 with A plugged in.
  TempDir dir;
  dir.write(
      "sessions.csv",
      "arrival,departure,energy_kwh\n2023-01-02 08:00,2023-01-02 12:00,10\n2023-01-02 09:30,2023-01-02 20:00,20\n");
  const ParkModel model = park(group((dir.path() / "sessions.csv").string(), 2), winter_week("mpc"));
  const EvGroupSessions sessions(model.ev_chargers[0]);
  EvGroupNow now;
  now.plugged = 1;
  now.energy_needed_kwh = 10;
  now.charge_limit_kw = 7;
  now.v2g_limit_kw = 7;
  const std::vector<Tick> bounds{8 * 3600, 9 * 3600, 10 * 3600, 11 * 3600, 12 * 3600};
  const DispatchEvGroup g = sessions.horizon(now, bounds);
  REQUIRE(g.charge_max_kw.size() == 4);
  CHECK(g.bidirectional);
  // Power: A alone, then B for half of 09:00-10:00, then both.
  CHECK(g.charge_max_kw[0] == Approx(7));
  CHECK(g.charge_max_kw[1] == Approx(10.5));
  CHECK(g.charge_max_kw[2] == Approx(14));
  CHECK(g.discharge_max_kw[1] == Approx(10.5));
  // What the cars present so far lack: A's 10, then A's and B's 30.
  CHECK(g.ceiling_kwh[0] == Approx(10));
  CHECK(g.ceiling_kwh[1] == Approx(30));
  // The floor: what the plant's laxity rule alone would have put in by then (A, at 6.65 kW into
  // the car, must start by 10:29:46 and has 3.35 kWh by 11:00), less 20 % of a 50 kWh battery of
  // V2G room per car still plugged in.
  CHECK(g.floor_kwh[0] == Approx(-10));
  CHECK(g.floor_kwh[1] == Approx(-20));
  CHECK(g.floor_kwh[2] == Approx(10 - 6.65 - 20));
  // Last step: A leaves at 12:00 with its 10 kWh; B, staying to 20:00, must have the share of its
  // 20 kWh that 09:30-12:00 is of its 10.5 h stay.
  const double b_share = 20 * 2.5 / 10.5;
  CHECK(g.floor_kwh[3] == Approx(10 + b_share));

  // A car that has given 5 kWh by V2G needs 15 and has only 5 kWh of room left.
  now.energy_needed_kwh = 15;
  const DispatchEvGroup lent = sessions.horizon(now, bounds);
  CHECK(lent.ceiling_kwh[0] == Approx(15));
  CHECK(lent.floor_kwh[0] == Approx(-5));

  // At 11:00 the cars lack 10 kWh and 7 kW are forced: car A, which leaves first, charges flat out
  // (6.65 kWh into the car by 12:00, all its time allows); B lacks the other 3.35 kWh and must
  // have 1/9 of it by the horizon's end (one hour of the nine it still stays).
  now.energy_needed_kwh = 10;
  now.forced_kw = 7;
  const DispatchEvGroup late = sessions.horizon(now, {11 * 3600, 12 * 3600});
  CHECK(late.floor_kwh[0] == Approx(6.65 + 3.35 / 9));
  CHECK(late.ceiling_kwh[0] == Approx(10));
  // Without forced cars the 10 kWh are shared as the requests (10 and 20 kWh): B lacks 6.67.
  now.forced_kw = 0;
  const DispatchEvGroup shared = sessions.horizon(now, {11 * 3600, 12 * 3600});
  CHECK(shared.floor_kwh[0] == Approx(10.0 / 3 + 20.0 / 3 / 9));
}
