// The live view's model: layout, colours, time series, snapshots and the simulation thread, all
// without a display.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <set>
#include <thread>
#include <tuple>

#include "civil_clock.h"
#include "layout.h"
#include "palette.h"
#include "simulation_runner.h"
#include "time_series.h"
#include "view_options.h"
#include "what_if.h"
#include "zeropark/controller.h"
#include "zeropark/spec.h"

using namespace zeropark;
using namespace zeropark::view;

namespace {

std::shared_ptr<const ParkModel> scenario(const std::string& name) {
  static std::map<std::string, std::shared_ptr<const ParkModel>> cache;  // compiling reads weather
  auto& model = cache[name];
  if (!model)
    model = std::make_shared<const ParkModel>(
        compile_park(read_scenario_file(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/" + name + ".yaml")));
  return model;
}

// Polls the runner's snapshot until `done` holds or 30 seconds pass: a bound for a hung runner, not
// a speed requirement (it holds within milliseconds on an idle machine, but CI runs tests two at a
// time beside builds, and two seconds once proved too few).
template <typename Predicate>
std::shared_ptr<const ViewSnapshot> wait_for(const SimulationRunner& runner, Predicate done) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  auto snap = runner.snapshot();
  while (!done(*snap) && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    snap = runner.snapshot();
  }
  return snap;
}

}  // namespace

TEST_CASE("the park layout is deterministic and keeps every node apart inside the unit square", "[viz][layout]") {
  for (const char* name : {"baoshan_carbon_zero_park", "qingdao_olympic_sailing_center", "jiading_new_town_campus"}) {
    INFO(name);
    const auto model = scenario(name);
    const ParkLayout a = layout_park(*model);
    const ParkLayout b = layout_park(*model);
    REQUIRE(a.nodes.size() == boost::num_vertices(model->topology));
    CHECK(a.edges.size() == boost::num_edges(model->topology));
    for (std::size_t v = 0; v < a.nodes.size(); ++v) {
      CHECK(a.nodes[v].x == b.nodes[v].x);
      CHECK(a.nodes[v].y == b.nodes[v].y);
      CHECK(a.nodes[v].x >= 0.0f);
      CHECK(a.nodes[v].x <= 1.0f);
      CHECK(a.nodes[v].y >= 0.0f);
      CHECK(a.nodes[v].y <= 1.0f);
    }
    CHECK(min_separation(a) >= 0.02f);
    // The grid's bus heads the first row; every other bus lies in a lower one.
    CHECK(a.nodes[static_cast<std::size_t>(model->grid.bus)].layer == 0);
    for (std::size_t l = 0; l < model->lines.size(); ++l)
      CHECK(a.nodes[static_cast<std::size_t>(model->lines[l].child_bus)].layer >
            a.nodes[static_cast<std::size_t>(model->lines[l].parent_bus)].layer);
  }
}

TEST_CASE("each kind of source and sink has its own colour", "[viz][palette]") {
  const std::vector<Rgba> colours = {kind_colour(VertexKind::kPv),         kind_colour(VertexKind::kWind),
                                     kind_colour(VertexKind::kGrid),       kind_colour(VertexKind::kBattery),
                                     kind_colour(VertexKind::kEvCharger),  kind_colour(VertexKind::kEvCharger, true),
                                     kind_colour(VertexKind::kHeatPump),   kind_colour(VertexKind::kLoad),
                                     kind_colour(VertexKind::kDataCentre), kind_colour(VertexKind::kElectrolyser)};
  std::set<unsigned int> packed;
  for (const Rgba& c : colours) packed.insert(pack_abgr(c));
  CHECK(packed.size() == colours.size());
  CHECK(pack_abgr({1, 0, 0, 1}) == 0xFF0000FFu);
  CHECK(kind_label(VertexKind::kEvCharger, true) != kind_label(VertexKind::kEvCharger, false));
}

TEST_CASE("a time series keeps its window and downsamples the whole run", "[viz][series]") {
  TimeSeries series(100, 64);
  double sum = 0;
  for (int i = 0; i < 10000; ++i) {
    series.push(i * 60.0, i);
    sum += i;
  }
  CHECK(series.window_size() == 100);
  const std::vector<float> window = series.window_values();
  REQUIRE(window.size() == 100);
  CHECK(window.front() == 9900.0f);
  CHECK(window.back() == 9999.0f);
  CHECK(series.window_times().front() == 9900 * 60.0);
  CHECK(series.latest() == 9999.0);
  const std::vector<float> history = series.history_values();
  CHECK(history.size() <= 64);
  CHECK(history.size() >= 32);
  CHECK(series.stride() >= 10000 / 64);
  CHECK(series.history_times().front() == 0.0);
  // Means of groups: the history's samples-weighted mean is the run's mean.
  double weighted = 0;
  for (std::size_t i = 0; i < history.size(); ++i) {
    const double n = i + 1 < history.size() ? static_cast<double>(series.stride())
                                            : 10000.0 - static_cast<double>(series.stride()) * (history.size() - 1);
    weighted += history[i] * n;
  }
  CHECK(weighted / 10000.0 == Approx(sum / 10000.0).epsilon(1e-6));
}

TEST_CASE("the civil clock maps ticks to dates and back", "[viz][clock]") {
  const CivilTime start{2023, 1, 1, 0, 0, 0};
  CHECK(format_civil(civil_at(start, 0)) == "2023-01-01 00:00");
  CHECK(format_civil(civil_at(start, 59 * 86400 + 13 * 3600 + 30 * 60)) == "2023-03-01 13:30");
  CHECK(tick_of_iso(start, "2023-03-01T13:30") == 59 * 86400 + 13 * 3600 + 30 * 60);
  CHECK(tick_of_iso(start, "2023-06-01") == 151 * 86400);
  CHECK_FALSE(tick_of_iso(start, "June"));
  CHECK_FALSE(tick_of_iso(start, "2023-13-01"));
}

TEST_CASE("the runner steps on its own thread and publishes snapshots", "[viz][runner]") {
  const auto model = scenario("baoshan_carbon_zero_park");
  RunnerOptions options;
  options.speed = 0;  // as fast as possible
  SimulationRunner runner(model, options);
  CHECK(runner.snapshot()->tick == 0);
  runner.start();
  const auto snap = wait_for(runner, [](const ViewSnapshot& s) { return s.events >= 3000; });
  CHECK(snap->events >= 3000);
  CHECK(snap->tick > 0);
  CHECK(snap->components.size() == boost::num_vertices(model->topology));
  CHECK(snap->lines.size() == model->lines.size());
  CHECK(snap->date.substr(0, 4) == "2023");
  CHECK(kpi_value(snap->kpis, "pv_generation_kwh") > 0);
  REQUIRE_FALSE(snap->series.empty());
  CHECK(snap->series.front().data.samples() > 0);
  CHECK(snap->platform.pv_this_month_kwh > 0);

  // Paused, it stands still; a step moves it by exactly one event.
  runner.set_paused(true);
  const auto paused = wait_for(runner, [](const ViewSnapshot& s) { return s.paused; });
  REQUIRE(paused->paused);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const auto still = runner.snapshot();
  CHECK(still->events == paused->events);
  runner.step_event();
  const auto stepped = wait_for(runner, [&](const ViewSnapshot& s) { return s.events > still->events; });
  CHECK(stepped->events == still->events + 1);
  runner.stop();
}

TEST_CASE("a paced runner follows its speed and a jump runs to the date", "[viz][runner]") {
  const auto model = scenario("baoshan_carbon_zero_park");
  RunnerOptions options;
  options.speed = 3600;  // an hour a second: barely moves in the test
  options.start_paused = true;
  SimulationRunner runner(model, options);
  runner.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  CHECK(runner.snapshot()->events == 0);
  const Tick june = *tick_of_iso(model->start, "2023-06-01");
  runner.jump_to(june);
  const auto snap = wait_for(runner, [&](const ViewSnapshot& s) { return s.tick >= june; });
  CHECK(snap->tick >= june);
  CHECK(snap->tick < june + 2 * 3600);
  CHECK(snap->date.substr(0, 10) == "2023-06-01");
}

TEST_CASE("a what-if edit forks the run and a bigger battery discharges more", "[viz][runner][fork]") {
  const auto model = scenario("baoshan_carbon_zero_park");
  WhatIfEdit edit;
  edit.battery_capacity_scale = 2;
  const ParkModel edited = apply_edit(*model, edit);
  CHECK(edited.batteries[0].capacity_kwh == 2 * model->batteries[0].capacity_kwh);
  CHECK(edited.batteries[0].energy_max_kwh == 2 * model->batteries[0].energy_max_kwh);
  CHECK(edited.pv_arrays[0].dc_capacity_kw == model->pv_arrays[0].dc_capacity_kw);
  CHECK_THROWS(apply_edit(*model, WhatIfEdit{1, 1, 1, "no_such_controller"}));

  RunnerOptions options;
  options.start_paused = true;
  SimulationRunner runner(model, options);
  runner.start();
  const Tick march = *tick_of_iso(model->start, "2023-03-01");
  const Tick may = *tick_of_iso(model->start, "2023-05-01");
  runner.jump_to(march);
  wait_for(runner, [&](const ViewSnapshot& s) { return s.tick >= march; });
  runner.apply_edit(edit);
  const auto forked = wait_for(runner, [](const ViewSnapshot& s) { return s.has_fork(); });
  REQUIRE(forked->has_fork());
  CHECK(forked->forks.front().from_tick >= march);
  CHECK(forked->forks.front().label == "battery capacity x2");
  runner.jump_to(may);
  const auto later = wait_for(runner, [&](const ViewSnapshot& s) { return s.tick >= may; });
  REQUIRE(later->tick >= may);
  REQUIRE(later->has_fork());
  const auto discharged = std::find_if(later->forks.front().delta.begin(), later->forks.front().delta.end(),
                                       [](const KpiDelta& d) { return d.key == "battery_discharged_kwh"; });
  REQUIRE(discharged != later->forks.front().delta.end());
  CHECK(discharged->fork > discharged->original);

  // A bad edit is reported and keeps the fork.
  runner.apply_edit(WhatIfEdit{0, 1, 1, ""});
  const auto rejected = wait_for(runner, [](const ViewSnapshot& s) { return !s.fork_error.empty(); });
  CHECK_FALSE(rejected->fork_error.empty());
  CHECK(rejected->has_fork());
  runner.drop_fork();
  CHECK_FALSE(wait_for(runner, [](const ViewSnapshot& s) { return !s.has_fork(); })->has_fork());
}

TEST_CASE("a fork records its own series beside the original from the fork tick on", "[viz][runner][fork]") {
  const auto model = scenario("baoshan_carbon_zero_park");
  RunnerOptions options;
  options.start_paused = true;
  options.window = 20000;  // every sample of the few days run here
  SimulationRunner runner(model, options);
  runner.start();
  // Spring: PV surplus the battery takes by day, and gives back at night.
  const Tick may = *tick_of_iso(model->start, "2023-05-01");
  runner.jump_to(may);
  wait_for(runner, [&](const ViewSnapshot& s) { return s.tick >= may; });
  WhatIfEdit edit;
  edit.battery_capacity_scale = 3;
  runner.apply_edit(edit);
  const auto forked = wait_for(runner, [](const ViewSnapshot& s) { return s.has_fork(); });
  REQUIRE(forked->has_fork());
  const std::size_t before = forked->series.front().data.samples();

  const Tick later_tick = forked->forks.front().from_tick + 5 * 86400;
  runner.jump_to(later_tick);
  const auto later = wait_for(runner, [&](const ViewSnapshot& s) { return s.tick >= later_tick; });
  runner.stop();
  REQUIRE(later->tick >= later_tick);
  REQUIRE(later->has_fork());
  REQUIRE(later->forks.front().series.size() == later->series.size());
  for (std::size_t k = 0; k < later->series.size(); ++k) {
    const NamedSeries& original = later->series[k];
    const NamedSeries& fork = later->forks.front().series[k];
    INFO(original.name);
    CHECK(fork.name == original.name);
    CHECK(fork.unit == original.unit);
    // One fork sample per original event since the fork, at the same ticks.
    REQUIRE(fork.data.samples() == original.data.samples() - before);
    REQUIRE(original.data.samples() < options.window);
    const std::vector<double> fork_t = fork.data.window_times();
    const std::vector<double> original_t = original.data.window_times();
    REQUIRE(!fork_t.empty());
    CHECK(fork_t.front() == static_cast<double>(later->forks.front().from_tick));
    CHECK(std::equal(fork_t.begin(), fork_t.end(), original_t.end() - static_cast<std::ptrdiff_t>(fork_t.size())));
  }

  // A bigger battery charges and discharges differently once the original's is full or empty.
  const auto battery = std::find_if(later->components.begin(), later->components.end(),
                                    [](const ComponentNow& c) { return c.kind == VertexKind::kBattery; });
  REQUIRE(battery != later->components.end());
  const auto power = std::find_if(later->series.begin(), later->series.end(),
                                  [&](const NamedSeries& s) { return s.group == "power" && s.name == battery->name; });
  REQUIRE(power != later->series.end());
  const std::vector<float> original = power->data.window_values();
  const std::vector<float> fork =
      later->forks.front().series[static_cast<std::size_t>(power - later->series.begin())].data.window_values();
  std::size_t differ = 0;
  for (std::size_t i = 0; i < fork.size(); ++i)
    differ += std::abs(fork[i] - original[original.size() - fork.size() + i]) > 1.0f ? 1 : 0;
  CHECK(differ > 0);
  // The price is the tariff's, the same in both.
  const std::vector<float> price = later->series[2].data.window_values();
  const std::vector<float> fork_price = later->forks.front().series[2].data.window_values();
  CHECK(std::equal(fork_price.begin(), fork_price.end(), price.end() - static_cast<std::ptrdiff_t>(fork_price.size())));
}

TEST_CASE("the what-if option reads edits and the frame they apply at", "[viz][options]") {
  auto [edit, frame] = parse_what_if("battery_capacity=2@30");
  CHECK(edit.battery_capacity_scale == 2);
  CHECK(edit.pv_scale == 1);
  CHECK(frame == 30);
  std::tie(edit, frame) = parse_what_if("pv=1.5");
  CHECK(edit.pv_scale == 1.5);
  CHECK(frame == 0);
  const std::string controller(controller_names().front());
  std::tie(edit, frame) = parse_what_if("battery_capacity=3,battery_power=0.5,pv=2,controller=" + controller + "@7");
  CHECK(edit.battery_capacity_scale == 3);
  CHECK(edit.battery_power_scale == 0.5);
  CHECK(edit.pv_scale == 2);
  CHECK(edit.controller == controller);
  CHECK(frame == 7);
  std::tie(edit, frame) = parse_what_if("prices=1.25@3");
  CHECK(edit.tariff_scale == 1.25);
  CHECK(frame == 3);

  const char* argv[] = {"zeropark-view", "park.yaml", "--what-if", "battery_capacity=2@30"};
  const ViewOptions options = parse_view_options(4, const_cast<char**>(argv));
  REQUIRE(options.what_if);
  CHECK(options.what_if->battery_capacity_scale == 2);
  CHECK(options.what_if_frame == 30);
  CHECK_FALSE(parse_view_options(2, const_cast<char**>(argv)).what_if);
}

TEST_CASE("a bad what-if option names what is wrong", "[viz][options]") {
  const auto message = [](const std::string& text) -> std::string {
    try {
      parse_what_if(text);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "(accepted)";
  };
  CHECK_THAT(message("battery_capacity=0@1"), Catch::Contains("scale > 0"));
  CHECK_THAT(message("battery_capacity=-2"), Catch::Contains("scale > 0"));
  CHECK_THAT(message("pv=big"), Catch::Contains("'big'"));
  CHECK_THAT(message("pv=nan"), Catch::Contains("scale > 0"));
  CHECK_THAT(message("pv=1.5@-3"), Catch::Contains("frame count"));
  CHECK_THAT(message("pv=1.5@soon"), Catch::Contains("frame count"));
  CHECK_THAT(message("size=2"), Catch::Contains("unknown key 'size'"));
  CHECK_THAT(message("controller=no_such_controller"), Catch::Contains("no controller named"));
  CHECK_THAT(message(""), Catch::Contains("needs an edit"));
  CHECK_THAT(message("@3"), Catch::Contains("needs an edit"));
  CHECK_THAT(message("pv="), Catch::Contains("KEY=VALUE"));
  CHECK_THAT(message("=2"), Catch::Contains("KEY=VALUE"));
  CHECK_THAT(message("pv=2,"), Catch::Contains("KEY=VALUE"));
  const char* argv[] = {"zeropark-view", "park.yaml", "--what-if"};
  CHECK_THROWS_WITH(parse_view_options(3, const_cast<char**>(argv)), Catch::Contains("needs a value"));
}
