// EnergyPlus weather (EPW) reader.
//
// An EPW file is plain CSV: 8 header records (LOCATION, DESIGN CONDITIONS, TYPICAL/EXTREME
// PERIODS, GROUND TEMPERATURES, HOLIDAYS/DAYLIGHT SAVINGS, COMMENTS 1, COMMENTS 2, DATA PERIODS)
// then one record per hour of 35 fields (EnergyPlus Auxiliary Programs, "EPW Data Dictionary").
// We read LOCATION (site, latitude, longitude east-positive, time zone, elevation) and, from DATA
// PERIODS, the weekday of Jan 1 and the records-per-hour count. The other header records are only
// checked to be there, in order, so that a file missing one fails at that line instead of being
// read one line out of step.
//
// Conventions the rest of ZeroPark relies on:
// - Time is local STANDARD time (the LOCATION time zone), never daylight saving time.
// - Hour h (1..24) of a day is the hour ENDING at h:00, i.e. it covers [h-1, h). Irradiances are
//   the energy received during that hour (Wh/m2 = mean W/m2); temperature, humidity, pressure
//   and wind are the values observed at its end. Record i of the year is stored in hours[i].
// - The year column is ignored: typical-year files stitch months from different years.
// - A year has 8760 records, or 8784 when the file includes Feb 29; records must run hour by hour
//   from Jan 1 hour 1 to Dec 31 hour 24 with no gap, duplicate or extra record.
//
// What we read per hour: dry bulb, dew point, relative humidity, station pressure, GHI, DNI, DHI,
// wind direction and speed, albedo. Ignored: extraterrestrial and infrared radiation, illuminance,
// sky cover, visibility, weather codes, precipitation, snow, uncertainty flags.
//
// Validation: every value read must parse completely as a finite number and lie in the range of
// the EPW data dictionary (the cold limit widened to -90 C for polar stations; irradiances capped
// at 1500 W/m2, above the solar constant). A value at or above the field's "missing" marker
// (99.9 C, 999 %, 999999 Pa, 9999 Wh/m2, 999 for wind) is missing, as EnergyPlus defines it.
// Runs of up to kMaxRepairedGapHours missing hours are filled by linear interpolation between
// the neighbouring valid hours (held at the nearest valid value at the start or end of the year)
// and reported as warnings; a longer run is an error. A missing albedo becomes kDefaultAlbedo
// silently (most EPW files never fill it) and is counted in albedo_default_hours.
//
// Speed: the file is read into memory at once and parsed with std::from_chars on string views;
// only the 15 fields we use are converted.
#include "weather/epw.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "zeropark/error.h"

