#include "sweep.h"

#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <algorithm>
#include <chrono>
#include <cinttypes>
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
#include "zeropark/error.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

namespace zeropark::cli {
namespace {

constexpr const char* kSweepHelp =
    "Usage: zeropark sweep SWEEP.yaml [options]\n"
    "\n"
    "Runs every variant of the sweep file (the full grid of its parameters' values), each in its\n"
    "own process, and writes one CSV row per variant: its parameters, status, error, wall time and\n"
    "KPIs. Each variant's result is kept in RESULTS.variants/ beside the CSV, so running the same\n"
    "command again skips the variants already done. Format: docs/sweeps.md.\n"
    "\n"
    "Options:\n"
    "  -j, --jobs N             run at most N variants at once (default: the number of cores)\n"
    "  -o, --output RESULTS.csv the merged results (default: SWEEP_NAME.csv in the current folder)\n"
    "      --baseline           also run each variant's baseline (adds the CO2-avoided KPIs)\n"
    "      --quiet              no progress line\n"
    "  -h, --help               this text\n"
    "\n"
    "Exit codes: 0 the sweep ran (failed variants are reported in the CSV), 2 bad command line,\n"
    "3 bad sweep file or scenario.\n";

struct SweepCommand {
  std::string sweep_file;
  std::optional<std::filesystem::path> output;
  unsigned jobs = 0;
  bool baseline = false;
  bool quiet = false;
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
    } else {
      take_scenario(a, cmd.sweep_file);
    }
  }
  if (cmd.sweep_file.empty()) throw UsageError{"no sweep file given"};
  if (cmd.jobs == 0) {
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    cmd.jobs = cores > 0 ? static_cast<unsigned>(cores) : 1;
  }
  return cmd;
}

// One variant's outcome, as its result file holds it.
struct VariantRecord {
  std::string fingerprint;
  bool ok = false;
  double wall_s = 0;
  std::string error;
  std::vector<std::pair<std::string, double>> kpis;
};

// Identifies what a variant computes: its scenario text (parameters set), the seed and whether
// the baseline runs. FNV-1a: stable across builds, unlike std::hash.
std::string fingerprint_of(const std::string& variant_text, const std::optional<std::uint64_t>& seed, bool baseline) {
  std::uint64_t hash = 14695981039346656037ull;
  const auto mix = [&](const std::string& text) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
  };
  mix(variant_text);
  mix(seed ? "\nseed " + std::to_string(*seed) : std::string("\nseed of the scenario"));
  mix(baseline ? "\nbaseline" : "\nno baseline");
  char text[17];
  std::snprintf(text, sizeof text, "%016" PRIx64, hash);
  return text;
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

// Written to a temporary name and renamed, so a crash mid-write never leaves a half record that
// a resumed sweep would trust.
bool write_record(const std::filesystem::path& path, const VariantRecord& record) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    char wall[40];
    std::snprintf(wall, sizeof wall, "%.6f", record.wall_s);
    out << "zeropark-sweep-variant 1\nfingerprint " << record.fingerprint << "\nstatus "
        << (record.ok ? "ok" : "failed") << "\nwall_s " << wall << "\nerror " << one_line(record.error) << "\n";
    for (const auto& [key, value] : record.kpis) {
      char number[40];
      std::snprintf(number, sizeof number, "%.17g", value);  // round-trips exactly
      out << "kpi " << key << " " << number << "\n";
    }
    out.close();
    if (!out) return false;
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  return !error;
}

