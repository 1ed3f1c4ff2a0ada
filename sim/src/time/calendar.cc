// Proleptic Gregorian calendar arithmetic on integer days, after the well-known civil-from-days
// algorithm (eras of 400 years, March-based years so that the leap day falls last). Integer-only,
// so every run maps ticks to dates identically on every machine.
#include "time/calendar.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace zeropark {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

std::int64_t days_from_civil(int year, int month, int day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t month_from_march = month > 2 ? month - 3 : month + 9;
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::int64_t seconds_from_civil(const CivilTime& t) {
  return days_from_civil(t.year, t.month, t.day) * kSecondsPerDay + t.hour * kSecondsPerHour +
         t.minute * kSecondsPerMinute + t.second;
}

CivilTime civil_from_seconds(std::int64_t seconds) {
  std::int64_t days = seconds / kSecondsPerDay;
  std::int64_t rest = seconds % kSecondsPerDay;
  if (rest < 0) {
    rest += kSecondsPerDay;
    --days;
  }
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  CivilTime t;
  t.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  t.month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  t.year = static_cast<int>(year_of_era + era * 400 + (t.month <= 2 ? 1 : 0));
  t.hour = static_cast<int>(rest / kSecondsPerHour);
  t.minute = static_cast<int>(rest % kSecondsPerHour / kSecondsPerMinute);
  t.second = static_cast<int>(rest % kSecondsPerMinute);
  return t;
}

namespace {

bool read_fixed_int(std::string_view text, std::size_t pos, std::size_t width, int& out) {
  if (pos + width > text.size()) return false;
  const char* first = text.data() + pos;
  for (std::size_t i = 0; i < width; ++i)
    if (first[i] < '0' || first[i] > '9') return false;
  return std::from_chars(first, first + width, out).ec == std::errc();
}

}  // namespace

std::optional<CivilTime> parse_iso(std::string_view text) {
  CivilTime t;
  if (!read_fixed_int(text, 0, 4, t.year) || text.size() < 10 || text[4] != '-' || text[7] != '-' ||
      !read_fixed_int(text, 5, 2, t.month) || !read_fixed_int(text, 8, 2, t.day))
    return std::nullopt;
  if (text.size() > 10) {
    if ((text[10] != 'T' && text[10] != ' ') || text.size() < 16 || text[13] != ':' ||
        !read_fixed_int(text, 11, 2, t.hour) || !read_fixed_int(text, 14, 2, t.minute))
      return std::nullopt;
    if (text.size() > 16) {
      if (text.size() != 19 || text[16] != ':' || !read_fixed_int(text, 17, 2, t.second))
        return std::nullopt;
    }
  }
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month) ||
      t.hour > 23 || t.minute > 59 || t.second > 59)
    return std::nullopt;
  return t;
}

std::string format_iso(const CivilTime& t) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return text;
}

int typical_year_hour(int month, int day, int hour) {
  static constexpr std::array<int, 12> kDaysBeforeMonth = {0,   31,  59,  90,  120, 151,
                                                           181, 212, 243, 273, 304, 334};
  if (month == 2 && day == 29) day = 28;  // a typical year has no leap day: reuse 28 February
  return (kDaysBeforeMonth[static_cast<std::size_t>(month - 1)] + day - 1) * 24 + hour;
}

Calendar::Calendar(CivilTime start) : start_seconds_(seconds_from_civil(start)) {}

int Calendar::typical_year_hour(Tick tick) const {
  const CivilTime t = at(tick);
  return zeropark::typical_year_hour(t.month, t.day, t.hour);
}

Tick Calendar::next_hour_boundary(Tick tick) const {
  const std::int64_t absolute = start_seconds_ + tick;
  std::int64_t into_hour = absolute % kSecondsPerHour;
  if (into_hour < 0) into_hour += kSecondsPerHour;
  return tick + (kSecondsPerHour - into_hour);
}

}  // namespace zeropark
