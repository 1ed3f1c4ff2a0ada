// A one-line progress display on stderr for long runs.
#pragma once

#include "zeropark/civil_time.h"
#include "zeropark/run.h"

namespace zeropark::cli {

// Rewrites one stderr line: simulated date, % done, events per second.
void print_progress(const CivilTime& start, const RunProgress& progress);
// Ends the progress line so later output starts on a fresh line.
void end_progress();

}  // namespace zeropark::cli
