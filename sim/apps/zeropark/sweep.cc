#include "sweep.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "cli_options.h"
#include "sweep_file.h"
#include "sweep_records.h"
#include "sweep_results.h"
#include "sweep_shards.h"
#include "zeropark/error.h"
#include "zeropark/hdf5_trace.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

namespace zeropark::cli {
namespace {

constexpr const char* kSweepHelp =
    "Usage: zeropark sweep SWEEP.yaml [options]\n"
    "\n"
    "Runs every variant of the sweep file (a grid of its parameters' values, or a Latin-hypercube\n"
    "or Sobol' sample), each in its own process, and writes one row per variant, as CSV and HDF5:\n"
    "its parameters, status, error, wall time, KPIs and Pareto-front flag. Each variant's result is\n"
    "kept in RESULTS.variants/ beside them, so running the same command again skips the variants\n"
    "already done. Format: docs/sweeps.md.\n"
    "\n"
    "Options:\n"
    "  -j, --jobs N             run at most N variants at once (default: the number of cores,\n"
    "                           shared among the MPI ranks of one machine)\n"
    "  -o, --output RESULTS.csv the merged results; RESULTS.h5 goes beside it\n"
    "                           (default: SWEEP_NAME.csv in the current folder)\n"
    "      --baseline           also run each variant's baseline (adds the CO2-avoided KPIs)\n"
    "      --shard R/K          run only shard R of K (variants i with i mod K = R), no merge\n"
    "      --merge              run nothing: merge the variants' results into RESULTS.csv/.h5\n"
    "      --quiet              no progress line\n"
    "  -h, --help               this text\n"
    "\n"
    "On a cluster: 'mpirun -np K zeropark sweep SWEEP.yaml' shards the variants over K ranks and\n"
    "rank 0 merges; in a Slurm job array each task runs its shard (SLURM_ARRAY_TASK_ID/COUNT) and\n"
    "the last to finish merges.\n"
    "\n"
    "Exit codes: 0 the sweep ran (failed variants are reported in the results), 2 bad command line,\n"
    "3 bad sweep file or scenario, 4 results not written.\n";

struct SweepCommand {
  std::string sweep_file;
  std::optional<std::filesystem::path> output;
  unsigned jobs = 0;
  bool baseline = false;
  bool quiet = false;
  bool merge = false;
  std::optional<Shard> shard;
  std::optional<std::filesystem::path> bundle_out;  // zeropark-mpi: where this shard's records go
  std::vector<std::filesystem::path> bundles_in;    // zeropark-mpi: the ranks' records, to merge
};

SweepCommand parse_sweep(const std::vector<std::string>& args) {
  SweepCommand cmd;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw UsageError{a + " needs a value"};
      return args[++i];
    };
    if (a == "-j" || a == "--jobs") {
      cmd.jobs = parse_integer<unsigned>(a, value());
      if (cmd.jobs == 0) throw UsageError{a + " must be at least 1"};
    } else if (a == "-o" || a == "--output") {
      cmd.output = value();
    } else if (a == "--baseline") {
      cmd.baseline = true;
    } else if (a == "--quiet" || a == "-q") {
      cmd.quiet = true;
    } else if (a == "--merge") {
      cmd.merge = true;
    } else if (a == "--shard") {
      cmd.shard = parse_shard(a, value());
    } else if (a == "--bundle-out") {
      cmd.bundle_out = value();
    } else if (a == "--bundle-in") {
      cmd.bundles_in.emplace_back(value());
    } else {
      take_scenario(a, cmd.sweep_file);
    }
  }
  if (cmd.sweep_file.empty()) throw UsageError{"no sweep file given"};
  if (cmd.merge && cmd.shard) throw UsageError{"--merge and --shard exclude each other"};
  if (cmd.jobs == 0) {
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    cmd.jobs = cores > 0 ? static_cast<unsigned>(cores) : 1;
  }
  return cmd;
}

// A variant ready to run: its scenario text, the seed it runs with, and its fingerprint.
struct Variant {
  std::string text;
  std::optional<std::uint64_t> seed;  // replaces simulation.seed; none: the variant's own
  std::string fingerprint;
};

// The sweep file, read and checked, and its variants. Throws InputError.
struct LoadedSweep {
  SweepFile sweep;
  std::vector<Variant> variants;
};

