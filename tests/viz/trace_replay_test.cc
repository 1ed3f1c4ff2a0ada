// Replaying an HDF5 trace in the view (viz/src/trace_replay.h, replay_player.h), without a window:
//   - a trace written by run_park + Hdf5TraceSink replays into the same snapshots the live view
//     takes of a Session stepped over the same park (powers, SOC, grid, lines, series, Shimen
//     tiles bit for bit; running KPIs to rounding), and ends on the trace's own /kpis;
//   - the player's clock goes forward, back to any date and one row at a time, and refuses forks;
//   - a missing file, a non-HDF5 file, an HDF5 file that is not a ZeroPark trace, an incomplete
//     trace, one missing datasets and one whose scenario inputs are gone fail with their messages.
#include <hdf5.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>

#include "replay_player.h"
#include "support/temp_dir.h"
#include "trace_replay.h"
#include "zeropark/hdf5_trace.h"
#include "zeropark/run.h"
#include "zeropark/session.h"
#include "zeropark/spec.h"

using namespace zeropark;
using namespace zeropark::view;
using Catch::Matchers::Contains;

namespace {

std::string scenario_path(const std::string& name) {
  return std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

// The scenario over its first `days` days, as `zeropark run --end` would run it.
std::shared_ptr<const ParkModel> short_park(const std::string& name, const std::string& end_iso) {
  ParkSpec spec = read_scenario_file(scenario_path(name));
  RunOverrides overrides;
  overrides.end_iso = end_iso;
  apply_overrides(spec, overrides);
  return std::make_shared<const ParkModel>(compile_park(spec));
}

// Runs the park through the engine into a committed trace, as `zeropark run` does.
RunResult write_trace(const ParkModel& model, const std::filesystem::path& path) {
  Hdf5TraceSink sink(path);
  RunOptions options;
  options.with_baseline = false;
  RunResult result = run_park(model, &sink, options);
  sink.commit(result.kpis, result.baseline_kpis);
  return result;
}

double kpi_or_nan(const KpiTable& table, const std::string& key) {
  for (const Kpi& k : table)
    if (k.key == key) return k.value;
  return std::nan("");
}

// Replays the trace next to a live session and compares every position the two share.
void replay_equals_live(const std::string& name, const std::string& end_iso) {
  const testing::TempDir dir;
  const auto model = short_park(name, end_iso);
  const std::filesystem::path path = dir.path() / (name + ".h5");
  const RunResult run = write_trace(*model, path);
  REQUIRE(has_hdf5_signature(path));

  const TraceReplay replay(path);
  REQUIRE(replay.rows() == run.events);
  CHECK(replay.end_tick() == model->end_tick);
  REQUIRE(boost::num_vertices(replay.model()->topology) == boost::num_vertices(model->topology));

  SeriesRecorder live_recorder, replay_recorder;
  Session live(model, &live_recorder);
  for (std::size_t p = 1; p < replay.rows(); ++p) {
    REQUIRE(live.step_event());
    replay.record_rows(replay_recorder, p - 1, p);
    const ViewSnapshot a = snapshot_of(live, live_recorder);
    const ViewSnapshot b = replay.snapshot_at(p, replay_recorder);
    INFO(name << " position " << p << " tick " << a.tick);
    REQUIRE(b.tick == a.tick);
    CHECK(b.events == a.events);
    CHECK(b.date == a.date);
    CHECK(b.replay);
    REQUIRE(b.components.size() == a.components.size());
    for (std::size_t v = 0; v < a.components.size(); ++v) {
      INFO(a.components[v].name);
      CHECK(b.components[v].name == a.components[v].name);
      CHECK(b.components[v].reading.power == a.components[v].reading.power);
      CHECK(b.components[v].reading.soc == a.components[v].reading.soc);
      CHECK(std::string(b.components[v].reading.unit) == a.components[v].reading.unit);
    }
    REQUIRE(b.lines.size() == a.lines.size());
    for (std::size_t l = 0; l < a.lines.size(); ++l) CHECK(b.lines[l].flow_kw == a.lines[l].flow_kw);
    CHECK(b.grid_kw == a.grid_kw);
    CHECK(b.price_cny_per_kwh == a.price_cny_per_kwh);
    CHECK(b.carbon_kg_per_kwh == a.carbon_kg_per_kwh);
    CHECK(b.platform.pv_this_month_kwh == Approx(a.platform.pv_this_month_kwh).epsilon(1e-12).margin(1e-9));
    CHECK(b.platform.charging_hours_today == Approx(a.platform.charging_hours_today).epsilon(1e-12).margin(1e-9));
    CHECK(b.platform.points_plugged_now == a.platform.points_plugged_now);
    CHECK(b.platform.carbon_sink_so_far_kg == a.platform.carbon_sink_so_far_kg);
    REQUIRE(b.series.size() == a.series.size());
    for (std::size_t s = 0; s < a.series.size(); ++s) {
      CHECK(b.series[s].name == a.series[s].name);
      CHECK(b.series[s].data.samples() == a.series[s].data.samples());
      CHECK(b.series[s].data.latest() == a.series[s].data.latest());
    }
    // Running KPIs from the rows, against the live accumulators at the same tick.
    const KpiTable live_kpis = live.kpis_so_far();
    for (const Kpi& k : b.kpis) {
      INFO(k.key);
      CHECK(k.value == Approx(kpi_or_nan(live_kpis, k.key)).epsilon(1e-9).margin(1e-9));
    }
  }
  // At the end: the trace's own table.
  const KpiTable end = replay.kpis_at(replay.rows());
  for (const Kpi& k : run.kpis) CHECK(kpi_or_nan(end, k.key) == k.value);
  CHECK(replay.snapshot_at(replay.rows(), replay_recorder).done);
}

// A small HDF5 file built by hand, for the files the reader must refuse.
class Hdf5File {
 public:
  explicit Hdf5File(const std::filesystem::path& path)
      : id_(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT)) {
    REQUIRE(id_ >= 0);
  }
  ~Hdf5File() { H5Fclose(id_); }
  void integer_attribute(const char* name, std::int64_t value) {
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t a = H5Acreate2(id_, name, H5T_NATIVE_INT64, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(a, H5T_NATIVE_INT64, &value);
    H5Aclose(a);
    H5Sclose(space);
  }
  void string_attribute(const char* name, const std::string& value) {
    const hid_t type = variable_string();
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t a = H5Acreate2(id_, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    const char* text = value.c_str();
    H5Awrite(a, type, &text);
    H5Aclose(a);
    H5Sclose(space);
    H5Tclose(type);
  }
  void group(const char* name) { H5Gclose(H5Gcreate2(id_, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT)); }
  void column(const char* path, std::vector<double> values) {
    const hsize_t n = values.size();
    const hid_t space = H5Screate_simple(1, &n, nullptr);
    const hid_t d = H5Dcreate2(id_, path, H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
    H5Dclose(d);
    H5Sclose(space);
  }
  void text(const char* path, const std::string& value) {
    const hid_t type = variable_string();
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t d = H5Dcreate2(id_, path, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    const char* t = value.c_str();
    H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &t);
    H5Dclose(d);
    H5Sclose(space);
    H5Tclose(type);
  }

 private:
  static hid_t variable_string() {
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    return type;
  }
  hid_t id_;
};

}  // namespace

TEST_CASE("a replayed trace of the default park shows what the live view shows at the same ticks", "[viz][replay]") {
  replay_equals_live("baoshan_carbon_zero_park", "2023-01-04T00:00");
}

TEST_CASE("a replayed trace of a V2G park shows the live view's cars, SOCs and flows", "[viz][replay]") {
  replay_equals_live("shenzhen_futian_power_building", "2023-02-03T00:00");
}

TEST_CASE("the replay clock plays, steps, jumps back and forth and refuses forks", "[viz][replay]") {
  const testing::TempDir dir;
  const auto model = short_park("baoshan_carbon_zero_park", "2023-01-08T00:00");
  const std::filesystem::path path = dir.path() / "week.h5";
  write_trace(*model, path);
  const auto trace = std::make_shared<const TraceReplay>(path);
  RunnerOptions options;
  options.speed = 0;
  options.start_paused = true;
  ReplayPlayer player(trace, options);
  CHECK(player.snapshot()->tick == 0);
  CHECK_FALSE(player.can_fork());
  CHECK(player.can_jump_back());

  player.step_event();
  CHECK(player.position() == 1);
  CHECK(player.snapshot()->tick == trace->tick_at(1));
  CHECK(player.snapshot()->series.front().data.samples() == 1);

  player.jump_to(5 * 86400 + 3600);  // forward to 6 January, 01:00
  const std::size_t forward = player.position();
  CHECK(trace->tick_at(forward) <= 5 * 86400 + 3600);
  CHECK(trace->tick_at(forward + 1) > 5 * 86400 + 3600);
  CHECK(player.snapshot()->date == "2023-01-06 01:00");
  player.jump_to(86400);  // and back to 2 January
  CHECK(player.snapshot()->date == "2023-01-02 00:00");
  CHECK(player.snapshot()->series.front().data.samples() == player.position());

  // Paused, frames do not move the clock; playing flat out, they reach the end.
  player.on_frame();
  CHECK(player.snapshot()->date == "2023-01-02 00:00");
  player.set_paused(false);
  for (int frame = 0; frame < 1000 && !player.snapshot()->done; ++frame) player.on_frame();
  CHECK(player.snapshot()->done);
  CHECK(player.position() == trace->rows());
  CHECK(player.snapshot()->kpi_note == std::string("replay: final KPIs from the trace's /kpis"));

  player.apply_edit(WhatIfEdit{});
  CHECK_FALSE(player.snapshot()->has_fork());
  CHECK_THAT(player.snapshot()->fork_error, Contains("not available in replay"));
}

TEST_CASE("a missing or foreign or incomplete or broken trace fails with a message naming the file and the fault",
          "[viz][replay]") {
  const testing::TempDir dir;
  const auto fails_with = [](const std::filesystem::path& path, const std::string& expected) {
    INFO(path.string());
    try {
      TraceReplay replay(path);
      FAIL("opened " << path);
    } catch (const TraceError& e) {
      CHECK_THAT(e.what(), Contains(path.string()) && Contains(expected));
    }
  };

  fails_with(dir.path() / "nowhere.h5", "no such file");
  fails_with(dir.write("scenario.h5", "name: not a trace\n"), "not an HDF5 file");
  CHECK_FALSE(has_hdf5_signature(scenario_path("baoshan_carbon_zero_park")));

  const std::filesystem::path foreign = dir.path() / "foreign.h5";
  {
    Hdf5File f(foreign);
    f.column("temperature_c", {20, 21});
  }
  CHECK(has_hdf5_signature(foreign));
  fails_with(foreign, "is not a ZeroPark trace: it has no root attribute 'complete'");

  const std::filesystem::path partial = dir.path() / "run.h5.partial";
  {
    Hdf5File f(partial);
    f.integer_attribute("complete", 0);
  }
  fails_with(partial, "incomplete ZeroPark trace (complete = 0)");

  const std::filesystem::path hollow = dir.path() / "hollow.h5";
  {
    Hdf5File f(hollow);
    f.integer_attribute("complete", 1);
    f.group("time");
    f.column("time/duration_s", {3600});
  }
  fails_with(hollow, "missing time/tick_s, scenario/yaml, kpis, the root attribute scenario_file");

  // A complete file whose scenario reads a weather file that is gone: the layout cannot be rebuilt.
  const std::filesystem::path orphan = dir.path() / "orphan.h5";
  {
    Hdf5File f(orphan);
    f.integer_attribute("complete", 1);
    f.string_attribute("scenario_file", (dir.path() / "moved" / "park.yaml").string());
    f.group("time");
    f.column("time/duration_s", {3600});
    f.column("time/tick_s", {0});
    f.group("kpis");
    f.group("scenario");
    f.text("scenario/yaml",
           "name: orphan\nsimulation:\n  weather: gone.epw\nbuses:\n  - name: main\n"
           "loads:\n  - name: office\n    bus: main\n    profile: constant\n    peak_kw: 100\ngrid:\n  bus: main\n");
  }
  fails_with(orphan, "cannot rebuild the park");
  try {
    TraceReplay replay(orphan);
  } catch (const TraceError& e) {
    CHECK_THAT(e.what(), Contains((dir.path() / "moved").string()) && Contains("gone.epw"));
  }
}
