// zeropark sweep: runs every variant of a sweep file, each in its own process, and merges their
// KPIs into one CSV.
#pragma once

#include <string>
#include <vector>

namespace zeropark::cli {

// `args` follow "sweep". Returns the process's exit code.
int sweep_command(const std::vector<std::string>& args);

}  // namespace zeropark::cli
