// zeropark: the command-line front end.
//
//   zeropark run SCENARIO.yaml [-o TRACE.h5] [--start ISO] [--end ISO] [--seed N]
//                [--resolution SECONDS] [--controller NAME|PLUGIN.so] [--quiet] [--no-baseline] [--compress]
//   zeropark compare SCENARIO.yaml --controllers A,B,... [options]   (compare.cc)
//   zeropark sweep SWEEP.yaml [-j N] [-o RESULTS.csv] [--baseline] [--quiet]   (sweep.cc)
//   zeropark schema [--json|--sweep-json]   the scenario format's reference (Markdown) or JSON Schemas
//   zeropark --help | --version
//
// Exit codes: 0 success, 2 bad command line, 3 bad input (scenario, weather, profiles),
// 4 failure while simulating or writing the trace, 130 interrupted by SIGINT/SIGTERM.
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli_options.h"
#include "compare.h"
#include "kpi_table.h"
#include "progress.h"
#include "report.h"
#include "sweep.h"
#include "zeropark/controller.h"
#include "zeropark/error.h"
#include "zeropark/hdf5_trace.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

#ifndef ZEROPARK_VERSION
#define ZEROPARK_VERSION "dev"
#endif

namespace {

using namespace zeropark::cli;

constexpr const char* kMainHelp =
    "zeropark " ZEROPARK_VERSION
    " — discrete-event simulator of low- and zero-carbon parks\n"
    "\n"
    "Usage:\n"
    "  zeropark run SCENARIO.yaml [options]   simulate a park, write its HDF5 trace, print KPIs\n"
    "  zeropark compare SCENARIO.yaml --controllers a,b,...\n"
    "                                         run the park under each controller, KPIs side by side\n"
    "  zeropark sweep SWEEP.yaml [-j N]       run a grid of scenario variants, KPIs to one CSV\n"
    "  zeropark report TRACE.h5 [--json] [--html DIR] [--top N]\n"
    "                                         KPIs and attribution recomputed from a trace; HTML report\n"
    "  zeropark schema [--json|--sweep-json]  the scenario format's reference (Markdown), or the JSON\n"
    "                                         Schema of scenarios or sweep files, for editors\n"
    "  zeropark --version                     print the version\n"
    "  zeropark --help                        this text\n"
    "\n"
    "Run 'zeropark run --help' for the run options. Scenario keys: docs/scenarios.md.\n";

constexpr const char* kRunHelp =
    "Usage: zeropark run SCENARIO.yaml [options]\n"
    "\n"
    "Simulates the scenario, writes its trace and prints the KPI table (with the baseline: the\n"
    "same park without PV and batteries).\n"
    "\n"
    "Options:\n"
    "  -o, --output TRACE.h5    trace file (default: SCENARIO_NAME.h5 in the current folder)\n"
    "      --start ISO          override simulation.start (e.g. 2023-06-01T00:00)\n"
    "      --end ISO            override simulation.end (exclusive)\n"
    "      --seed N             override simulation.seed\n"
    "      --resolution SECONDS override simulation.resolution_s (must divide 3600)\n"
    "      --controller NAME    override simulation.controller (a built-in, or a plug-in's path)\n"
    "      --quiet              no progress line\n"
    "      --no-baseline        skip the baseline run (no CO2-avoided figures)\n"
    "      --compress           shuffle+deflate the trace (smaller, slower)\n"
    "  -h, --help               this text\n"
    "\n"
    "Progress (simulated date, % done, events/s) goes to stderr while stdout is a terminal.\n"
    "Ctrl-C (SIGINT) or SIGTERM stops the run at the next decision and writes no trace.\n"
    "Exit codes: 0 ok, 2 bad command line, 3 bad input, 4 run failed, 130 interrupted.\n";

struct RunCommand {
  std::string scenario;
  std::optional<std::string> output;
  zeropark::RunOverrides overrides;
  bool quiet = false;
  bool baseline = true;
  bool compress = false;
};

RunCommand parse_run(const std::vector<std::string>& args) {
  RunCommand cmd;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw UsageError{a + " needs a value"};
      return args[++i];
    };
    if (a == "-o" || a == "--output")
      cmd.output = value();
    else if (parse_override(args, i, cmd.overrides))
      continue;
    else if (a == "--quiet" || a == "-q")
      cmd.quiet = true;
    else if (a == "--no-baseline")
      cmd.baseline = false;
    else if (a == "--compress")
      cmd.compress = true;
    else
      take_scenario(a, cmd.scenario);
  }
  if (cmd.scenario.empty()) throw UsageError{"no scenario given"};
  return cmd;
}

// A trace may replace an older trace, never anything else: a typo in -o must not destroy the
// scenario, a profile or a folder. Returns why the path is refused, or "" when it is fine.
std::string refuse_output(const std::filesystem::path& output) {
  std::error_code error;
  if (std::filesystem::is_directory(output, error)) return "'" + output.string() + "' is a folder";
  if (!std::filesystem::exists(output, error)) {
    const std::filesystem::path folder = output.has_parent_path() ? output.parent_path() : ".";
    if (!std::filesystem::is_directory(folder, error)) return "folder '" + folder.string() + "' does not exist";
    return "";
  }
  std::ifstream in(output, std::ios::binary);
  char signature[8] = {};
  in.read(signature, sizeof signature);
  static constexpr char kHdf5Signature[8] = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};
  if (!in || std::memcmp(signature, kHdf5Signature, sizeof signature) != 0)
    return "refusing to overwrite '" + output.string() + "': it exists and is not an HDF5 file";
  return "";
}

