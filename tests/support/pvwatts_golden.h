// The PVWatts hourly exports of tests/data (pvwatts_8760_golden_*.csv, Golden CO; see
// tests/data/PROVENANCE.md): their rows, their site, and the sun where PVWatts takes it each hour.
#pragma once

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "weather/solar_position.h"

namespace zeropark::testing {

// Radians in one degree.
inline constexpr double kRadPerDeg = 3.14159265358979323846 / 180.0;

// One row of a PVWatts hourly export: local standard time, the weather in, PVWatts' results out.
struct PvwattsHour {
  int month, day, hour;
  double beam_w_m2, diffuse_w_m2, air_temp_c, wind_m_s, poa_w_m2, cell_temp_c, dc_w, ac_w;
};

// The 8760 hourly rows of a PVWatts hourly export (17 header lines, then a column-title line).
inline std::vector<PvwattsHour> read_pvwatts_hours(const std::string& name) {
  std::ifstream in(std::filesystem::path(ZEROPARK_TEST_DATA_DIR) / name);
  REQUIRE(in.good());
  std::vector<PvwattsHour> hours;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    if (++line_number <= 18) continue;
    PvwattsHour h{};
    if (std::sscanf(line.c_str(), "%d,%d,%d,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf", &h.month, &h.day,
                    &h.hour, &h.beam_w_m2, &h.diffuse_w_m2, &h.air_temp_c, &h.wind_m_s,
                    &h.poa_w_m2, &h.cell_temp_c, &h.dc_w, &h.ac_w) == 11) {
      hours.push_back(h);
    }
  }
  REQUIRE(hours.size() == 8760);
  return hours;
}

// The PVWatts files' site, Golden CO; delta T for 2019.
inline const SolarSite kGolden{39.73, -105.18, 1829.0, 1013.25, 12.0, 69.0, 0.5667};

// The files' local standard time (MST), hours from UTC.
inline constexpr double kUtcOffsetH = -7.0;

// Sun on the day of hour h (2019) at local_hours, in hours since local standard midnight.
inline SolarPosition sun_at(const PvwattsHour& h, double local_hours) {
  return solar_position(kGolden,
                        julian_day_ut(2019, h.month, h.day, local_hours * 3600.0, kUtcOffsetH));
}

// Sun at PVWatts' mid-point of hour h (of its sunlit part); *edge_hour: it holds sunrise/sunset.
inline SolarPosition pvwatts_hour_sun(const PvwattsHour& h, bool* edge_hour) {
  const SunTimes times = sun_times(kGolden, 2019, h.month, h.day, kUtcOffsetH);
  double mid_h = h.hour + 0.5;
  *edge_hour = false;
  if (times.sunrise_h && *times.sunrise_h > h.hour && *times.sunrise_h < h.hour + 1) {
    mid_h = (*times.sunrise_h + h.hour + 1) / 2.0;
    *edge_hour = true;
  }
  if (times.sunset_h && *times.sunset_h > h.hour && *times.sunset_h < h.hour + 1) {
    mid_h = (*times.sunset_h + h.hour) / 2.0;
    *edge_hour = true;
  }
  return sun_at(h, mid_h);
}

}  // namespace zeropark::testing
