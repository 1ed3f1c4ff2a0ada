// Carbon accounts on a real run: when the accounts' members cover every electric consumer and the
// lines' losses, the accounts add up to the park's co2_kg and energy_cost_cny (the attribution
// rule shares each event's import among all draws, so nothing is lost or counted twice).
#include <catch2/catch.hpp>

#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

CarbonAccountSpec account(const std::string& name, const std::vector<std::string>& members) {
  CarbonAccountSpec a;
  a.name = name;
  a.members = members;
  a.members_at.assign(members.size(), SourceRef{});
  return a;
}

}  // namespace

TEST_CASE("carbon accounts covering every consumer add up to the park's CO2 and energy cost", "[scenarios][carbon]") {
  ParkSpec spec =
      read_scenario_file(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/shenzhen_futian_power_building.yaml");
  RunOverrides overrides;
  overrides.start_iso = "2023-07-03T00:00";  // a summer fortnight: chillers, V2G and critical peaks
  overrides.end_iso = "2023-07-17T00:00";
  apply_overrides(spec, overrides);
  spec.carbon_ledger = CarbonLedgerSpec{};
  spec.carbon_ledger.present = true;
  spec.carbon_ledger.accounts = {
      account("tower", {"offices", "dispatch_it_room", "hp_air_source", "chiller_1", "chiller_2"}),
      account("yard", {"v2g_staff", "super_chargers"}),
      account("operator", {"battery_building", "line_losses"}),
  };
  const ParkModel model = compile_park(spec);
  RunOptions options;
  options.with_baseline = false;
  const RunResult result = run_park(model, nullptr, options);
  const KpiTable& t = result.kpis;
  double co2_kg = 0, cost_cny = 0;
  for (const char* name : {"tower", "yard", "operator"}) {
    INFO(name);
    CHECK(kpi_value(t, std::string("account_co2_kg.") + name) > 0);
    co2_kg += kpi_value(t, std::string("account_co2_kg.") + name);
    cost_cny += kpi_value(t, std::string("account_cost_cny.") + name);
  }
  CHECK(kpi_value(t, "co2_kg") > 1000);
  CHECK(co2_kg == Approx(kpi_value(t, "co2_kg")).epsilon(1e-9));
  CHECK(cost_cny == Approx(kpi_value(t, "energy_cost_cny")).epsilon(1e-9));
  // Leaving the losses and the battery out leaves exactly their share unattributed.
  CHECK(kpi_value(t, "account_co2_kg.tower") + kpi_value(t, "account_co2_kg.yard") < kpi_value(t, "co2_kg"));
}
