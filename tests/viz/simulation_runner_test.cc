// The live runner: jumps back in time (checkpoints, re-simulation, their memory) and several forks at once.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "palette.h"
#include "simulation_runner.h"
#include "zeropark/spec.h"

using namespace zeropark;
using namespace zeropark::view;

namespace {

std::shared_ptr<const ParkModel> baoshan() {
  static std::shared_ptr<const ParkModel> model = std::make_shared<const ParkModel>(
      compile_park(read_scenario_file(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/baoshan_carbon_zero_park.yaml")));
  return model;
}

// Polls until `done` holds or 60 s pass (a bound for a hung runner on a busy machine, not a speed
// requirement).
template <typename Predicate>
std::shared_ptr<const ViewSnapshot> wait_for(const SimulationRunner& runner, Predicate done) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  auto snap = runner.snapshot();
  while (!done(*snap) && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    snap = runner.snapshot();
  }
  return snap;
}

// Jumps and waits until the jump is over: the snapshot has reached the target and the runner,
// paused, has nothing more to do (a later snapshot is the same tick).
std::shared_ptr<const ViewSnapshot> jump(SimulationRunner& runner, Tick target) {
  runner.jump_to(target);
  auto snap = wait_for(runner, [&](const ViewSnapshot& s) { return s.tick >= target && s.tick < target + 86400; });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return runner.snapshot();
}

void check_series_equal(const std::vector<NamedSeries>& a, const std::vector<NamedSeries>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    INFO("series " << a[k].name);
    CHECK(a[k].name == b[k].name);
    CHECK(a[k].data.samples() == b[k].data.samples());
    CHECK(a[k].data.stride() == b[k].data.stride());
    CHECK(a[k].data.window_times() == b[k].data.window_times());
    CHECK(a[k].data.window_values() == b[k].data.window_values());
    CHECK(a[k].data.history_times() == b[k].data.history_times());
    CHECK(a[k].data.history_values() == b[k].data.history_values());
  }
}

// Exact equality of everything a session puts in a snapshot (not the runner's pacing fields).
void check_snapshots_equal(const ViewSnapshot& a, const ViewSnapshot& b) {
  CHECK(a.tick == b.tick);
  CHECK(a.events == b.events);
  CHECK(a.date == b.date);
  REQUIRE(a.components.size() == b.components.size());
  for (std::size_t v = 0; v < a.components.size(); ++v) {
    INFO("component " << a.components[v].name);
    CHECK(a.components[v].reading.power == b.components[v].reading.power);
    CHECK(a.components[v].reading.soc == b.components[v].reading.soc);
  }
  REQUIRE(a.lines.size() == b.lines.size());
  for (std::size_t l = 0; l < a.lines.size(); ++l) CHECK(a.lines[l].flow_kw == b.lines[l].flow_kw);
  CHECK(a.grid_kw == b.grid_kw);
  REQUIRE(a.kpis.size() == b.kpis.size());
  for (std::size_t k = 0; k < a.kpis.size(); ++k) {
    INFO("KPI " << a.kpis[k].key);
    CHECK(a.kpis[k].key == b.kpis[k].key);
    CHECK(a.kpis[k].value == b.kpis[k].value);
  }
  CHECK(a.platform.pv_this_month_kwh == b.platform.pv_this_month_kwh);
  CHECK(a.platform.charging_hours_today == b.platform.charging_hours_today);
  CHECK(a.platform.points_plugged_now == b.platform.points_plugged_now);
  check_series_equal(a.series, b.series);
}

RunnerOptions paused_options() {
  RunnerOptions options;
  options.start_paused = true;
  options.window = 300;   // a window shorter than the days run, so it scrolls
  options.history = 256;  // and a history that merges a few times
  return options;
}

}  // namespace

TEST_CASE("a jump back restores a checkpoint and re-simulates to exactly the direct run", "[viz][rewind]") {
  const auto model = baoshan();
  const Tick day5 = 5 * 86400 + 7 * 3600;  // between two daily checkpoints
  const Tick day20 = 20 * 86400;

  SimulationRunner runner(model, paused_options());
  runner.start();
  const auto first_day20 = jump(runner, day20);
  REQUIRE(first_day20->tick >= day20);
  CHECK(first_day20->checkpoints >= 20);

  const auto back = jump(runner, day5);
  REQUIRE(back->tick < first_day20->tick);

  SimulationRunner direct(model, paused_options());
  direct.start();
  const auto direct_day5 = jump(direct, day5);
  check_snapshots_equal(*back, *direct_day5);

  // On again: the second pass equals the first.
  const auto second_day20 = jump(runner, day20);
  check_snapshots_equal(*second_day20, *first_day20);

  // A step after a jump back continues the same run too.
  runner.jump_to(day5);
  wait_for(runner, [&](const ViewSnapshot& s) { return s.tick < day20 && s.tick >= day5; });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  runner.step_event();
  direct.step_event();
  const auto stepped = wait_for(runner, [&](const ViewSnapshot& s) { return s.events == direct_day5->events + 1; });
  const auto direct_stepped =
      wait_for(direct, [&](const ViewSnapshot& s) { return s.events == direct_day5->events + 1; });
  check_snapshots_equal(*stepped, *direct_stepped);
}

TEST_CASE("a jump back drops the fork and says so", "[viz][rewind]") {
  const auto model = baoshan();
  SimulationRunner runner(model, paused_options());
  runner.start();
  jump(runner, 10 * 86400);
  WhatIfEdit edit;
  edit.battery_capacity_scale = 2;
  runner.apply_edit(edit);
  REQUIRE(wait_for(runner, [](const ViewSnapshot& s) { return s.has_fork(); })->has_fork());
  jump(runner, 12 * 86400);
  CHECK(runner.snapshot()->has_fork());  // forward keeps it
  const auto back = jump(runner, 3 * 86400);
  CHECK_FALSE(back->has_fork());
  CHECK(back->forks.empty());
  CHECK(back->fork_notice.find("battery capacity x2") != std::string::npos);
  CHECK(back->fork_notice.find("jumped back") != std::string::npos);
}

TEST_CASE("checkpoints stay under their memory cap by thinning, and rewinds stay exact", "[viz][rewind]") {
  const auto model = baoshan();
  RunnerOptions options = paused_options();
  SimulationRunner probe(model, options);
  const std::size_t one = probe.snapshot()->checkpoint_bytes;  // the checkpoint at tick 0
  REQUIRE(one > 0);

  options.checkpoint_cap_bytes = 8 * one;
  SimulationRunner runner(model, options);
  runner.start();
  std::size_t most = 0;
  for (Tick day = 5; day <= 60; day += 5) {
    const auto snap = jump(runner, day * 86400);
    most = std::max(most, snap->checkpoint_bytes);
    CHECK(snap->checkpoint_bytes <= options.checkpoint_cap_bytes);
    CHECK(snap->checkpoints <= 8);
  }
  const auto day60 = runner.snapshot();
  CHECK(day60->checkpoint_spacing_s >= 8 * 86400);  // 60 days in at most 8 checkpoints
  CHECK(most > 4 * one);                            // the cap is used, not dodged

  // Back to day 9 from sparse checkpoints: still the direct run's snapshot.
  const auto back = jump(runner, 9 * 86400);
  SimulationRunner direct(model, paused_options());
  direct.start();
  check_snapshots_equal(*back, *jump(direct, 9 * 86400));
}

namespace {

// A paused runner jumped to day 10, forked with `edits` there, then jumped to day 20.
std::shared_ptr<const ViewSnapshot> forked_run(SimulationRunner& runner, const std::vector<WhatIfEdit>& edits) {
  runner.start();
  jump(runner, 10 * 86400);
  for (const WhatIfEdit& edit : edits) runner.apply_edit(edit);
  wait_for(runner, [&](const ViewSnapshot& s) { return s.forks.size() == edits.size(); });
  return jump(runner, 20 * 86400);
}

void check_forks_equal(const ForkNow& a, const ForkNow& b) {
  CHECK(a.label == b.label);
  CHECK(a.from_tick == b.from_tick);
  REQUIRE(a.delta.size() == b.delta.size());
  for (std::size_t k = 0; k < a.delta.size(); ++k) {
    INFO("KPI " << a.delta[k].key);
    CHECK(a.delta[k].key == b.delta[k].key);
    CHECK(a.delta[k].original == b.delta[k].original);
    CHECK(a.delta[k].fork == b.delta[k].fork);
  }
  check_series_equal(a.series, b.series);
}

}  // namespace

TEST_CASE("two forks run side by side and each equals the same edit run alone", "[viz][fork]") {
  const auto model = baoshan();
  WhatIfEdit bigger_battery;
  bigger_battery.battery_capacity_scale = 3;
  WhatIfEdit more_pv;
  more_pv.pv_scale = 1.5;

  SimulationRunner both(model, paused_options());
  const auto together = forked_run(both, {bigger_battery, more_pv});
  SimulationRunner battery_alone(model, paused_options());
  const auto battery = forked_run(battery_alone, {bigger_battery});
  SimulationRunner pv_alone(model, paused_options());
  const auto pv = forked_run(pv_alone, {more_pv});

  REQUIRE(together->forks.size() == 2);
  REQUIRE(battery->forks.size() == 1);
  REQUIRE(pv->forks.size() == 1);
  CHECK(together->forks[0].slot == 0);
  CHECK(together->forks[1].slot == 1);
  CHECK(together->forks[0].from_tick >= 10 * 86400);
  CHECK(together->forks[0].series.front().data.samples() > 0);
  check_forks_equal(together->forks[0], battery->forks[0]);
  check_forks_equal(together->forks[1], pv->forks[0]);
  // The original runs as it would without forks, and the two edits do differ.
  check_snapshots_equal(*together, *battery);
  CHECK(together->forks[0].series[0].data.window_values() != together->forks[1].series[0].data.window_values());
}

TEST_CASE("at most three forks run, each keeps its colour, and one can be dropped", "[viz][fork]") {
  const auto model = baoshan();
  SimulationRunner runner(model, paused_options());
  std::vector<WhatIfEdit> edits(4);
  edits[0].battery_capacity_scale = 2;
  edits[1].battery_power_scale = 2;
  edits[2].pv_scale = 2;
  edits[3].pv_scale = 3;
  runner.start();
  for (const WhatIfEdit& edit : edits) runner.apply_edit(edit);
  const auto full = wait_for(runner, [](const ViewSnapshot& s) { return !s.fork_error.empty(); });
  REQUIRE(full->forks.size() == kMaxForks);
  CHECK(full->fork_error.find("drop one") != std::string::npos);
  CHECK(full->fork_error.find(edits[3].label()) != std::string::npos);

  runner.drop_fork(0);
  const auto dropped = wait_for(runner, [](const ViewSnapshot& s) { return s.forks.size() == 2; });
  REQUIRE(dropped->forks.size() == 2);
  CHECK(dropped->forks[0].slot == 1);
  CHECK(dropped->forks[0].label == edits[1].label());
  CHECK(dropped->forks[1].slot == 2);
  // The next fork takes the freed colour.
  runner.apply_edit(edits[3]);
  const auto refilled = wait_for(runner, [](const ViewSnapshot& s) { return s.forks.size() == 3; });
  REQUIRE(refilled->forks.size() == 3);
  CHECK(refilled->forks[2].slot == 0);
  CHECK(refilled->fork_error.empty());
  runner.drop_fork();
  CHECK(wait_for(runner, [](const ViewSnapshot& s) { return s.forks.empty(); })->forks.empty());

  // Three colours apart from one another.
  for (int a = 0; a < 3; ++a)
    for (int b = a + 1; b < 3; ++b) CHECK(pack_abgr(fork_colour(a)) != pack_abgr(fork_colour(b)));
}
