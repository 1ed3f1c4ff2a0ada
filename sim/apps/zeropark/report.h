// zeropark report: KPIs and attribution recomputed from an HDF5 trace, and its HTML report.
#pragma once

#include <string>
#include <vector>

namespace zeropark::cli {

// `args` follow "report". Returns the process's exit code.
int report_command(const std::vector<std::string>& args);

}  // namespace zeropark::cli
