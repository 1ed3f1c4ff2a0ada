// Sessions step the same plant and controller as run_park: stepped to the end they end in the same
// state, and a fork continues exactly as the original would.
#include <catch2/catch.hpp>

#include <memory>

#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/session.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

std::shared_ptr<const ParkModel> scenario(const std::string& name) {
  return std::make_shared<const ParkModel>(
      compile_park(read_scenario_file(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/" + name + ".yaml")));
}

RunOptions no_baseline() {
  RunOptions options;
  options.with_baseline = false;
  return options;
}

}  // namespace

TEST_CASE("a session stepped to the end ends where run_park ends, bit for bit", "[session][year]") {
  for (const char* name : {"baoshan_carbon_zero_park", "shenzhen_futian_power_building"}) {
    const auto model = scenario(name);
    Session session(model);
    while (session.step_event()) {
    }
    const RunResult reference = run_park(*model, nullptr, no_baseline());
    INFO(name);
    CHECK(session.done());
    CHECK(hash_state(session.state()) == hash_state(reference.final_state));
    CHECK(kpi_value(session.kpis_so_far(), "co2_kg") == kpi_value(reference.kpis, "co2_kg"));
    CHECK(kpi_value(session.kpis_so_far(), "net_cost_cny") == kpi_value(reference.kpis, "net_cost_cny"));
  }
}

TEST_CASE("a fork continues exactly like the original, and stepping is resumable at any tick", "[session][fork]") {
  const auto model = scenario("qingdao_olympic_sailing_center");
  Session original(model);
  original.run_until(183 * 86400 + 1234);  // mid-step, mid-decision interval
  const std::unique_ptr<Session> fork = original.fork();
  original.run_until(model->end_tick);
  fork->run_until(model->end_tick);
  CHECK(hash_state(fork->state()) == hash_state(original.state()));
  CHECK(kpi_value(fork->kpis_so_far(), "heat_served_kwh") == kpi_value(original.kpis_so_far(), "heat_served_kwh"));
}

TEST_CASE("a fork at the start with an edit equals running the edited park", "[session][fork]") {
  const auto model = scenario("baoshan_carbon_zero_park");
  ParkModel bigger = *model;
  for (BatteryModel& b : bigger.batteries) {
    b.capacity_kwh *= 2;
    b.energy_min_kwh *= 2;
    b.energy_max_kwh *= 2;
    b.energy_initial_kwh *= 2;
  }
  Session original(model);
  // At tick 0 nothing has happened yet; the fork starts the edited park from its own initial
  // state, as the command line would.
  Session edited_from_scratch(std::make_shared<const ParkModel>(bigger));
  while (edited_from_scratch.step_event()) {
  }
  const RunResult reference = run_park(bigger, nullptr, no_baseline());
  CHECK(hash_state(edited_from_scratch.state()) == hash_state(reference.final_state));
  // A fork mid-year with the edit diverges from the original and keeps the components' state.
  original.run_until(90 * 86400);
  const std::unique_ptr<Session> fork = original.fork(std::make_shared<const ParkModel>(bigger));
  fork->run_until(model->end_tick);
  original.run_until(model->end_tick);
  CHECK(kpi_value(fork->kpis_so_far(), "battery_discharged_kwh") >
        kpi_value(original.kpis_so_far(), "battery_discharged_kwh"));
}

TEST_CASE("a fork onto a park with other components is refused", "[session][fork]") {
  const auto model = scenario("baoshan_carbon_zero_park");
  ParkModel fewer = *model;
  fewer.batteries.pop_back();
  Session session(model);
  CHECK_THROWS_AS(session.fork(std::make_shared<const ParkModel>(fewer)), std::invalid_argument);
}
