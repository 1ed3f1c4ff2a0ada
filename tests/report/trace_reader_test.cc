// The trace reader refuses what is not a complete ZeroPark trace with a message naming the file
// and what is wrong.
#include "report/trace_reader.h"

#include <hdf5.h>

#include <catch2/catch.hpp>
#include <string>

#include "support/temp_dir.h"
#include "trace/hdf5_writer.h"

using zeropark::Hdf5TraceWriter;
using zeropark::report::TraceError;
using zeropark::report::TraceFile;
using zeropark::testing::TempDir;

namespace {

// The message TraceFile's constructor throws for `path`.
std::string refusal(const std::filesystem::path& path) {
  try {
    TraceFile trace(path);
  } catch (const TraceError& e) {
    return e.what();
  }
  FAIL("opened " << path << " without complaint");
  return "";
}

// A committed two-row trace with a grid and a load; `with_duration` false leaves out time/duration_s.
std::filesystem::path small_trace(const TempDir& dir, const std::string& name, bool with_duration) {
  const std::filesystem::path path = dir.path() / name;
  Hdf5TraceWriter w(path);
  if (with_duration) w.add_channel("time", "duration_s", "s", "segment length");
  w.add_channel("components/grid", "power_kw", "kW", "import");
  w.add_channel("components/site", "power_kw", "kW", "load");
  w.set_attribute("components/grid", "kind", "grid");
  w.set_attribute("components/grid", "bus", "main");
  w.set_attribute("components/site", "kind", "load");
  w.set_attribute("components/site", "bus", "main");
  w.set_attribute("time/tick_s", "start_iso", "2023-01-01T00:00:00");
  const double row[] = {3600, 5, -5};
  w.append_row(0, std::span<const double>(row, with_duration ? 3 : 2));
  w.append_row(3600, std::span<const double>(row, with_duration ? 3 : 2));
  w.commit();
  return path;
}

}  // namespace

TEST_CASE("the trace reader refuses a missing file, naming it", "[report][reader]") {
  const TempDir dir;
  const std::string message = refusal(dir.path() / "nowhere.h5");
  CHECK_THAT(message, Catch::Contains("nowhere.h5") && Catch::Contains("no such file"));
}

TEST_CASE("the trace reader refuses a file that is not HDF5", "[report][reader]") {
  const TempDir dir;
  const std::string message = refusal(dir.write("notes.h5", "time,power_kw\n0,5\n"));
  CHECK_THAT(message, Catch::Contains("notes.h5") && Catch::Contains("not an HDF5 file"));
}

TEST_CASE("the trace reader refuses an HDF5 file that is not a ZeroPark trace", "[report][reader]") {
  const TempDir dir;
  const std::filesystem::path path = dir.path() / "other.h5";
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  REQUIRE(file >= 0);
  H5Fclose(file);
  CHECK_THAT(refusal(path), Catch::Contains("other.h5") && Catch::Contains("no root attribute 'complete'"));
}

TEST_CASE("the trace reader refuses a run that did not finish (complete = 0)", "[report][reader]") {
  const TempDir dir;
  Hdf5TraceWriter w(dir.path() / "running.h5");
  w.add_channel("time", "duration_s", "s", "segment length");
  const double row[] = {60};
  w.append_row(0, row);
  w.flush();  // what a run killed now would leave behind
  const std::string message = refusal(w.current_path());
  CHECK_THAT(message,
             Catch::Contains("running.h5.partial") && Catch::Contains("incomplete") && Catch::Contains("complete = 0"));
}

TEST_CASE("the trace reader refuses a trace without time/duration_s", "[report][reader]") {
  const TempDir dir;
  const std::string message = refusal(small_trace(dir, "no_duration.h5", false));
  CHECK_THAT(message, Catch::Contains("no_duration.h5") && Catch::Contains("'time/duration_s'"));
}

TEST_CASE("the trace reader lists components with kind and bus and reads channels", "[report][reader]") {
  const TempDir dir;
  const TraceFile trace(small_trace(dir, "small.h5", true));
  CHECK(trace.rows() == 2);
  CHECK(trace.start_iso() == "2023-01-01T00:00:00");
  REQUIRE(trace.components().size() == 2);
  CHECK(trace.components()[0].name == "grid");
  CHECK(trace.components()[0].kind == "grid");
  CHECK(trace.components()[1].bus == "main");
  CHECK(trace.channel("components/site/power_kw") == std::vector<double>{-5, -5});
  CHECK(trace.ticks_s() == std::vector<std::int64_t>{0, 3600});
  CHECK(trace.lines().empty());
  CHECK_FALSE(trace.scalar("kpis/co2_kg"));
  CHECK(trace.string_attribute("components/site", "kind") == "load");
  try {
    trace.channel("components/site/demand_kw");
    FAIL("read a channel that is not there");
  } catch (const TraceError& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("small.h5") && Catch::Contains("components/site/demand_kw"));
  }
}
