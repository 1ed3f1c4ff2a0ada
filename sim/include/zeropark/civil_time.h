// A civil date-time in the park's local standard time (no daylight saving).
#pragma once

namespace zeropark {

struct CivilTime {
  int year = 2023;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 0;   // 0..23
  int minute = 0;
  int second = 0;
};

}  // namespace zeropark
