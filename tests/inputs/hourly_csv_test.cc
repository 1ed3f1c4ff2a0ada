#include <catch2/catch.hpp>

#include "inputs/hourly_csv.h"
#include "support/temp_dir.h"
#include "zeropark/error.h"

using namespace zeropark;
using Catch::Matchers::Contains;

TEST_CASE("an hourly CSV reads its last column", "[hourly_csv]") {
  testing::TempDir dir;
  const auto file = dir.write("s.csv", testing::hourly_csv("load [kWh]", [](int h) { return h % 24; }));
  const HourlySeries s = read_hourly_csv(file, "loads.x.profile", 0, 100);
  REQUIRE(s.values.size() == 8760);
  CHECK(s.values[25] == 1);
  CHECK(s.column == "load [kWh]");
  CHECK_FALSE(s.dropped_leap_day);
}

TEST_CASE("a leap year's CSV drops 29 February", "[hourly_csv]") {
  testing::TempDir dir;
  std::string text = "t,v\n";
  for (int h = 0; h < 8784; ++h) text += "x," + std::to_string(h / 24) + "\n";  // value = day of year
  const HourlySeries s = read_hourly_csv(dir.write("leap.csv", text), "f", 0, 1000);
  REQUIRE(s.values.size() == 8760);
  CHECK(s.dropped_leap_day);
  CHECK(s.values[59 * 24] == 60);  // 1 March is day 60 of a leap year
}

TEST_CASE("bad CSV values name file, line, column and header", "[hourly_csv]") {
  testing::TempDir dir;
  std::string text = testing::hourly_csv("kg/kWh", [](int) { return 0.5; });
  text.replace(text.find("h3,0.500000"), 11, "h3,abc");
  try {
    read_hourly_csv(dir.write("bad.csv", text), "grid.carbon_intensity_csv", 0, 3);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where().line == 5);
    CHECK(e.where().column == 4);
    CHECK(e.field() == "kg/kWh");
    CHECK_THAT(e.what(), Contains("bad.csv:5:4") && Contains("'abc'"));
  }
  try {
    read_hourly_csv(dir.write("short.csv", "t,v\nx,1\n"), "loads.a.profile", 0, 3);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Contains("expected 8760 hourly rows") && Contains("found 1"));
  }
  try {
    read_hourly_csv(dir.write("range.csv", testing::hourly_csv("v", [](int h) { return h == 9 ? -1.0 : 1.0; })), "f", 0, 3);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where().line == 11);
    CHECK_THAT(e.what(), Contains("outside"));
  }
}

TEST_CASE("an empty row inside the data is an error at its line", "[hourly_csv]") {
  testing::TempDir dir;
  std::string text = testing::hourly_csv("kWh", [](int) { return 1.0; });
  text.insert(text.find("h10,"), "\n");
  try {
    read_hourly_csv(dir.write("gap.csv", text), "loads.a.profile", 0, 3);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where().line == 12);
    CHECK_THAT(e.what(), Contains("empty row"));
  }
  CHECK_NOTHROW(read_hourly_csv(dir.write("trailing.csv", testing::hourly_csv("kWh", [](int) { return 1.0; }) + "\n\n"),
                                "loads.a.profile", 0, 3));
}
