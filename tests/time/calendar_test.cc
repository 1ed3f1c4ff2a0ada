#include <catch2/catch.hpp>

#include "time/calendar.h"

using namespace zeropark;

TEST_CASE("days_from_civil matches known dates", "[calendar]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(2023, 1, 1) == 19358);
  CHECK(days_from_civil(1969, 12, 31) == -1);
}

TEST_CASE("civil_from_seconds inverts seconds_from_civil across leap days", "[calendar]") {
  for (const CivilTime t : {CivilTime{2024, 2, 29, 23, 59, 59}, CivilTime{2023, 12, 31, 0, 0, 0},
                            CivilTime{2100, 3, 1, 12, 30, 0}, CivilTime{1999, 1, 1, 0, 0, 1}}) {
    const CivilTime back = civil_from_seconds(seconds_from_civil(t));
    CHECK(format_iso(back) == format_iso(t));
  }
}

TEST_CASE("parse_iso accepts dates and times and rejects impossible ones", "[calendar]") {
  REQUIRE(parse_iso("2023-06-01"));
  CHECK(format_iso(*parse_iso("2023-06-01T12:30")) == "2023-06-01T12:30:00");
  CHECK(format_iso(*parse_iso("2023-06-01 12:30:15")) == "2023-06-01T12:30:15");
  CHECK_FALSE(parse_iso("2023-02-29"));
  CHECK(parse_iso("2024-02-29"));
  CHECK_FALSE(parse_iso("2023-13-01"));
  CHECK_FALSE(parse_iso("2023-06-01T24:00"));
  CHECK_FALSE(parse_iso("June 1st"));
  CHECK_FALSE(parse_iso("2023-06-01T12:3"));
}

TEST_CASE("typical_year_hour maps a calendar onto 8760 hours", "[calendar]") {
  CHECK(typical_year_hour(1, 1, 0) == 0);
  CHECK(typical_year_hour(12, 31, 23) == 8759);
  CHECK(typical_year_hour(3, 1, 0) == 59 * 24);
  // 29 February reuses 28 February.
  CHECK(typical_year_hour(2, 29, 5) == typical_year_hour(2, 28, 5));
  const Calendar calendar({2023, 1, 1, 0, 0, 0});
  CHECK(calendar.typical_year_hour(3600 * 24 * 31) == 31 * 24);
  CHECK(calendar.next_hour_boundary(0) == 3600);
  CHECK(calendar.next_hour_boundary(3599) == 3600);
  CHECK(calendar.next_hour_boundary(3600) == 7200);
}