LoadedSweep load_sweep(const std::string& sweep_file, bool baseline) {
  LoadedSweep loaded;
  SweepFile& sweep = loaded.sweep;
  sweep = read_sweep_file(sweep_file);
  std::ifstream in(sweep.scenario, std::ios::binary);
  if (!in)
    throw InputError({sweep.scenario.string(), 0, 0}, "",
                     "cannot open scenario file (named by " + sweep.file.string() + ")");
  std::ostringstream text;
  text << in.rdbuf();
  const std::string scenario_text = text.str();
  const ParkSpec base = read_scenario_text(scenario_text, sweep.scenario);  // must read before any variant runs
  check_parameter_keys(sweep, scenario_text);
  if (sweep.independent_random_numbers)
    for (const SweepParameter& p : sweep.parameters)
      if (p.key == "simulation.seed")
        throw InputError({sweep.file.string(), p.line, 0}, "random_numbers",
                         "independent random numbers choose each variant's seed: do not sweep simulation.seed too");
  const std::uint64_t base_seed = sweep.seed ? *sweep.seed : static_cast<std::uint64_t>(base.simulation.seed);
  for (std::size_t i = 0; i < variant_count(sweep); ++i) {
    Variant v;
    v.text = variant_scenario_text(sweep, scenario_text, variant_values(sweep, i));
    if (sweep.independent_random_numbers)
      v.seed = independent_seed(base_seed, i);
    else
      v.seed = sweep.seed;
    // A run without its trace must not pass for one with it.
    v.fingerprint = fingerprint_of(
        v.text, (v.seed ? std::to_string(*v.seed) : "of the scenario") + (sweep.traces ? " with trace" : ""), baseline);
    loaded.variants.push_back(std::move(v));
  }
  return loaded;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The child's whole life: compile the variant, run it, write its record. Never returns.
[[noreturn]] void run_variant_child(const SweepFile& sweep, const Variant& variant, bool baseline,
                                    const std::filesystem::path& stem) {
  const std::filesystem::path record_path = stem.string() + ".result", log_path = stem.string() + ".log";
  const auto start = std::chrono::steady_clock::now();
  // SimGrid and warnings write to stdout/stderr: into the variant's log, not over the progress line.
  const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (log >= 0) {
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    close(log);
  }
  std::signal(SIGINT, SIG_DFL);
  VariantRecord record;
  record.fingerprint = variant.fingerprint;
  int code = 0;
  try {
    ParkSpec spec = read_scenario_text(variant.text, sweep.scenario);
    if (variant.seed) {
      RunOverrides overrides;
      overrides.seed = variant.seed;
      apply_overrides(spec, overrides);
    }
    const ParkModel model = compile_park(spec);
    for (const std::string& warning : model.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
    RunOptions options;
    options.with_baseline = baseline;
    std::optional<Hdf5TraceSink> trace;
    if (sweep.traces) trace.emplace(stem.string() + ".h5");
    const RunResult result = run_park(model, trace ? &*trace : nullptr, options);
    if (trace) trace->commit(result.kpis, result.baseline_kpis);
    record.ok = true;
    for (const Kpi& kpi : result.kpis) record.kpis.emplace_back(kpi.key, kpi.value);
  } catch (const std::exception& e) {
    record.error = e.what();
    code = 1;
  }
  record.wall_s = seconds_since(start);
  std::fflush(stdout);
  std::fflush(stderr);
  if (!write_record(record_path, record)) code = 2;
  _exit(code);
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    const char* name = strsignal(signal);
    return "the variant's process was killed by signal " + std::to_string(signal) + " (" + (name ? name : "?") + ")";
  }
  return "the variant's process exited with code " + std::to_string(WEXITSTATUS(status)) + " and no result";
}

// Runs `to_run` at most `jobs` at a time; fills their records. Returns how many failed.
std::size_t run_variants(const LoadedSweep& loaded, const std::vector<std::size_t>& to_run,
                         const std::filesystem::path& folder, const SweepCommand& cmd,
                         std::vector<VariantRecord>& records) {
  const bool show_progress = !cmd.quiet && isatty(STDERR_FILENO);
  std::map<pid_t, std::pair<std::size_t, std::chrono::steady_clock::time_point>> running;
  std::size_t next = 0, finished = 0, failed = 0;
  const auto sweep_start = std::chrono::steady_clock::now();
  std::fflush(stdout);
  std::fflush(stderr);
  while (next < to_run.size() || !running.empty()) {
    if (next < to_run.size() && running.size() < cmd.jobs) {
      const std::size_t i = to_run[next++];
      const std::string stem = variant_file_stem(folder, i).string();
      const auto start = std::chrono::steady_clock::now();
      const pid_t pid = fork();
      if (pid == 0) run_variant_child(loaded.sweep, loaded.variants[i], cmd.baseline, stem);
      if (pid < 0) {
        records[i].fingerprint = loaded.variants[i].fingerprint;
        records[i].error = std::string("cannot start a process: ") + std::strerror(errno);
        ++finished;
        ++failed;
        continue;
      }
      running[pid] = {i, start};
      continue;
    }
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;  // no children left: cannot happen while `running` is not empty
    }
    const auto found = running.find(pid);
    if (found == running.end()) continue;
    const auto [i, start] = found->second;
    running.erase(found);
    const std::string stem = variant_file_stem(folder, i).string();
    std::optional<VariantRecord> record = read_record(stem + ".result");
    const bool clean_exit = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
    if (!record || record->fingerprint != loaded.variants[i].fingerprint || !clean_exit) {
      VariantRecord crash;
      crash.fingerprint = loaded.variants[i].fingerprint;
      crash.wall_s = seconds_since(start);
      crash.error = describe_exit(status) + " (log: " + stem + ".log)";
      write_record(stem + ".result", crash);
      record = crash;
    }
    if (!record->ok) ++failed;
    records[i] = *record;
    ++finished;
    if (show_progress) {
      std::fprintf(stderr, "\rsweep: %zu/%zu run, %zu failed, %zu running, %.0f s elapsed   ", finished, to_run.size(),
                   failed, running.size(), seconds_since(sweep_start));
      std::fflush(stderr);
    }
  }
  if (show_progress && !to_run.empty()) std::fputc('\n', stderr);
  return failed;
}

