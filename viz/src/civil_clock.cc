// Howard Hinnant's days-from-civil algorithms (public domain), proleptic Gregorian.
#include "civil_clock.h"

#include <cstdint>
#include <cstdio>

namespace zeropark::view {

namespace {

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t seconds_of(const CivilTime& t) {
  return days_from_civil(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)) * 86400 + t.hour * 3600 +
         t.minute * 60 + t.second;
}

}  // namespace

CivilTime civil_at(const CivilTime& start, Tick tick) {
  const std::int64_t s = seconds_of(start) + tick;
  std::int64_t z = (s >= 0 ? s : s - 86399) / 86400;
  const std::int64_t secs = s - z * 86400;
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  CivilTime t;
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (t.month <= 2));
  t.hour = static_cast<int>(secs / 3600);
  t.minute = static_cast<int>(secs / 60 % 60);
  t.second = static_cast<int>(secs % 60);
  return t;
}

std::string format_civil(const CivilTime& t) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
  return text;
}

std::optional<Tick> tick_of_iso(const CivilTime& start, std::string_view iso) {
  CivilTime t;
  int used = 0;
  const std::string text(iso);
  const int fields = std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &t.year, &t.month, &t.day, &used);
  if (fields != 3 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31) return std::nullopt;
  if (static_cast<std::size_t>(used) < text.size()) {
    const char sep = text[static_cast<std::size_t>(used)];
    int rest = 0;
    if ((sep != 'T' && sep != ' ') ||
        std::sscanf(text.c_str() + used + 1, "%2d:%2d%n", &t.hour, &t.minute, &rest) != 2 ||
        static_cast<std::size_t>(used + 1 + rest) != text.size() || t.hour > 23 || t.minute > 59 || t.hour < 0 ||
        t.minute < 0)
      return std::nullopt;
  }
  return seconds_of(t) - seconds_of(start);
}

}  // namespace zeropark::view
