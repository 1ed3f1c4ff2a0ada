// tou_arbitrage: batteries buy in the valley and cover the park at peak prices.
#include <catch2/catch.hpp>

#include <cmath>

#include "controllers/park_runs.h"
#include "controllers/tou_arbitrage.h"

using namespace zeropark;
using namespace zeropark::testing;

TEST_CASE("tou_arbitrage charges in the valley and discharges at peak down to its reserve", "[controllers][tou]") {
  const ParkModel model = park(shanghai_tariff() + battery_400kwh(), winter_week("tou_arbitrage"));
  TouArbitrageController controller;
  ObservationData data;
  data.battery_energy_kwh = {200};
  Command command;
  // 03:00, valley (0.30): charge flat out.
  controller.decide(model, data.view(3 * 3600, 100, 0.30), {}, command);
  REQUIRE(command.battery_setpoint_kw.size() == 1);
  CHECK(command.battery_setpoint_kw[0] == Approx(-100));
  // 19:30, critical peak (1.25): cover the 60 kW net demand.
  controller.decide(model, data.view(19 * 3600 + 1800, 60, 1.25), {}, command);
  CHECK(command.battery_setpoint_kw[0] == Approx(60));
  // 09:00, peak (1.05), 8 kWh above the 80 kWh reserve: at most 8·0.96 kW for the hour.
  data.battery_energy_kwh = {88};
  controller.decide(model, data.view(9 * 3600, 60, 1.05), {}, command);
  CHECK(command.battery_setpoint_kw[0] == Approx(8 * 0.96));
  // 12:00, flat (0.65): hold, but soak up a surplus.
  controller.decide(model, data.view(12 * 3600, 60, 0.65), {}, command);
  CHECK(command.battery_setpoint_kw[0] == 0);
  controller.decide(model, data.view(12 * 3600, -30, 0.65), {}, command);
  CHECK(command.battery_setpoint_kw[0] == Approx(-30));
}

TEST_CASE("tou_arbitrage lowers the energy cost of a week against self_consumption", "[controllers][tou][run]") {
  const std::string extra = shanghai_tariff() + battery_400kwh();
  const RunResult base = run(park(extra, winter_week("self_consumption")));
  const RunResult tou = run(park(extra, winter_week("tou_arbitrage")));
  const double base_cny = kpi_value(base.kpis, "energy_cost_cny");
  const double tou_cny = kpi_value(tou.kpis, "energy_cost_cny");
  WARN("energy_cost_cny: self_consumption " << base_cny << ", tou_arbitrage " << tou_cny);
  // 100 kW all week at Shanghai's winter prices costs about 100·168·0.62 ≈ 10,400 CNY; the battery
  // moves ~300 kWh a day from ~1.1 to 0.30 CNY/kWh, worth a few hundred CNY a day.
  CHECK(tou_cny < base_cny - 7 * 150);
}
