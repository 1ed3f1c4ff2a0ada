// B1: the default park for a year at hourly and 1-minute resolution — wall time, events/s,
// bytes of trace per event, peak memory, and the cost of a modelled control network; B2: the other
// scenarios' years at hourly resolution.
// Prints figures; asserts nothing.
//
//   zeropark_bench OUT_DIR DEFAULT_SCENARIO.yaml [OTHER_SCENARIO.yaml ...]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <span>

#include "zeropark/hdf5_trace.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

namespace {

struct Row {
  const char* label;
  zeropark::Tick resolution_s;
  bool trace;
  bool baseline;
  bool network = false;  // every battery, charger group and the meter on a 20 ms, 1 Mbit/s link
};

// A control network for the cost of SimGrid messages per decision: each storage device and the
// grid's meter on its own link (no gateway, no outage).
void add_network(zeropark::ParkModel& model) {
  using zeropark::VertexKind;
  zeropark::ControlNetworkModel& n = model.network;
  n.modelled = true;
  n.setpoint_timeout_s = 2 * model.decision_interval_s;
  const auto add = [&](VertexKind kind, std::size_t count, const std::string& prefix) {
    for (std::size_t i = 0; i < count; ++i)
      n.endpoints.push_back({kind, static_cast<int>(i), -1, {prefix + std::to_string(i), 0.02, 125000, {}}});
  };
  add(VertexKind::kGrid, 1, "meter");
  add(VertexKind::kBattery, model.batteries.size(), "battery");
  add(VertexKind::kEvCharger, model.ev_chargers.size(), "chargers");
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Times each row for one scenario and prints it.
void bench_scenario(const std::filesystem::path& scenario, std::span<const Row> rows, const std::filesystem::path& out_dir) {
  std::printf("%s\n", scenario.filename().string().c_str());
  for (const Row& row : rows) {
    zeropark::ParkSpec spec = zeropark::read_scenario_file(scenario);
    zeropark::RunOverrides overrides;
    overrides.resolution_s = row.resolution_s;
    zeropark::apply_overrides(spec, overrides);
    const auto compile_start = std::chrono::steady_clock::now();
    zeropark::ParkModel model = zeropark::compile_park(spec);
    if (row.network) add_network(model);
    const double compile_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - compile_start).count();
    const std::filesystem::path trace_path = out_dir / ("bench_" + std::to_string(row.resolution_s) + ".h5");
    std::unique_ptr<zeropark::Hdf5TraceSink> trace;
    if (row.trace) trace = std::make_unique<zeropark::Hdf5TraceSink>(trace_path);
    const auto start = std::chrono::steady_clock::now();
    zeropark::RunOptions options;
    options.with_baseline = row.baseline;
    const zeropark::RunResult result = zeropark::run_park(model, trace.get(), options);
    if (trace) trace->commit(result.kpis, result.baseline_kpis);
    const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double bytes_per_event =
        trace ? static_cast<double>(trace->bytes_written()) / static_cast<double>(result.events) : 0.0;
    std::printf("%-40s %10.3f %12llu %14.0f %12.1f %14.1f   (compile %.3f s)\n", row.label, wall_s,
                static_cast<unsigned long long>(result.events), static_cast<double>(result.events) / wall_s,
                bytes_per_event, static_cast<double>(peak_rss_kib()) / 1024.0, compile_s);
    std::fflush(stdout);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: zeropark_bench OUT_DIR DEFAULT_SCENARIO.yaml [OTHER_SCENARIO.yaml ...]\n");
    return 2;
  }
  const std::filesystem::path out_dir = argv[1];
  static const Row kRows[] = {
      {"year, hourly, trace, with baseline", 3600, true, true},
      {"year, hourly, no trace, no baseline", 3600, false, false},
      {"year, 1-minute, trace, with baseline", 60, true, true},
      {"year, 1-minute, no trace, no baseline", 60, false, false},
      {"year, hourly, no trace, control network", 3600, false, false, true},
  };
  std::printf("%-40s %10s %12s %14s %12s %14s\n", "case", "wall s", "events", "events/s", "bytes/event",
              "peak RSS MiB");
  // The default scenario at both resolutions; the others hourly.
  for (int arg = 2; arg < argc; ++arg) bench_scenario(argv[arg], std::span<const Row>(kRows, arg == 2 ? 5 : 2), out_dir);
  return 0;
}
