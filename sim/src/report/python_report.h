// Runs the Python package's HTML report (analysis/zeropark_analysis) for `zeropark report --html`.
//
// The package is found without CMake's help, so an installed or moved binary still finds it:
// ZEROPARK_ANALYSIS_DIR if set, else <exe>/../../analysis (a build folder inside the source tree,
// e.g. build/sim/zeropark), else <exe>/../share/zeropark/analysis (an installed layout). A folder
// counts only if it holds zeropark_analysis/__init__.py.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zeropark::report {

// The folder to put on PYTHONPATH, or nullopt with `tried` listing every folder looked at.
std::optional<std::filesystem::path> find_analysis_dir(const std::filesystem::path& executable,
                                                       std::vector<std::filesystem::path>& tried);

// The running executable (/proc/self/exe), or "" when it cannot be read.
std::filesystem::path current_executable();

// Runs `python -m zeropark_analysis report TRACE --html DIR` with PYTHONPATH = analysis_dir
// (ahead of any PYTHONPATH already set); its stdout and stderr pass straight through. Returns its
// exit status (128 + signal when killed), or -1 with `error` set when it could not be started.
int run_python_report(const std::filesystem::path& python, const std::filesystem::path& analysis_dir,
                      const std::filesystem::path& trace, const std::filesystem::path& html_dir, std::string& error);

}  // namespace zeropark::report