int run(const RunCommand& cmd) {
  using namespace zeropark;
  ParkModel model;
  try {
    ParkSpec spec = read_scenario_file(cmd.scenario);
    apply_overrides(spec, cmd.overrides);
    model = compile_park(spec);
  } catch (const InputError& e) {
    std::fprintf(stderr, "zeropark: error: %s%s\n", e.what(), overriding_option(cmd.overrides, e.field()));
    return kExitBadInput;
  }
  for (const std::string& warning : model.warnings) std::fprintf(stderr, "zeropark: warning: %s\n", warning.c_str());
  const std::filesystem::path output = cmd.output ? *cmd.output : model.name + ".h5";
  if (const std::string refusal = refuse_output(output); !refusal.empty()) {
    std::fprintf(stderr, "zeropark run: -o: %s\n", refusal.c_str());
    return kExitUsage;
  }
  // Progress is for a person watching: only when both outputs are a terminal (a redirected
  // stderr would collect carriage-return lines; a redirected stdout means a script is reading).
  bool show_progress = !cmd.quiet && isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
  try {
    Hdf5TraceSink trace(output, {cmd.compress});
    RunOptions options;
    options.with_baseline = cmd.baseline;
    options.stop_on_signal = true;
    if (show_progress) options.on_progress = [&](const RunProgress& p) { cli::print_progress(model.start, p); };
    const RunResult result = run_park(model, &trace, options);
    if (show_progress) cli::end_progress();
    show_progress = false;  // the line is closed; a later failure must not close it again
    trace.commit(result.kpis, result.baseline_kpis);
    std::printf("ZeroPark %s — %s\n", ZEROPARK_VERSION, model.name.c_str());
    std::printf("trace: %s (%llu events, %.1f bytes/event)\n", output.string().c_str(),
                static_cast<unsigned long long>(result.events),
                result.events ? static_cast<double>(trace.bytes_written()) / static_cast<double>(result.events) : 0.0);
    std::printf("wall time: %.3f s (%.0f events/s%s)\n\n", result.wall_s,
                result.wall_s > 0 ? static_cast<double>(result.events) / result.wall_s : 0.0,
                cmd.baseline ? ", baseline run included" : "");
    cli::print_kpi_table(stdout, result.kpis);
    cli::print_controller_statistics(stdout, model.controller, result.controller_statistics);
  } catch (const RunInterrupted& e) {
    if (show_progress) cli::end_progress();
    std::fprintf(stderr, "zeropark: interrupted at %s; no trace written\n",
                 cli::format_sim_time(model.start, e.tick).c_str());
    return kExitInterrupted;
  } catch (const std::exception& e) {
    if (show_progress) cli::end_progress();
    std::fprintf(stderr, "zeropark: run failed: %s (no trace written)\n", e.what());
    return kExitRunFailed;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {  // a usage error: the help goes where errors go
    std::fputs(kMainHelp, stderr);
    return kExitUsage;
  }
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::fputs(kMainHelp, stdout);
    return 0;
  }
  if (args[0] == "--version") {
    std::printf("zeropark %s\n", ZEROPARK_VERSION);
    return 0;
  }
  if (args[0] == "schema") {
    // Markdown for people (docs/scenarios.md); JSON Schema for editors (docs/editor.md).
    const std::string format = args.size() > 1 ? args[1] : "";
    if (format.empty())
      std::fputs(zeropark::scenario_reference_markdown().c_str(), stdout);
    else if (format == "--json")
      std::fputs(zeropark::scenario_json_schema().c_str(), stdout);
    else if (format == "--sweep-json")
      std::fputs(zeropark::sweep_json_schema().c_str(), stdout);
    else {
      std::fprintf(stderr, "zeropark schema: unknown option '%s' (expected --json or --sweep-json)\n", format.c_str());
      return kExitUsage;
    }
    return 0;
  }
  if (args[0] == "run") {
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const std::string& a : rest)
      if (a == "-h" || a == "--help") {
        std::fputs(kRunHelp, stdout);
        std::fputs("\nControllers (simulation.controller):", stdout);
        for (std::string_view name : zeropark::controller_names())
          std::printf(" %.*s", static_cast<int>(name.size()), name.data());
        std::fputs("\n", stdout);
        return 0;
      }
    try {
      return run(parse_run(rest));
    } catch (const UsageError& e) {
      std::fprintf(stderr, "zeropark run: %s\n\n%s", e.message.c_str(), kRunHelp);
      return kExitUsage;
    }
  }
  if (args[0] == "sweep") return zeropark::cli::sweep_command(std::vector<std::string>(args.begin() + 1, args.end()));
  if (args[0] == "report") return zeropark::cli::report_command(std::vector<std::string>(args.begin() + 1, args.end()));
  if (args[0] == "compare")
    return zeropark::cli::compare_command(std::vector<std::string>(args.begin() + 1, args.end()));
  std::fprintf(stderr, "zeropark: unknown command '%s'\n\n%s", args[0].c_str(), kMainHelp);
  return kExitUsage;
}
