// A one-line progress display on stderr for long runs.
#pragma once

#include <string>

#include "zeropark/civil_time.h"
#include "zeropark/run.h"

namespace zeropark::cli {

// Rewrites one stderr line: simulated date, % done, events per second.
void print_progress(const CivilTime& start, const RunProgress& progress);
// Ends the progress line so later output starts on a fresh line.
void end_progress();

// "YYYY-MM-DD HH:MM" of a tick of a run that started at `start`.
std::string format_sim_time(const CivilTime& start, Tick tick);

}  // namespace zeropark::cli