// Imports the records that ranks sent (zeropark-mpi) into the variants folder, so that a merge
// sees them as if they had run here. Only records of this sweep's variants are taken.
bool import_bundles(const SweepCommand& cmd, const LoadedSweep& loaded, const std::filesystem::path& folder) {
  for (const std::filesystem::path& path : cmd.bundles_in) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const auto bundle = parse_bundle(text.str());
    if (!in || !bundle) {
      std::fprintf(stderr, "zeropark sweep: cannot read the results bundle '%s'\n", path.string().c_str());
      return false;
    }
    for (const auto& [index, record] : *bundle)
      if (index < loaded.variants.size() && record.fingerprint == loaded.variants[index].fingerprint)
        write_record(variant_file_stem(folder, index).string() + ".result", record);
  }
  return true;
}

int write_tables(const std::filesystem::path& csv, const LoadedSweep& loaded,
                 const std::vector<VariantRecord>& records) {
  const SweepTable table = make_sweep_table(loaded.sweep, records);
  const std::filesystem::path h5 = std::filesystem::path(csv).replace_extension(".h5");
  if (!write_results_csv(csv, loaded.sweep, records, table) || !write_results_hdf5(h5, loaded.sweep, records, table)) {
    std::fprintf(stderr, "zeropark sweep: cannot write '%s' or '%s'\n", csv.string().c_str(), h5.string().c_str());
    return kExitRunFailed;
  }
  if (table.pareto) {
    const auto& objectives = loaded.sweep.pareto;
    std::printf("Pareto front (%s%s against %s%s): variants", objectives[0].maximise ? "max " : "",
                objectives[0].kpi.c_str(), objectives[1].maximise ? "max " : "", objectives[1].kpi.c_str());
    for (std::size_t i = 0; i < records.size(); ++i)
      if ((*table.pareto)[i]) std::printf(" %zu", i);
    std::printf("\n");
  }
  return 0;
}

