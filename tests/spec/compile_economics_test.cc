// The economics section: the capital recovery factor against its closed form, each asset class's
// investment, the cost KPIs over a run, and mistakes reported at the scenario's line.
#include <catch2/catch.hpp>

#include "support/compile_text.h"
#include "support/scenarios.h"
#include "zeropark/economics.h"
#include "zeropark/error.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using Catch::Matchers::Contains;

namespace {

// A week of the minimal park with 100 kW of PV and a 200 kWh / 100 kW battery.
const std::string kAssets =
    "pv:\n"
    "  - {name: roof, bus: main, dc_capacity_kw: 100, tilt_deg: 20, azimuth_deg: 180}\n"
    "batteries:\n"
    "  - {name: store, bus: main, capacity_kwh: 200, max_charge_kw: 100, max_discharge_kw: 80}\n";
const std::string kWeek = "  start: 2023-06-01T00:00\n  end: 2023-06-08T00:00\n";

using testing::compile_error;
using testing::compile_text;

}  // namespace

TEST_CASE("the capital recovery factor is the annuity that repays the capital", "[economics]") {
  // r(1+r)^n / ((1+r)^n − 1): 6 % over 25 years 0.0782267, 8 % over 10 years 0.1490295 (annuity
  // tables in any engineering-economics text), and 1/n without interest.
  CHECK(capital_recovery_factor(0.06, 25) == Approx(0.0782267).epsilon(1e-6));
  CHECK(capital_recovery_factor(0.08, 10) == Approx(0.1490295).epsilon(1e-6));
  CHECK(capital_recovery_factor(0.0, 20) == 0.05);
  // Paying the factor for n years at r repays exactly 1 at present value.
  double present_value = 0;
  for (int year = 1; year <= 12; ++year) present_value += capital_recovery_factor(0.07, 12) / std::pow(1.07, year);
  CHECK(present_value == Approx(1.0).epsilon(1e-12));
}

TEST_CASE("each priced asset class gives one investment line per asset", "[economics]") {
  const ParkModel model =
      compile_text(testing::minimal_scenario(
          kAssets + "economics:\n"
                    "  discount_rate: 0.05\n"
                    "  pv: {capex_cny_per_kw: 3500, lifetime_years: 25, fixed_om_fraction_per_year: 0.01}\n"
                    "  battery_energy: {capex_cny_per_kwh: 1000, lifetime_years: 10}\n"
                    "  battery_power: {capex_cny_per_kw: 300, lifetime_years: 10}\n"));
  const std::vector<InvestmentLine> lines = investment_lines(model);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].asset == "roof");
  CHECK(lines[0].capex_cny == 350000);
  CHECK(lines[0].annualised_capex_cny_per_year == Approx(350000 * capital_recovery_factor(0.05, 25)));
  CHECK(lines[0].fixed_om_cny_per_year == Approx(3500));
  CHECK(lines[1].kind == "battery energy");
  CHECK(lines[1].capex_cny == 200000);
  CHECK(lines[2].kind == "battery power");
  CHECK(lines[2].size == 100);  // the larger of charge and discharge power
  CHECK(lines[2].capex_cny == 30000);
  CHECK(lines[2].fixed_om_cny_per_year == 0);
}

TEST_CASE("total cost adds the run's share of annualised capital and O&M to the net energy cost", "[economics]") {
  const ParkModel model = compile_text(testing::minimal_scenario(
      kAssets + "economics:\n"
                "  discount_rate: 0.06\n"
                "  pv: {capex_cny_per_kw: 3500, lifetime_years: 25, fixed_om_fraction_per_year: 0.01}\n"
                "  battery_energy: {capex_cny_per_kwh: 1000, lifetime_years: 12, fixed_om_fraction_per_year: 0.02}\n",
      kWeek));
  RunOptions options;
  options.with_baseline = true;
  const RunResult result = run_park(model, nullptr, options);
  const double week_years = 7.0 / 365.0;
  const double annualised_cny =
      (350000 * capital_recovery_factor(0.06, 25) + 200000 * capital_recovery_factor(0.06, 12)) * week_years;
  const double om_cny = (3500 + 4000) * week_years;
  CHECK(kpi_value(result.kpis, "capex_cny") == 550000);
  CHECK(kpi_value(result.kpis, "annualised_capex_cny") == Approx(annualised_cny).epsilon(1e-12));
  CHECK(kpi_value(result.kpis, "fixed_om_cny") == Approx(om_cny).epsilon(1e-12));
  CHECK(kpi_value(result.kpis, "total_cost_cny") ==
        Approx(kpi_value(result.kpis, "net_cost_cny") + annualised_cny + om_cny).epsilon(1e-12));
  // The baseline has no PV and no battery, so nothing to pay off: what the run saved in energy
  // minus what its assets cost over the week.
  CHECK(kpi_value(result.baseline_kpis, "capex_cny") == 0);
  CHECK(kpi_value(result.kpis, "total_cost_saved_cny") ==
        Approx(kpi_value(result.kpis, "cost_saved_cny") - annualised_cny - om_cny).epsilon(1e-9));
}

TEST_CASE("a park without an economics section reports running costs only", "[economics]") {
  const RunResult result = run_park(compile_text(testing::minimal_scenario(kAssets, kWeek)), nullptr, {});
  CHECK_THROWS_AS(kpi_value(result.kpis, "total_cost_cny"), std::out_of_range);
}

TEST_CASE("economics mistakes are reported at the scenario's line with the field", "[economics]") {
  SECTION("negative capital cost") {
    const InputError e =
        compile_error(testing::minimal_scenario(kAssets + "economics:\n  pv: {capex_cny_per_kw: -1}\n"));
    CHECK(e.field() == "economics.pv.capex_cny_per_kw");
    CHECK(e.where().line == 18);  // 12 lines of the minimal park, 4 of assets, then economics: and pv:
  }
  SECTION("an asset class that does not exist") {
    const InputError e =
        compile_error(testing::minimal_scenario(kAssets + "economics:\n  solar: {capex_cny_per_kw: 1}\n"));
    CHECK(e.field() == "economics.solar");
    CHECK_THAT(e.message(), Contains("unknown"));
  }
  SECTION("the wrong unit for the class") {
    const InputError e =
        compile_error(testing::minimal_scenario(kAssets + "economics:\n  battery_energy: {capex_cny_per_kw: 1}\n"));
    CHECK_THAT(e.field(), Contains("battery_energy"));
  }
  SECTION("a lifetime of zero") {
    const InputError e = compile_error(
        testing::minimal_scenario(kAssets + "economics:\n  pv: {capex_cny_per_kw: 1, lifetime_years: 0}\n"));
    CHECK(e.field() == "economics.pv.lifetime_years");
  }
}
