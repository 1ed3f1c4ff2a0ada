// zeropark report: reads a trace, recomputes the shared KPI set and the per-asset and per-zone
// attribution (sim/src/report/), prints them as tables or as JSON, and on request runs the Python
// package's HTML report. Exit codes: 0 ok, 2 bad command line, 3 bad trace, 4 HTML report failed.
#include "report.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include "report/attribution.h"
#include "report/python_report.h"
#include "report/report_output.h"
#include "report/trace_kpis.h"
#include "report/trace_reader.h"

namespace zeropark::cli {
namespace {

constexpr const char* kReportHelp =
    "Usage: zeropark report TRACE.h5 [--json] [--html DIR] [--top N]\n"
    "\n"
    "Recomputes the KPIs from a trace's rows and compares each with the value the run recorded\n"
    "(marked * when they differ by more than 1e-9 relative), then shares each row's import CO2 and\n"
    "energy cost among what drew power in that row: a table per asset (sorted by CO2) and per zone\n"
    "(bus). Demand and capacity charges are not attributed. Definitions: docs/report.md.\n"
    "\n"
    "Options:\n"
    "      --json       print only the JSON object {\"kpis\", \"assets\", \"zones\"} (17 significant digits)\n"
    "      --html DIR   also write the HTML report to DIR with the Python package zeropark_analysis\n"
    "                   (/usr/bin/python3; the package from ZEROPARK_ANALYSIS_DIR, else\n"
    "                   <exe>/../../analysis, else <exe>/../share/zeropark/analysis)\n"
    "      --top N      asset rows in the table (default 20; 0 = all)\n"
    "  -h, --help       this text\n"
    "\n"
    "Exit codes: 0 ok (also when a KPI differs: a warning line says so), 2 bad command line,\n"
    "3 bad trace (missing, not HDF5, incomplete, a required dataset missing), 4 the HTML report failed.\n";

constexpr const char* kPython = "/usr/bin/python3";

struct ReportCommand {
  std::string trace;
  bool json = false;
  std::optional<std::string> html_dir;
  std::size_t top = 20;
  bool help = false;
};

struct Usage {
  std::string message;
};

ReportCommand parse_report(const std::vector<std::string>& args) {
  ReportCommand cmd;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw Usage{a + " needs a value"};
      return args[++i];
    };
    if (a == "-h" || a == "--help") {
      cmd.help = true;
    } else if (a == "--json") {
      cmd.json = true;
    } else if (a == "--html") {
      cmd.html_dir = value();
      if (cmd.html_dir->empty()) throw Usage{"--html needs a folder"};
    } else if (a == "--top") {
      const std::string& text = value();
      std::size_t used = 0;
      long long n = -1;
      try {
        n = std::stoll(text, &used);
      } catch (const std::exception&) {
      }
      if (used != text.size() || n < 0) throw Usage{"--top needs a whole number >= 0, not '" + text + "'"};
      cmd.top = n == 0 ? static_cast<std::size_t>(-1) : static_cast<std::size_t>(n);
    } else if (!a.empty() && a[0] == '-') {
      throw Usage{"unknown option '" + a + "'"};
    } else if (cmd.trace.empty()) {
      cmd.trace = a;
    } else {
      throw Usage{"one trace at a time ('" + cmd.trace + "' and '" + a + "')"};
    }
  }
  if (!cmd.help && cmd.trace.empty()) throw Usage{"no trace given"};
  return cmd;
}

int html_report(const ReportCommand& cmd) {
  std::vector<std::filesystem::path> tried;
  const std::optional<std::filesystem::path> analysis = report::find_analysis_dir(report::current_executable(), tried);
  if (!analysis) {
    std::string where;
    for (const std::filesystem::path& p : tried) where += "\n  " + p.string();
    std::fprintf(stderr,
                 "zeropark report: --html needs the Python package zeropark_analysis; not found in:%s\n"
                 "(set ZEROPARK_ANALYSIS_DIR to the source tree's analysis/ folder)\n",
                 where.c_str());
    return 4;
  }
  std::error_code error;
  if (!std::filesystem::exists(kPython, error)) {
    std::fprintf(stderr, "zeropark report: --html needs %s, which is missing (apt-get install python3)\n", kPython);
    return 4;
  }
  std::fflush(stdout);
  std::string failure;
  const int code = report::run_python_report(kPython, *analysis, cmd.trace, *cmd.html_dir, failure);
  if (code < 0) {
    std::fprintf(stderr, "zeropark report: %s\n", failure.c_str());
    return 4;
  }
  if (code != 0) {
    std::fprintf(stderr, "zeropark report: the Python HTML report failed (%s -m zeropark_analysis, exit %d%s)\n",
                 kPython, code, code == 127 ? ": could not run" : "");
    return 4;
  }
  std::fprintf(stderr, "html report: %s\n", cmd.html_dir->c_str());
  return 0;
}

}  // namespace

int report_command(const std::vector<std::string>& args) {
  ReportCommand cmd;
  try {
    cmd = parse_report(args);
  } catch (const Usage& u) {
    std::fprintf(stderr, "zeropark report: %s\n\n%s", u.message.c_str(), kReportHelp);
    return 2;
  }
  if (cmd.help) {
    std::fputs(kReportHelp, stdout);
    return 0;
  }
  try {
    const report::TraceFile trace(cmd.trace);
    const std::vector<report::RecomputedKpi> kpis = report::recompute_kpis(trace);
    const report::Attribution attribution = report::attribute(trace);
    std::ostringstream out;
    if (cmd.json)
      report::write_json(out, kpis, attribution);
    else
      report::write_tables(out, cmd.trace, report::check_against_recorded(trace, kpis), attribution, cmd.top);
    std::fputs(out.str().c_str(), stdout);
  } catch (const report::TraceError& e) {
    std::fprintf(stderr, "zeropark report: %s\n", e.what());
    return 3;
  }
  return cmd.html_dir ? html_report(cmd) : 0;
}

}  // namespace zeropark::cli
