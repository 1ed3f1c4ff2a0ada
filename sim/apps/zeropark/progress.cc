#include "progress.h"

#include <cstdio>

#include "time/calendar.h"

namespace zeropark::cli {

void print_progress(const CivilTime& start, const RunProgress& p) {
  const CivilTime now = Calendar(start).at(p.tick);
  const double percent = p.end_tick > 0 ? 100.0 * static_cast<double>(p.tick) / static_cast<double>(p.end_tick) : 100.0;
  const double rate = p.wall_s > 0 ? static_cast<double>(p.events) / p.wall_s : 0.0;
  std::fprintf(stderr, "\r  %04d-%02d-%02d %02d:%02d  %5.1f %%  %9.0f events/s ", now.year, now.month, now.day,
               now.hour, now.minute, percent, rate);
  std::fflush(stderr);
}

void end_progress() { std::fputc('\n', stderr); }

std::string format_sim_time(const CivilTime& start, Tick tick) {
  const CivilTime t = Calendar(start).at(tick);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
  return text;
}

}  // namespace zeropark::cli
