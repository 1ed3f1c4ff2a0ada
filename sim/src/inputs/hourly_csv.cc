// Hourly CSV series. The format is the one measured data usually comes in: a header line, then
// one row per hour with a timestamp first and the value last ("2019-01-01 00:00:00,108.1").
#include "inputs/hourly_csv.h"

#include <charconv>
#include <cmath>
#include <fstream>

#include "zeropark/error.h"

namespace zeropark {
namespace {

constexpr int kHoursPerYear = 8760;
constexpr int kHoursPerLeapYear = 8784;
constexpr int kLeapDayFirstHour = 59 * 24;  // 29 February starts after 31 + 28 days

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

}  // namespace

HourlySeries read_hourly_csv(const std::filesystem::path& path, const std::string& field,
                             double min_value, double max_value) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({file, 0, 0}, field, "cannot open file '" + file + "'");

  HourlySeries series;
  std::string line;
  if (!std::getline(in, line)) throw InputError({file, 1, 1}, field, "the file is empty");
  const std::string_view header = trim(line);
  const std::size_t header_comma = header.rfind(',');
  series.column = std::string(header_comma == std::string_view::npos ? header : header.substr(header_comma + 1));

  int line_number = 1;
  int blank_line = 0;  // a blank line is fine at the end of the file only
  while (std::getline(in, line)) {
    ++line_number;
    const std::string_view row = trim(line);
    if (row.empty()) {
      if (blank_line == 0) blank_line = line_number;
      continue;
    }
    if (blank_line != 0)
      throw InputError({file, blank_line, 1}, series.column, "empty row inside the data (each hour needs a row)");
    const std::size_t comma = row.rfind(',');
    const std::size_t value_start = comma == std::string_view::npos ? 0 : comma + 1;
    const std::string_view text = trim(row.substr(value_start));
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const int column = static_cast<int>(value_start) + 1;
    if (error != std::errc() || end != text.data() + text.size() || std::isnan(value))
      throw InputError({file, line_number, column}, series.column,
                       "expected a number, got '" + std::string(text) + "'");
    if (value < min_value || value > max_value)
      throw InputError({file, line_number, column}, series.column,
                       "value " + std::string(text) + " is outside [" + std::to_string(min_value) + ", " +
                           std::to_string(max_value) + "]");
    series.values.push_back(value);
  }
  const int rows = static_cast<int>(series.values.size());
  if (rows == kHoursPerLeapYear) {
    series.values.erase(series.values.begin() + kLeapDayFirstHour,
                        series.values.begin() + kLeapDayFirstHour + 24);
    series.dropped_leap_day = true;
  } else if (rows != kHoursPerYear) {
    throw InputError({file, line_number, 0}, field,
                     "expected 8760 hourly rows (or 8784 for a leap year) after the header, found " +
                         std::to_string(rows));
  }
  return series;
}

}  // namespace zeropark
