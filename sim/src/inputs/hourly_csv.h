// Reader for hourly series in CSV: load profiles (kWh per hour) and emission factors (kg/kWh).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace zeropark {

struct HourlySeries {
  std::vector<double> values;  // 8760 typical-year hours
  std::string column;          // header of the column read
  bool dropped_leap_day = false;
};

// Reads the last column of a CSV with one header line and 8760 (or 8784, leap year) data rows.
// A leap year's 29 February is dropped so the series is a 365-day typical year. Throws
// InputError naming the file, line, column and the column's header on any bad value; `field`
// names the scenario key that pointed here, for the message.
HourlySeries read_hourly_csv(const std::filesystem::path& path, const std::string& field,
                             double min_value, double max_value);

}  // namespace zeropark
