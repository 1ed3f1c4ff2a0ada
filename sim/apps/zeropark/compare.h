// zeropark compare: the same park under several controllers, same seed and inputs, one KPI table.
#pragma once

#include <string>
#include <vector>

namespace zeropark::cli {

// Runs the command with its arguments (after "compare"); returns the exit code.
int compare_command(const std::vector<std::string>& args);

}  // namespace zeropark::cli
