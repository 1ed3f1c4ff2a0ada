#include "compare.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>

#include "cli_options.h"
#include "kpi_table.h"
#include "progress.h"
#include "zeropark/error.h"
#include "zeropark/hdf5_trace.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

namespace zeropark::cli {
namespace {

constexpr const char* kCompareHelp =
    "Usage: zeropark compare SCENARIO.yaml --controllers A,B,... [options]\n"
    "\n"
    "Runs the scenario once per controller — same park, same seed, same inputs — and prints the KPI\n"
    "tables side by side. Each controller replaces the scenario's supervisory controller (local\n"
    "controllers stay). A name is a built-in controller; a value with '/' or ending in .so is a\n"
    "plug-in's path.\n"
    "\n"
    "Options:\n"
    "      --controllers LIST   comma-separated controllers to compare (required)\n"
    "  -o, --output-dir DIR     also write one trace per controller: DIR/SCENARIO_NAME.CONTROLLER.h5\n"
    "                           (CONTROLLER: its name, a plug-in's own)\n"
    "                           (the trace's root attribute 'controller' names it)\n"
    "      --start ISO, --end ISO, --seed N, --resolution SECONDS\n"
    "                           override the scenario's simulation section, as for 'zeropark run'\n"
    "      --no-baseline        skip the baseline runs (no CO2-avoided figures)\n"
    "      --quiet              no progress line\n"
    "  -h, --help               this text\n"
    "\n"
    "Exit codes: 0 ok, 2 bad command line, 3 bad input, 4 a run failed.\n";

struct CompareCommand {
  std::string scenario;
  std::vector<std::string> controllers;
  std::optional<std::filesystem::path> output_dir;
  RunOverrides overrides;
  bool baseline = true;
  bool quiet = false;
};

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) items.push_back(item);
  return items;
}

CompareCommand parse_compare(const std::vector<std::string>& args) {
  CompareCommand cmd;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw UsageError{a + " needs a value"};
      return args[++i];
    };
    if (a == "--controllers")
      cmd.controllers = split_list(value());
    else if (a == "-o" || a == "--output-dir")
      cmd.output_dir = value();
    else if (a == "--controller")
      throw UsageError{"compare takes --controllers (a list), not --controller"};
    else if (parse_override(args, i, cmd.overrides))
      continue;
    else if (a == "--no-baseline")
      cmd.baseline = false;
    else if (a == "--quiet" || a == "-q")
      cmd.quiet = true;
    else
      take_scenario(a, cmd.scenario);
  }
  if (cmd.scenario.empty()) throw UsageError{"no scenario given"};
  if (cmd.controllers.empty()) throw UsageError{"--controllers needs at least one controller"};
  if (cmd.output_dir && !std::filesystem::is_directory(*cmd.output_dir))
    throw UsageError{"-o: folder '" + cmd.output_dir->string() + "' does not exist"};
  return cmd;
}

// Each run's column heading: its controller's name (a plug-in's own), made unique with #2, #3...
// when two share one (a plug-in may call itself like a built-in).
std::vector<std::string> labels_of(const std::vector<ParkModel>& models) {
  std::vector<std::string> labels;
  for (const ParkModel& m : models) {
    std::string label = m.controller;
    for (int k = 2; std::find(labels.begin(), labels.end(), label) != labels.end(); ++k)
      label = m.controller + "#" + std::to_string(k);
    labels.push_back(label);
  }
  return labels;
}

int compare(const CompareCommand& cmd) {
  ParkSpec spec;
  try {
    spec = read_scenario_file(cmd.scenario);
  } catch (const InputError& e) {
    std::fprintf(stderr, "zeropark: error: %s\n", e.what());
    return kExitBadInput;
  }
  // Every model first, so a bad controller fails before an hour of runs, not after it.
  std::vector<ParkModel> models;
  for (const std::string& controller : cmd.controllers) {
    RunOverrides overrides = cmd.overrides;
    overrides.controller = controller;
    ParkSpec variant = spec;
    apply_overrides(variant, overrides);
    try {
      models.push_back(compile_park(variant));
    } catch (const InputError& e) {
      std::fprintf(stderr, "zeropark: error: %s%s\n", e.what(), overriding_option(overrides, e.field()));
      return kExitBadInput;
    }
  }
  for (const std::string& warning : models.front().warnings)
    std::fprintf(stderr, "zeropark: warning: %s\n", warning.c_str());
  const bool show_progress = !cmd.quiet && isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
  const std::vector<std::string> labels = labels_of(models);
  std::vector<std::string> headings;
  std::vector<KpiTable> tables;
  std::vector<RunResult> results;
  for (std::size_t i = 0; i < models.size(); ++i) {
    const ParkModel& model = models[i];
    const std::string& label = labels[i];
    try {
      std::optional<Hdf5TraceSink> trace;
      if (cmd.output_dir) trace.emplace(*cmd.output_dir / (model.name + "." + label + ".h5"));
      RunOptions options;
      options.with_baseline = cmd.baseline;
      options.stop_on_signal = true;
      if (show_progress) options.on_progress = [&](const RunProgress& p) { print_progress(model.start, p); };
      RunResult result = run_park(model, trace ? &*trace : nullptr, options);
      if (show_progress) end_progress();
      if (trace) trace->commit(result.kpis, result.baseline_kpis);
      std::printf("%-20s %12llu events  %8.3f s wall\n", label.c_str(), static_cast<unsigned long long>(result.events),
                  result.wall_s);
      headings.push_back(label);
      tables.push_back(result.kpis);
      results.push_back(std::move(result));
    } catch (const RunInterrupted&) {
      if (show_progress) end_progress();
      std::fprintf(stderr, "zeropark: interrupted during '%s'\n", label.c_str());
      return kExitInterrupted;
    } catch (const std::exception& e) {
      if (show_progress) end_progress();
      std::fprintf(stderr, "zeropark: run with '%s' failed: %s\n", label.c_str(), e.what());
      return kExitRunFailed;
    }
  }
  std::printf("\nZeroPark — %s: %zu controllers, same seed (%llu) and inputs\n\n", models.front().name.c_str(),
              models.size(), static_cast<unsigned long long>(models.front().seed));
  print_kpi_columns(stdout, headings, tables);
  for (std::size_t i = 0; i < results.size(); ++i)
    print_controller_statistics(stdout, headings[i], results[i].controller_statistics);
  return 0;
}

}  // namespace

int compare_command(const std::vector<std::string>& args) {
  for (const std::string& a : args)
    if (a == "-h" || a == "--help") {
      std::fputs(kCompareHelp, stdout);
      return 0;
    }
  try {
    return compare(parse_compare(args));
  } catch (const UsageError& e) {
    std::fprintf(stderr, "zeropark compare: %s\n\n%s", e.message.c_str(), kCompareHelp);
    return kExitUsage;
  }
}

}  // namespace zeropark::cli
