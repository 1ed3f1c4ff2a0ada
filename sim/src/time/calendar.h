// Civil calendar arithmetic for the park's local standard time (no daylight saving: China has
// none, and EPW files are in local standard time).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "zeropark/civil_time.h"
#include "zeropark/units.h"

namespace zeropark {

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Days since 1970-01-01 of a proleptic Gregorian date (negative before).
std::int64_t days_from_civil(int year, int month, int day);
// Seconds since 1970-01-01 00:00:00 of a civil time read as if it were UTC.
std::int64_t seconds_from_civil(const CivilTime& t);
CivilTime civil_from_seconds(std::int64_t seconds);

// ISO 8601 "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS"; nullopt when malformed or
// out of range.
std::optional<CivilTime> parse_iso(std::string_view text);
std::string format_iso(const CivilTime& t);

// Maps ticks of a run to local civil time and to the hour of a 365-day typical year (weather files,
// load profiles, hourly series). On 29 February the typical year's 28 February is reused.
class Calendar {
 public:
  explicit Calendar(CivilTime start);

  CivilTime at(Tick tick) const { return civil_from_seconds(start_seconds_ + tick); }
  std::int64_t start_seconds() const { return start_seconds_; }
  // 0..8759: the typical-year hour that contains this tick.
  int typical_year_hour(Tick tick) const;
  // Tick of the next whole local hour strictly after `tick`.
  Tick next_hour_boundary(Tick tick) const;

 private:
  std::int64_t start_seconds_;
};

// The typical-year hour index (0..8759) of a civil time.
int typical_year_hour(int month, int day, int hour);

}  // namespace zeropark