std::optional<VariantRecord> read_record(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string line;
  if (!std::getline(in, line) || line != "zeropark-sweep-variant 1") return std::nullopt;
  VariantRecord record;
  bool has_status = false;
  while (std::getline(in, line)) {
    const std::size_t space = line.find(' ');
    const std::string tag = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    if (tag == "fingerprint") {
      record.fingerprint = rest;
    } else if (tag == "status") {
      record.ok = rest == "ok";
      has_status = true;
    } else if (tag == "wall_s") {
      record.wall_s = std::strtod(rest.c_str(), nullptr);
    } else if (tag == "error") {
      record.error = rest;
    } else if (tag == "kpi") {
      const std::size_t gap = rest.find(' ');
      if (gap == std::string::npos) return std::nullopt;
      record.kpis.emplace_back(rest.substr(0, gap), std::strtod(rest.c_str() + gap + 1, nullptr));
    }
  }
  if (!has_status || record.fingerprint.empty()) return std::nullopt;
  return record;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The child's whole life: compile the variant, run it, write its record. Never returns.
[[noreturn]] void run_variant_child(const SweepFile& sweep, const std::string& variant_text,
                                    const std::string& fingerprint, bool baseline,
                                    const std::filesystem::path& record_path, const std::filesystem::path& log_path) {
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
  record.fingerprint = fingerprint;
  int code = 0;
  try {
    ParkSpec spec = read_scenario_text(variant_text, sweep.scenario);
    if (sweep.seed) {
      RunOverrides overrides;
      overrides.seed = sweep.seed;
      apply_overrides(spec, overrides);
    }
    const ParkModel model = compile_park(spec);
    for (const std::string& warning : model.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
    RunOptions options;
    options.with_baseline = baseline;
    const RunResult result = run_park(model, nullptr, options);
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

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string format_number(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

bool write_csv(const std::filesystem::path& path, const SweepFile& sweep, const std::vector<VariantRecord>& records) {
  // The KPI columns: those the sweep file asks for, or every KPI in the order the runs report them.
  std::vector<std::string> columns = sweep.outputs;
  if (columns.empty()) {
    for (const VariantRecord& r : records)
      for (const auto& kpi : r.kpis)
        if (std::find(columns.begin(), columns.end(), kpi.first) == columns.end()) columns.push_back(kpi.first);
  } else {
    for (const std::string& key : columns) {
      bool found = false;
      for (const VariantRecord& r : records)
        for (const auto& kpi : r.kpis) found = found || kpi.first == key;
      bool any_ok = false;
      for (const VariantRecord& r : records) any_ok = any_ok || r.ok;
      if (!found && any_ok)
        std::fprintf(stderr, "zeropark sweep: warning: %s: no variant reports the KPI '%s' (its column is empty)\n",
                     sweep.file.string().c_str(), key.c_str());
    }
  }
  const std::filesystem::path temporary = path.string() + ".tmp";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << "index";
  for (const SweepParameter& p : sweep.parameters) out << "," << csv_field(p.key);
  out << ",status,error,wall_s";
  for (const std::string& key : columns) out << "," << csv_field(key);
  out << "\n";
  for (std::size_t i = 0; i < records.size(); ++i) {
    const VariantRecord& r = records[i];
    out << i;
    for (const std::string& value : variant_values(sweep, i)) out << "," << csv_field(value);
    out << "," << (r.ok ? "ok" : "failed") << "," << csv_field(r.error) << "," << format_number(r.wall_s);
    for (const std::string& key : columns) {
      out << ",";
      for (const auto& kpi : r.kpis)
        if (kpi.first == key) {
          out << format_number(kpi.second);
          break;
        }
    }
    out << "\n";
  }
  out.close();
  if (!out) return false;
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  return !error;
}

int sweep(const SweepCommand& cmd) {
  SweepFile sweep;
  std::string scenario_text;
  std::vector<std::string> variant_texts;
  try {
    sweep = read_sweep_file(cmd.sweep_file);
    std::ifstream in(sweep.scenario, std::ios::binary);
    if (!in)
      throw InputError({sweep.scenario.string(), 0, 0}, "",
                       "cannot open scenario file (named by " + sweep.file.string() + ")");
    std::ostringstream text;
    text << in.rdbuf();
    scenario_text = text.str();
    read_scenario_text(scenario_text, sweep.scenario);  // the base scenario must read before any variant runs
    check_parameter_keys(sweep, scenario_text);
    for (std::size_t i = 0; i < variant_count(sweep); ++i)
      variant_texts.push_back(variant_scenario_text(sweep, scenario_text, variant_values(sweep, i)));
  } catch (const InputError& e) {
    std::fprintf(stderr, "zeropark sweep: error: %s\n", e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {  // YAML the scenario reader accepted but the emitter refused
    std::fprintf(stderr, "zeropark sweep: error: %s: %s\n", cmd.sweep_file.c_str(), e.what());
    return kExitBadInput;
  }
  const std::filesystem::path output =
      cmd.output ? *cmd.output : std::filesystem::path(sweep.file.stem().string() + ".csv");
  if (std::filesystem::is_directory(output)) {
    std::fprintf(stderr, "zeropark sweep: -o: '%s' is a folder (give the CSV file's name)\n", output.string().c_str());
    return kExitUsage;
  }
  const std::filesystem::path folder = output.has_parent_path() ? output.parent_path() : ".";
  if (!std::filesystem::is_directory(folder)) {
    std::fprintf(stderr, "zeropark sweep: -o: folder '%s' does not exist\n", folder.string().c_str());
    return kExitUsage;
  }
  const std::filesystem::path results = folder / (output.stem().string() + ".variants");
  std::error_code error;
  std::filesystem::create_directories(results, error);
  if (error) {
    std::fprintf(stderr, "zeropark sweep: cannot create '%s': %s\n", results.string().c_str(), error.message().c_str());
    return kExitUsage;
  }

  const std::size_t count = variant_texts.size();
  std::vector<VariantRecord> records(count);
  std::vector<std::string> fingerprints(count);
  std::vector<std::size_t> to_run;
  const auto record_path = [&](std::size_t i) {
    char name[32];
    std::snprintf(name, sizeof name, "variant_%06zu", i);
    return results / name;
  };
  for (std::size_t i = 0; i < count; ++i) {
    fingerprints[i] = fingerprint_of(variant_texts[i], sweep.seed, cmd.baseline);
    const std::optional<VariantRecord> done = read_record(record_path(i).string() + ".result");
    // A failed variant runs again: its failure may have been the machine's (memory, a kill).
    if (done && done->ok && done->fingerprint == fingerprints[i])
      records[i] = *done;
    else
      to_run.push_back(i);
  }
  const std::size_t skipped = count - to_run.size();
  std::fprintf(stderr, "zeropark sweep: %zu variants of %s; %zu already done (skipped), %zu to run, %u at once\n",
               count, sweep.scenario.string().c_str(), skipped, to_run.size(), cmd.jobs);

  const bool show_progress = !cmd.quiet && isatty(STDERR_FILENO);
  std::map<pid_t, std::pair<std::size_t, std::chrono::steady_clock::time_point>> running;
  std::size_t next = 0, finished = 0, failed_now = 0;
  const auto sweep_start = std::chrono::steady_clock::now();
  std::fflush(stdout);
  std::fflush(stderr);
  while (next < to_run.size() || !running.empty()) {
    if (next < to_run.size() && running.size() < cmd.jobs) {
      const std::size_t i = to_run[next++];
      const auto start = std::chrono::steady_clock::now();
      const pid_t pid = fork();
      if (pid == 0)
        run_variant_child(sweep, variant_texts[i], fingerprints[i], cmd.baseline, record_path(i).string() + ".result",
                          record_path(i).string() + ".log");
      if (pid < 0) {
        records[i].fingerprint = fingerprints[i];
        records[i].error = std::string("cannot start a process: ") + std::strerror(errno);
        ++finished;
        ++failed_now;
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
    std::optional<VariantRecord> record = read_record(record_path(i).string() + ".result");
    const bool clean_exit = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
    if (!record || record->fingerprint != fingerprints[i] || !clean_exit) {
      VariantRecord crash;
      crash.fingerprint = fingerprints[i];
      crash.wall_s = seconds_since(start);
      crash.error = describe_exit(status) + " (log: " + record_path(i).string() + ".log)";
      write_record(record_path(i).string() + ".result", crash);
      record = crash;
    }
    if (!record->ok) ++failed_now;
    records[i] = *record;
    ++finished;
    if (show_progress) {
      const double elapsed_s = seconds_since(sweep_start);
      std::fprintf(stderr, "\rsweep: %zu/%zu run, %zu failed, %zu running, %.0f s elapsed   ", finished, to_run.size(),
                   failed_now, running.size(), elapsed_s);
      std::fflush(stderr);
    }
  }
  if (show_progress && !to_run.empty()) std::fputc('\n', stderr);

  if (!write_csv(output, sweep, records)) {
    std::fprintf(stderr, "zeropark sweep: cannot write '%s'\n", output.string().c_str());
    return kExitRunFailed;
  }
  std::size_t failed = 0;
  for (const VariantRecord& r : records) failed += r.ok ? 0 : 1;
  std::printf("sweep: %zu variants, %zu ok, %zu failed (%zu run now in %.2f s, %zu skipped); results: %s\n", count,
              count - failed, failed, to_run.size(), seconds_since(sweep_start), skipped, output.string().c_str());
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
    return sweep(parse_sweep(args));
  } catch (const UsageError& e) {
    std::fprintf(stderr, "zeropark sweep: %s\n\n%s", e.message.c_str(), kSweepHelp);
    return kExitUsage;
  }
}

}  // namespace zeropark::cli