namespace zeropark {
namespace {

constexpr int kHeaderLines = 8;
constexpr int kEpwFieldCount = 35;
// A record must reach wind speed (field 22), the last field we need; later fields (albedo,
// precipitation) are optional because older converters omit them.
constexpr int kMinDataFields = 22;
constexpr std::size_t kMaxSplitFields = 48;

// The 35 EPW data fields in snake case with units, so that messages name every field alike.
// clang-format off
constexpr std::array<const char*, kEpwFieldCount> kEpwFieldNames = {
    "year", "month", "day", "hour", "minute", "data_source_flags", "dry_bulb_c", "dew_point_c",
    "relative_humidity_pct", "pressure_pa", "extraterrestrial_horizontal_wh_m2",
    "extraterrestrial_direct_normal_wh_m2", "horizontal_infrared_wh_m2", "ghi_w_m2", "dni_w_m2",
    "dhi_w_m2", "global_horizontal_illuminance_lux", "direct_normal_illuminance_lux",
    "diffuse_horizontal_illuminance_lux", "zenith_luminance_cd_m2", "wind_direction_deg",
    "wind_speed_m_s", "total_sky_cover_tenths", "opaque_sky_cover_tenths", "visibility_km",
    "ceiling_height_m", "present_weather_observation", "present_weather_codes",
    "precipitable_water_mm", "aerosol_optical_depth", "snow_depth_cm", "days_since_last_snowfall",
    "albedo", "liquid_precipitation_depth_mm", "liquid_precipitation_quantity_h"};
// clang-format on

constexpr int kYear = 0, kMonth = 1, kDay = 2, kHour = 3, kMinute = 4, kAlbedo = 32;

// A numeric weather field that read_epw validates and may repair.
struct NumericField {
  int epw_index;      // 0-based position in the record; its name is kEpwFieldNames[epw_index]
  double min, max;    // valid range, inclusive
  double missing_at;  // EPW "missing": any value >= this (EPW data dictionary, \missing)
  const char* unit;   // for messages
  double WeatherHour::*member;
  bool circular;  // wind direction: interpolate along the shorter arc
};

constexpr std::array<NumericField, 9> kNumericFields = {{
    {6, -90.0, 70.0, 99.9, "C", &WeatherHour::dry_bulb_c, false},
    {7, -90.0, 70.0, 99.9, "C", &WeatherHour::dew_point_c, false},
    {8, 0.0, 110.0, 999.0, "%", &WeatherHour::relative_humidity_pct, false},
    {9, 31000.0, 120000.0, 999999.0, "Pa", &WeatherHour::pressure_pa, false},
    {13, 0.0, 1500.0, 9999.0, "W/m2", &WeatherHour::ghi_w_m2, false},
    {14, 0.0, 1500.0, 9999.0, "W/m2", &WeatherHour::dni_w_m2, false},
    {15, 0.0, 1500.0, 9999.0, "W/m2", &WeatherHour::dhi_w_m2, false},
    {20, 0.0, 360.0, 999.0, "deg", &WeatherHour::wind_direction_deg, true},
    {21, 0.0, 40.0, 999.0, "m/s", &WeatherHour::wind_speed_m_s, false},
}};
static_assert(kNumericFields.size() <= 16, "missing-value mask is 16 bits");

constexpr std::array<const char*, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 7> kWeekdayNames = {"sunday",   "monday", "tuesday", "wednesday",
                                                      "thursday", "friday", "saturday"};

int days_in_month(int month, bool leap) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (month == 2 && leap) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

struct CalendarHour {
  int month = 1, day = 1, hour = 1;  // hour 1..24, ending at hour:00
};

std::string describe(const CalendarHour& c) {
  return std::string(kMonthNames[static_cast<std::size_t>(c.month - 1)]) + ' ' +
         std::to_string(c.day) + " hour " + std::to_string(c.hour);
}

// The calendar hour of record `index` (0-based) of a year.
CalendarHour calendar_of_index(std::size_t index, bool leap) {
  int day_of_year = static_cast<int>(index / 24);
  CalendarHour c;
  c.hour = static_cast<int>(index % 24) + 1;
  while (day_of_year >= days_in_month(c.month, leap)) {
    day_of_year -= days_in_month(c.month, leap);
    ++c.month;
  }
  c.day = day_of_year + 1;
  return c;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char ch) { return (ch >= 'A' && ch <= 'Z') ? char(ch - 'A' + 'a') : ch; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// One line split at commas (EPW has no quoting). Columns are 1-based character positions.
struct SplitLine {
  std::array<std::string_view, kMaxSplitFields> text;
  std::array<int, kMaxSplitFields> column{};
  int count = 0;  // all fields on the line, even beyond kMaxSplitFields
};

void split_commas(std::string_view line, SplitLine& out) {
  out.count = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
    if (out.count < static_cast<int>(kMaxSplitFields)) {
      out.text[static_cast<std::size_t>(out.count)] = line.substr(start, end - start);
      out.column[static_cast<std::size_t>(out.count)] = static_cast<int>(start) + 1;
    }
    ++out.count;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
}

enum class ParseStatus { kOk, kEmpty, kNotANumber, kNotFinite };

ParseStatus parse_double(std::string_view text, double& value) {
  text = trim(text);
  if (text.empty()) return ParseStatus::kEmpty;
  // from_chars rejects a leading '+', which some writers emit.
  if (text.size() > 1 && text.front() == '+' && text[1] != '-' && text[1] != '+')
    text.remove_prefix(1);
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return ParseStatus::kNotANumber;
  if (!std::isfinite(value)) return ParseStatus::kNotFinite;
  return ParseStatus::kOk;
}

ParseStatus parse_int(std::string_view text, int& value) {
  text = trim(text);
  if (text.empty()) return ParseStatus::kEmpty;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return ParseStatus::kNotANumber;
  return ParseStatus::kOk;
}

// Holds what every message needs (the file name) and the line/field being read.
class EpwReader {
 public:
  explicit EpwReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(int line, int column, std::string field, std::string message) const {
    throw InputError(InputLocation{file_, line, column}, std::move(field), std::move(message));
  }

  std::string warning(int line, const std::string& field, const std::string& message) const {
    return InputError(InputLocation{file_, line, 0}, field, message).what();
  }

  // Field `index` of a split line as a number; any parse failure is an error naming it.
  double number(const SplitLine& f, int index, int line, std::string_view field) const {
    double value = 0.0;
    const auto i = static_cast<std::size_t>(index);
    const ParseStatus status = parse_double(f.text[i], value);
    if (status == ParseStatus::kOk) return value;
    const std::string text(trim(f.text[i]));
    if (status == ParseStatus::kEmpty)
      fail(line, f.column[i], std::string(field), "empty; a number is required");
    if (status == ParseStatus::kNotFinite)
      fail(line, f.column[i], std::string(field), "'" + text + "' is not a finite number");
    fail(line, f.column[i], std::string(field), "cannot parse '" + text + "' as a number");
  }

  int integer(const SplitLine& f, int index, int line, std::string_view field, int min,
              int max) const {
    int value = 0;
    const auto i = static_cast<std::size_t>(index);
    const ParseStatus status = parse_int(f.text[i], value);
    if (status == ParseStatus::kOk && value >= min && value <= max) return value;
    const std::string text(trim(f.text[i]));
    if (status == ParseStatus::kEmpty)
      fail(line, f.column[i], std::string(field), "empty; an integer is required");
    if (status != ParseStatus::kOk)
      fail(line, f.column[i], std::string(field), "cannot parse '" + text + "' as an integer");
    fail(line, f.column[i], std::string(field),
         "'" + text + "' is outside " + std::to_string(min) + ".." + std::to_string(max));
  }

  double ranged(const SplitLine& f, int index, int line, std::string_view field, double min,
                double max, const char* unit) const {
    const double value = number(f, index, line, field);
    if (value < min || value > max)
      fail(line, f.column[static_cast<std::size_t>(index)], std::string(field),
           "'" + std::string(trim(f.text[static_cast<std::size_t>(index)])) +
               "' is outside the valid range " + format(min) + ".." + format(max) + " " + unit);
    return value;
  }

  static std::string format(double v) {
    std::array<char, 32> buf{};
    const auto [ptr, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return ec == std::errc() ? std::string(buf.data(), ptr) : std::string("?");
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

std::string read_whole_file(const std::filesystem::path& path, const EpwReader& reader) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    reader.fail(0, 0, "", "cannot open EPW weather file: it is a directory");
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file)
    reader.fail(0, 0, "",
                "cannot open EPW weather file: " + std::generic_category().message(errno));
  std::string content;
  std::array<char, 1 << 16> chunk;
  std::size_t got = 0;
  while ((got = std::fread(chunk.data(), 1, chunk.size(), file.get())) > 0)
    content.append(chunk.data(), got);
  if (std::ferror(file.get()))
    reader.fail(0, 0, "",
                "cannot read EPW weather file: " + std::generic_category().message(errno));
  return content;
}

// Iterates over the lines of a text held in memory, stripping '\r' of CRLF files.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);  // UTF-8 byte-order mark
  }
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = end + 1;
    ++line_number_;
    return true;
  }
  int line_number() const { return line_number_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int line_number_ = 0;
};

void read_location(const EpwReader& r, std::string_view line, WeatherSite& site) {
  SplitLine f;
  split_commas(line, f);
  constexpr std::array<const char*, 10> kNames = {
      "",    "city",         "state",         "country",      "source",
      "wmo", "latitude_deg", "longitude_deg", "utc_offset_h", "elevation_m"};
  if (f.count < 10)
    r.fail(1, static_cast<int>(line.size()) + 1, kNames[static_cast<std::size_t>(f.count)],
           "LOCATION record ends after " + std::to_string(f.count) +
               " fields; it needs city, state, country, source, WMO, latitude, longitude, "
               "time zone and elevation");
  site.city = std::string(trim(f.text[1]));
  site.state = std::string(trim(f.text[2]));
  site.country = std::string(trim(f.text[3]));
  site.source = std::string(trim(f.text[4]));
  site.wmo = std::string(trim(f.text[5]));
  // Ranges from the EPW data dictionary, except time zones, which run to +14 in the Pacific.
  site.latitude_deg = r.ranged(f, 6, 1, kNames[6], -90.0, 90.0, "deg");
  site.longitude_deg = r.ranged(f, 7, 1, kNames[7], -180.0, 180.0, "deg");
  site.utc_offset_h = r.ranged(f, 8, 1, kNames[8], -12.0, 14.0, "h");
  site.elevation_m = r.ranged(f, 9, 1, kNames[9], -1000.0, 9999.9, "m");
}

void read_data_periods(const EpwReader& r, std::string_view line, int line_number,
                       WeatherYear& year) {
  SplitLine f;
  split_commas(line, f);
  if (f.count < 5)
    r.fail(line_number, static_cast<int>(line.size()) + 1, "start_weekday",
           "DATA PERIODS record ends after " + std::to_string(f.count) +
               " fields; it needs the number of periods, records per hour, a name and the "
               "start weekday");
  // Several periods or sub-hourly records would break the one-record-per-hour indexing.
  if (r.integer(f, 1, line_number, "data_periods", 1, 99) != 1)
    r.fail(
        line_number, f.column[1], "data_periods",
        "'" + std::string(trim(f.text[1])) + "' data periods; only files with one are supported");
  if (r.integer(f, 2, line_number, "records_per_hour", 1, 60) != 1)
    r.fail(line_number, f.column[2], "records_per_hour",
           "'" + std::string(trim(f.text[2])) +
               "' records per hour; only hourly EPW files (1 record per hour) are supported");
  const std::string_view weekday = trim(f.text[4]);
  for (std::size_t d = 0; d < kWeekdayNames.size(); ++d) {
    const std::string_view name = kWeekdayNames[d];
    if (iequals(weekday, name) || iequals(weekday, name.substr(0, 3))) {
      year.start_weekday = static_cast<int>(d);
      return;
    }
  }
  r.fail(line_number, f.column[4], "start_weekday",
         "'" + std::string(weekday) + "' is not a weekday name (Sunday ... Saturday)");
}

void check_header_records(const EpwReader& r, LineCursor& cursor, WeatherYear& year) {
  // clang-format off
  constexpr std::array<std::string_view, kHeaderLines> kKeywords = {
      "LOCATION", "DESIGN CONDITIONS", "TYPICAL/EXTREME PERIODS", "GROUND TEMPERATURES",
      "HOLIDAYS/DAYLIGHT SAVINGS", "COMMENTS 1", "COMMENTS 2", "DATA PERIODS"};
  // clang-format on
  for (int i = 0; i < kHeaderLines; ++i) {
    std::string_view line;
    if (!cursor.next(line))
      r.fail(cursor.line_number(), 0, "header",
             "file ends after " + std::to_string(cursor.line_number()) +
                 " lines; an EPW file starts with 8 header records, the next being '" +
                 std::string(kKeywords[static_cast<std::size_t>(i)]) + "'");
    const std::string_view keyword = trim(line.substr(0, line.find(',')));
    const std::string_view want = kKeywords[static_cast<std::size_t>(i)];
    // Some writers spell the fifth record "HOLIDAYS/DAYLIGHT SAVING".
    const bool ok =
        iequals(keyword, want) || (i == 4 && iequals(keyword, want.substr(0, want.size() - 1)));
    if (!ok)
      r.fail(cursor.line_number(), 1, "header",
             "expected the header record '" + std::string(want) + "' (EPW header line " +
                 std::to_string(i + 1) + " of 8), found '" + std::string(keyword.substr(0, 40)) +
                 "'");
    if (i == 0) read_location(r, line, year.site);
    if (i == kHeaderLines - 1) read_data_periods(r, line, cursor.line_number(), year);
  }
}

// Fills runs of missing values of one field; throws if a run is longer than
// kMaxRepairedGapHours. `missing[i]` flags hour i; line numbers are first_line + i.
void repair_missing(const EpwReader& r, const NumericField& spec, std::uint16_t bit,
                    const std::vector<std::uint16_t>& missing, int first_line, bool leap,
                    std::vector<WeatherHour>& hours, std::vector<std::string>& warnings) {
  const std::string name = kEpwFieldNames[static_cast<std::size_t>(spec.epw_index)];
  const std::size_t n = hours.size();
  std::size_t i = 0;
  while (i < n) {
    if (!(missing[i] & bit)) {
      ++i;
      continue;
    }
    std::size_t end = i;  // one past the run
    while (end < n && (missing[end] & bit)) ++end;
    const std::size_t run = end - i;
    const int line_first = first_line + static_cast<int>(i);
    const int line_last = first_line + static_cast<int>(end - 1);
    const std::string where =
        run == 1 ? "missing value on " + describe(calendar_of_index(i, leap))
                 : std::to_string(run) + " missing hours, " + describe(calendar_of_index(i, leap)) +
                       " to " + describe(calendar_of_index(end - 1, leap)) + " (lines " +
                       std::to_string(line_first) + "-" + std::to_string(line_last) + ")";
    if (run > static_cast<std::size_t>(kMaxRepairedGapHours))
      r.fail(line_first, 0, name,
             where + ", marked by values >= " + EpwReader::format(spec.missing_at) + "; at most " +
                 std::to_string(kMaxRepairedGapHours) + " consecutive hours are interpolated");

    const bool has_before = i > 0;
    const bool has_after = end < n;
    const double before = has_before ? hours[i - 1].*spec.member : 0.0;
    const double after = has_after ? hours[end].*spec.member : 0.0;
    std::string how;
    if (has_before && has_after) {
      // Linear in time between the valid neighbours; wind direction along the shorter arc so
      // that 350 deg -> 10 deg passes through north, not south.
      const double span =
          spec.circular ? std::fmod(after - before + 540.0, 360.0) - 180.0 : after - before;
      for (std::size_t k = i; k < end; ++k) {
        const double t = static_cast<double>(k - i + 1) / static_cast<double>(run + 1);
        double v = before + span * t;
        if (spec.circular) v = std::fmod(v + 360.0, 360.0);
        hours[k].*spec.member = v;
      }
      how = "linearly interpolated between lines " + std::to_string(line_first - 1) + " and " +
            std::to_string(line_last + 1);
    } else {
      // At either end of the year only one neighbour exists: hold it rather than extrapolate.
      const double v = has_before ? before : after;
      for (std::size_t k = i; k < end; ++k) hours[k].*spec.member = v;
      how = "held at the value of line " +
            std::to_string(has_before ? line_first - 1 : line_last + 1) +
            " (no valid hour on the other side)";
    }
    warnings.push_back(r.warning(line_first, name, where + "; " + how));
    i = end;
  }
}

}  // namespace

WeatherYear read_epw(const std::filesystem::path& path) {
  const EpwReader r(path.string());
  const std::string content = read_whole_file(path, r);

  WeatherYear year;
  year.file = r.file();
  LineCursor cursor(content);
  check_header_records(r, cursor, year);

  const int first_data_line = kHeaderLines + 1;
  year.hours.reserve(8784);
  std::vector<std::uint16_t> missing;  // bit k set: kNumericFields[k] missing in that hour
  missing.reserve(8784);

  SplitLine f;
  CalendarHour expect;         // the next record the calendar requires
  CalendarHour previous;       // the last record read
  bool year_complete = false;  // Dec 31 hour 24 has been read
  int fields_per_record = 0;   // set by the first record; all must match
  int first_blank_line = 0;
  int last_record_line = kHeaderLines;
  std::string_view line;
  while (cursor.next(line)) {
    const int ln = cursor.line_number();
    if (trim(line).empty()) {
      if (first_blank_line == 0) first_blank_line = ln;
      continue;  // blank lines at the end are harmless; in between they are caught below
    }
    if (first_blank_line != 0)
      r.fail(first_blank_line, 0, "record",
             "blank line among the hourly records (the next record is on line " +
                 std::to_string(ln) + ")");
    if (year_complete)
      r.fail(ln, 1, "month",
             "record after Dec 31 hour 24; an EPW file holds one year of hourly records");

    split_commas(line, f);
    if (f.count < kMinDataFields)
      r.fail(ln, static_cast<int>(line.size()) + 1,
             kEpwFieldNames[static_cast<std::size_t>(f.count)],
             "record ends after " + std::to_string(f.count) + " fields; an EPW record has " +
                 std::to_string(kEpwFieldCount) + " (truncated line?)");
    if (fields_per_record == 0) fields_per_record = f.count;
    if (f.count < fields_per_record)
      r.fail(
          ln, static_cast<int>(line.size()) + 1,
          f.count < kEpwFieldCount ? kEpwFieldNames[static_cast<std::size_t>(f.count)] : "record",
          "record ends after " + std::to_string(f.count) + " fields, the first record (line " +
              std::to_string(first_data_line) + ") has " + std::to_string(fields_per_record) +
              " (truncated line?)");
    if (f.count > fields_per_record)
      r.fail(ln, 0, "record",
             "record has " + std::to_string(f.count) + " fields, the first record (line " +
                 std::to_string(first_data_line) + ") has " + std::to_string(fields_per_record));

    // Calendar: the year column is free (typical years mix years), the rest must follow.
    r.integer(f, kYear, ln, "year", -9999, 9999);
    CalendarHour got;
    got.month = r.integer(f, kMonth, ln, "month", 1, 12);
    got.day = r.integer(f, kDay, ln, "day", 1, 31);
    got.hour = r.integer(f, kHour, ln, "hour", 1, 24);
    r.integer(f, kMinute, ln, "minute", 0, 60);
    const bool first = year.hours.empty();
    if (!first && previous.month == 2 && previous.day == 28 && previous.hour == 24 &&
        got.month == 2 && got.day == 29 && got.hour == 1) {
      year.has_leap_day = true;  // a leap-year file: Feb 29 follows Feb 28
      expect = got;
    }
    if (got.month != expect.month || got.day != expect.day || got.hour != expect.hour) {
      const int field = got.month != expect.month ? kMonth : got.day != expect.day ? kDay : kHour;
      const auto key = [](const CalendarHour& c) { return (c.month * 100 + c.day) * 100 + c.hour; };
      const std::string what =
          first ? "the first record must be Jan 1 hour 1"
          : key(got) < key(expect)
              ? "duplicate or out-of-order record after " + describe(previous)
              : "records missing from " + describe(expect) + " up to this line";
      r.fail(ln, f.column[static_cast<std::size_t>(field)],
             kEpwFieldNames[static_cast<std::size_t>(field)],
             "expected " + describe(expect) + ", found " + describe(got) + "; " + what +
                 " (records run hour by hour from Jan 1 hour 1 to Dec 31 hour 24)");
    }
    previous = got;
    // Advance the expected calendar hour.
    if (++expect.hour > 24) {
      expect.hour = 1;
      if (++expect.day > days_in_month(expect.month, year.has_leap_day)) {
        expect.day = 1;
        if (++expect.month > 12) year_complete = true;
      }
    }

    WeatherHour hour;
    std::uint16_t missing_bits = 0;
    for (std::size_t k = 0; k < kNumericFields.size(); ++k) {
      const NumericField& spec = kNumericFields[k];
      const char* name = kEpwFieldNames[static_cast<std::size_t>(spec.epw_index)];
      const double value = r.number(f, spec.epw_index, ln, name);
      if (value >= spec.missing_at) {
        missing_bits = static_cast<std::uint16_t>(missing_bits | (1u << k));
        continue;
      }
      if (value < spec.min || value > spec.max) {
        const auto i = static_cast<std::size_t>(spec.epw_index);
        r.fail(ln, f.column[i], name,
               "'" + std::string(trim(f.text[i])) + "' is outside the valid range " +
                   EpwReader::format(spec.min) + ".." + EpwReader::format(spec.max) + " " +
                   spec.unit + " (EPW marks a missing value with " +
                   EpwReader::format(spec.missing_at) + ")");
      }
      hour.*spec.member = value;
    }

    // Albedo is optional and rarely filled: blank, absent or >= 999 means "use the default".
    hour.albedo = kDefaultAlbedo;
    bool albedo_default = true;
    if (f.count > kAlbedo && !trim(f.text[kAlbedo]).empty()) {
      const double value = r.number(f, kAlbedo, ln, "albedo");
      if (value < 999.0) {
        if (value < 0.0 || value > 1.0)
          r.fail(ln, f.column[kAlbedo], "albedo",
                 "'" + std::string(trim(f.text[kAlbedo])) +
                     "' is outside the valid range 0..1 (EPW marks a missing value with 999)");
        hour.albedo = value;
        albedo_default = false;
      }
    }
    if (albedo_default) ++year.albedo_default_hours;

    year.hours.push_back(hour);
    missing.push_back(missing_bits);
    last_record_line = ln;
  }

  if (!year_complete) {
    const std::size_t want = year.has_leap_day ? 8784 : 8760;
    r.fail(last_record_line, 0, "hour",
           "file ends after " + std::to_string(year.hours.size()) + " hourly records (expected " +
               std::to_string(want) + (year.has_leap_day ? ", the file has Feb 29" : " or 8784") +
               "); the next record would be " + describe(expect) + " (truncated file?)");
  }

  for (std::size_t k = 0; k < kNumericFields.size(); ++k)
    repair_missing(r, kNumericFields[k], static_cast<std::uint16_t>(1u << k), missing,
                   first_data_line, year.has_leap_day, year.hours, year.warnings);
  return year;
}

}  // namespace zeropark