int sweep(const SweepCommand& cmd, const std::vector<std::string>& args) {
  // Under mpirun every rank becomes zeropark-mpi, which runs this command again per shard.
  if (!cmd.shard && !cmd.merge)
    if (const std::optional<std::size_t> ranks = mpi_world_size(); ranks && *ranks > 1) {
      const std::string why = exec_mpi_launcher(args);
      std::fprintf(stderr, "zeropark sweep: started by mpirun with %zu ranks, but %s\n", *ranks, why.c_str());
      return kExitUsage;
    }
  std::optional<Shard> shard = cmd.shard;
  if (!shard && !cmd.merge) shard = slurm_array_shard();

  LoadedSweep loaded;
  try {
    loaded = load_sweep(cmd.sweep_file, cmd.baseline);
  } catch (const InputError& e) {
    std::fprintf(stderr, "zeropark sweep: error: %s\n", e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {  // YAML the scenario reader accepted but the emitter refused
    std::fprintf(stderr, "zeropark sweep: error: %s: %s\n", cmd.sweep_file.c_str(), e.what());
    return kExitBadInput;
  }
  const SweepFile& sweep = loaded.sweep;
  std::filesystem::path output = cmd.output ? *cmd.output : std::filesystem::path(sweep.file.stem().string() + ".csv");
  if (output.extension() == ".h5") output.replace_extension(".csv");  // -o x.h5: x.csv and x.h5
  if (std::filesystem::is_directory(output)) {
    std::fprintf(stderr, "zeropark sweep: -o: '%s' is a folder (give the CSV file's name)\n", output.string().c_str());
    return kExitUsage;
  }
  const std::filesystem::path parent = output.has_parent_path() ? output.parent_path() : ".";
  if (!std::filesystem::is_directory(parent)) {
    std::fprintf(stderr, "zeropark sweep: -o: folder '%s' does not exist\n", parent.string().c_str());
    return kExitUsage;
  }
  const std::filesystem::path folder = parent / (output.stem().string() + ".variants");
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    std::fprintf(stderr, "zeropark sweep: cannot create '%s': %s\n", folder.string().c_str(), error.message().c_str());
    return kExitUsage;
  }
  if (!import_bundles(cmd, loaded, folder)) return kExitBadInput;

  const std::size_t count = loaded.variants.size();
  std::vector<VariantRecord> records(count);
  std::vector<std::size_t> to_run;
  std::size_t skipped = 0, missing = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::optional<VariantRecord> done = read_record(variant_file_stem(folder, i).string() + ".result");
    const bool current = done && done->fingerprint == loaded.variants[i].fingerprint;
    if (cmd.merge || (shard && !shard->owns(i))) {
      // Not ours to run: take what is there (ok or failed), else mark it missing.
      if (current) {
        records[i] = *done;
      } else {
        records[i].fingerprint = loaded.variants[i].fingerprint;
        records[i].error = "no result yet: its shard has not run it";
        records[i].missing = true;
        ++missing;
      }
      continue;
    }
    // A failed variant runs again: its failure may have been the machine's (memory, a kill).
    if (current && done->ok) {
      records[i] = *done;
      ++skipped;
    } else {
      to_run.push_back(i);
    }
  }
  if (!cmd.merge)
    std::fprintf(stderr, "zeropark sweep: %zu variants of %s%s; %zu already done (skipped), %zu to run, %u at once\n",
                 count, sweep.scenario.string().c_str(),
                 shard ? (" (" + shard->source + ": variants i with i mod " + std::to_string(shard->count) + " = " +
                          std::to_string(shard->index) + ")")
                             .c_str()
                       : "",
                 skipped, to_run.size(), cmd.jobs);
  const auto start = std::chrono::steady_clock::now();
  run_variants(loaded, to_run, folder, cmd, records);

  if (cmd.bundle_out) {
    std::map<std::size_t, VariantRecord> mine;
    for (std::size_t i = 0; i < count; ++i)
      if (shard && shard->owns(i)) mine[i] = records[i];
    std::ofstream out(*cmd.bundle_out, std::ios::binary | std::ios::trunc);
    out << format_bundle(mine);
    if (!out) {
      std::fprintf(stderr, "zeropark sweep: cannot write '%s'\n", cmd.bundle_out->string().c_str());
      return kExitRunFailed;
    }
  }
  // Other shards may have finished meanwhile: look again at what they left.
  if (shard) {
    missing = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (shard->owns(i)) continue;
      const std::optional<VariantRecord> done = read_record(variant_file_stem(folder, i).string() + ".result");
      if (done && done->fingerprint == loaded.variants[i].fingerprint)
        records[i] = *done;
      else
        ++missing;  // still marked missing from the first look
    }
  }
  std::size_t failed = 0;
  for (const VariantRecord& r : records) failed += r.ok ? 0 : 1;
  failed -= missing;
  // A shard merges only when nothing is missing: the last Slurm array task to finish writes the
  // table; an MPI rank never does (rank 0 merges what the ranks send).
  const bool merge_now = cmd.merge || !shard || (missing == 0 && !cmd.bundle_out);
  if (merge_now) {
    if (const int code = write_tables(output, loaded, records)) return code;
    const std::string how = cmd.merge ? std::string("merged")
                                      : std::to_string(to_run.size()) + " run now in " +
                                            std::to_string(seconds_since(start)).substr(0, 6) + " s, " +
                                            std::to_string(skipped) + " skipped";
    std::printf("sweep: %zu variants, %zu ok, %zu failed%s (%s); results: %s\n", count, count - failed - missing,
                failed, missing ? (", " + std::to_string(missing) + " missing").c_str() : "", how.c_str(),
                output.string().c_str());
  } else {
    std::printf(
        "sweep: %s ran %zu variants in %.2f s (%zu skipped); %zu of %zu variants still to come from other "
        "shards\n",
        shard->source.c_str(), to_run.size(), seconds_since(start), skipped, missing, count);
  }
  return 0;
}

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
  for (const std::string& a : args)
    if (a == "-h" || a == "--help") {
      std::fputs(kSweepHelp, stdout);
      return 0;
    }
  try {
    return sweep(parse_sweep(args), args);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "zeropark sweep: %s\n\n%s", e.message.c_str(), kSweepHelp);
    return kExitUsage;
  }
}

}  // namespace zeropark::cli
