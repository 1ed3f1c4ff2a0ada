// Departure guarantees over a year of sessions: whatever a controller asks, V2G included, every car
// leaves with what it asked for — unless it asked for more than its stay allows at full power, and
// then it leaves with exactly that most.
#include <catch2/catch.hpp>

#include <string>

#include "components/ev_charger.h"
#include "controllers/park_runs.h"

using namespace zeropark;
using namespace zeropark::testing;

namespace {

// A year of generated workplace sessions at bidirectional 11 kW points, more points than cars
// ever park at once (so nobody is turned away), on a park without import limits.
ParkModel year_of_sessions(const std::string& controller) {
  return park(shanghai_tariff() + battery_400kwh() +
                  "ev_chargers:\n"
                  "  - name: staff\n"
                  "    bus: main\n"
                  "    count: 60\n"
                  "    max_power_kw: 11\n"
                  "    bidirectional: yes\n"
                  "    sessions_per_charger_weekday: 0.5\n"
                  "    sessions_per_charger_weekend_day: 0.2\n"
                  "    ev_battery_kwh: 60\n"
                  "    ev_max_charge_kw: 11\n",
              "  controller: " + controller + "\n");
}

}  // namespace

TEST_CASE("no controller makes a car leave short of what its stay allows, over a year with V2G",
          "[controllers][departures][year]") {
  for (const std::string controller :
       {"self_consumption", "v2g", "orderly_charging", "tou_arbitrage", "peak_shaving"}) {
    INFO(controller);
    const ParkModel model = year_of_sessions(controller);
    const EvChargerModel& group = model.ev_chargers[0];
    // The sessions that ask for more than full power can give over their stay.
    double impossible = 0, impossible_short_kwh = 0;
    for (const EvSession& s : *group.sessions) {
      const double most_kwh =
          ev_max_charge_kw(group, s) * group.efficiency * static_cast<double>(s.departure_s - s.arrival_s) / 3600.0;
      if (s.energy_requested_kwh - most_kwh > 1e-3) {
        impossible += 1;
        impossible_short_kwh += s.energy_requested_kwh - most_kwh;
      }
    }
    const RunResult result = run(model);
    REQUIRE(kpi_value(result.kpis, "ev_sessions_turned_away") == 0);
    REQUIRE(kpi_value(result.kpis, "ev_sessions_served") > 3000);
    if (controller != "orderly_charging") CHECK(kpi_value(result.kpis, "ev_v2g_returned_kwh") >= 0);
    CHECK(kpi_value(result.kpis, "ev_departures_short") == impossible);
    // What the impossible ones lack, to a few Wh over the year: the rest lack less than 1 Wh each
    // (the last fraction of a second at a landing), never a whole second of charging.
    CHECK(kpi_value(result.kpis, "ev_undelivered_kwh") == Approx(impossible_short_kwh).margin(5e-3));
  }
}
