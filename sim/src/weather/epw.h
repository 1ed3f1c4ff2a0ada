// EnergyPlus weather (EPW) files: one year of hourly weather for one site.
//
// read_epw() returns the site header and one WeatherHour per EPW record, validated and with
// isolated missing values repaired; any other defect is an InputError naming file, line and field.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace zeropark {

// Albedo used when the EPW albedo field is absent, blank or marked missing (999), as it is in most
// EPW files: 0.2 is the usual value for grass and concrete.
inline constexpr double kDefaultAlbedo = 0.2;

// Longest run of consecutive missing hours in one field that read_epw() repairs by linear
// interpolation; a longer run is an error, since inventing more than a quarter day of weather
// would hide a defective file.
inline constexpr int kMaxRepairedGapHours = 6;

// The LOCATION header record.
struct WeatherSite {
  std::string city;
  std::string state;           // state, province or region; often empty
  std::string country;         // usually an ISO 3166 alpha-3 code, e.g. "CHN"
  std::string source;          // data set, e.g. "CSWD", "TMY3", "IWEC"
  std::string wmo;             // WMO station number, kept as text (leading zeros matter)
  double latitude_deg = 0.0;   // north positive
  double longitude_deg = 0.0;  // east positive
  double utc_offset_h = 0.0;   // of the file's local standard time, e.g. +8 for China
  double elevation_m = 0.0;    // above sea level
};

// One EPW record. Temperatures, humidity, pressure and wind are the values at the end of the hour;
// irradiances are means over the hour (EPW stores Wh/m2 received during the hour, which is the
// mean W/m2).
struct WeatherHour {
  double dry_bulb_c = 0.0;
  double dew_point_c = 0.0;
  double relative_humidity_pct = 0.0;
  double pressure_pa = 0.0;         // station pressure, not reduced to sea level
  double ghi_w_m2 = 0.0;            // global horizontal irradiance
  double dni_w_m2 = 0.0;            // direct normal irradiance
  double dhi_w_m2 = 0.0;            // diffuse horizontal irradiance
  double wind_direction_deg = 0.0;  // where the wind comes from; N = 0, E = 90
  double wind_speed_m_s = 0.0;
  double albedo = kDefaultAlbedo;  // ground reflectance, 0..1, dimensionless
};

// A whole EPW year.
struct WeatherYear {
  WeatherSite site;
  std::string file;  // the path as given to read_epw, for messages
  // hours[i] is the record for the hour ending at (i+1) h local standard time after Jan 1 00:00,
  // i.e. it covers [i h, i+1 h). 8760 entries, or 8784 when the file includes Feb 29.
  std::vector<WeatherHour> hours;
  bool has_leap_day = false;     // true when the file has Feb 29 (8784 records)
  int start_weekday = 0;         // weekday of Jan 1 per DATA PERIODS: 0 = Sunday ... 6 = Saturday
  int albedo_default_hours = 0;  // hours whose albedo was missing and set to kDefaultAlbedo
  // One entry per repaired run of missing values, formatted "file:line: field 'x': ..." like an
  // InputError. The reader never prints; the caller decides where warnings go.
  std::vector<std::string> warnings;
};

// Reads and validates an EPW file with one record per hour. Throws InputError for a file that
// cannot be opened, a missing header record, a record out of calendar order (gap, duplicate,
// truncation), an unparsable, non-finite or out-of-range value, or a run of more than
// kMaxRepairedGapHours missing values in one field.
WeatherYear read_epw(const std::filesystem::path& path);

}  // namespace zeropark
