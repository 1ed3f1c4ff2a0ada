// Cost, CO2 and demand accounting against hand-computed values, through the real kernel.
#include <catch2/catch.hpp>

#include "support/scenarios.h"
#include "support/temp_dir.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

RunResult run_text(const std::string& text, const std::filesystem::path& file) {
  RunOptions options;
  options.with_baseline = false;
  return run_park(compile_park(read_scenario_text(text, file)), nullptr, options);
}

}  // namespace

TEST_CASE("CO2 follows an hourly emission-factor series hour by hour", "[accounting]") {
  testing::TempDir dir;
  // 0.2 kg/kWh by night (hours 0-11 of each day), 0.8 by day: a 100 kW load imports 1,200 kWh
  // at each rate a day, 1,200 × (0.2 + 0.8) = 1,200 kg a day.
  dir.write("ci.csv", testing::hourly_csv("kg/kWh", [](int h) { return h % 24 < 12 ? 0.2 : 0.8; }));
  const std::string text = testing::minimal_scenario("  carbon_intensity_csv: ci.csv\n", "  end: 2023-01-11T00:00\n");
  const RunResult r = run_text(text, dir.path() / "park.yaml");
  CHECK(kpi_value(r.kpis, "grid_import_kwh") == Approx(24000).epsilon(1e-12));
  CHECK(kpi_value(r.kpis, "co2_kg") == Approx(12000).epsilon(1e-12));
}

TEST_CASE("energy cost follows time-of-use periods, demand charges the monthly maximum", "[accounting]") {
  // 100 kW all day: 8 h valley at 0.3, 16 h peak at 1.0 → 100 × (8×0.3 + 16×1.0) = 1,840 CNY a
  // day. Maximum demand is 100 kW in each of the 2 months touched → 2 × 100 × 40 = 8,000 CNY.
  const std::string text = testing::minimal_scenario(
      "  tariff:\n"
      "    prices_cny_per_kwh: {peak: 1.0, valley: 0.3}\n"
      "    demand_charge_cny_per_kw_month: 40\n"
      "    capacity_charge_cny_per_kva_month: 20\n"
      "    contracted_capacity_kva: 500\n"
      "    seasons:\n"
      "      - name: all\n"
      "        months: [1,2,3,4,5,6,7,8,9,10,11,12]\n"
      "        periods:\n"
      "          - {start: \"00:00\", period: valley}\n"
      "          - {start: \"08:00\", period: peak}\n",
      "  start: 2023-01-31T00:00\n  end: 2023-02-02T00:00\n");
  const RunResult r = run_text(text, "tou.yaml");
  CHECK(kpi_value(r.kpis, "energy_cost_cny") == Approx(2 * 1840).epsilon(1e-12));
  CHECK(kpi_value(r.kpis, "max_demand_kw") == Approx(100).epsilon(1e-12));
  CHECK(kpi_value(r.kpis, "demand_charge_cny") == Approx(8000).epsilon(1e-12));
  CHECK(kpi_value(r.kpis, "capacity_charge_cny") == Approx(2 * 500 * 20).epsilon(1e-12));
  CHECK(kpi_value(r.kpis, "net_cost_cny") == Approx(3680 + 8000 + 20000).epsilon(1e-12));
}
