#include "sweep_shards.h"

#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "cli_options.h"

namespace zeropark::cli {
namespace {

std::optional<std::size_t> environment_number(const char* name) {
  const char* text = std::getenv(name);
  if (!text || !*text) return std::nullopt;
  return parse_integer<std::size_t>(std::string("environment variable ") + name, text);
}

constexpr const char* kBundleEnd = "end-variant";

}  // namespace

Shard parse_shard(const std::string& option, const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) throw UsageError{option + " expects R/K (shard R of K, from 0), got '" + text + "'"};
  Shard shard;
  shard.index = parse_integer<std::size_t>(option, text.substr(0, slash));
  shard.count = parse_integer<std::size_t>(option, text.substr(slash + 1));
  if (shard.count == 0 || shard.index >= shard.count)
    throw UsageError{option + " expects R/K with 0 <= R < K, got '" + text + "'"};
  shard.source = option + " " + text;
  return shard;
}

std::optional<Shard> slurm_array_shard() {
  const std::optional<std::size_t> id = environment_number("SLURM_ARRAY_TASK_ID");
  if (!id) return std::nullopt;
  const std::optional<std::size_t> count = environment_number("SLURM_ARRAY_TASK_COUNT");
  const std::size_t min = environment_number("SLURM_ARRAY_TASK_MIN").value_or(0);
  const std::size_t step = environment_number("SLURM_ARRAY_TASK_STEP").value_or(1);
  if (!count || *count == 0 || step == 0 || *id < min || (*id - min) % step != 0 || (*id - min) / step >= *count)
    throw UsageError{"the Slurm array variables do not describe a task of the array (SLURM_ARRAY_TASK_ID " +
                     std::to_string(*id) + ", _MIN " + std::to_string(min) + ", _STEP " + std::to_string(step) +
                     ", _COUNT " + (count ? std::to_string(*count) : std::string("unset")) + ")"};
  Shard shard;
  shard.index = (*id - min) / step;
  shard.count = *count;
  shard.source = "Slurm array task " + std::to_string(*id);
  return shard;
}

std::optional<std::size_t> mpi_world_size() {
  if (std::getenv("ZEROPARK_MPI_WORKER")) return std::nullopt;
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"})
    if (const std::optional<std::size_t> size = environment_number(name)) return size;
  return std::nullopt;
}

std::string exec_mpi_launcher(const std::vector<std::string>& sweep_args) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "cannot find this executable: " + error.message();
  const std::filesystem::path launcher = self.parent_path() / "zeropark-mpi";
  if (!std::filesystem::exists(launcher))
    return "'" + launcher.string() +
           "' is missing: this zeropark was built without MPI (install libopenmpi-dev and rebuild)";
  std::vector<std::string> args = {launcher.string(), "sweep"};
  args.insert(args.end(), sweep_args.begin(), sweep_args.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(launcher.c_str(), argv.data());
  return "cannot start '" + launcher.string() + "'";
}

std::string format_bundle(const std::map<std::size_t, VariantRecord>& records) {
  std::string text;
  for (const auto& [index, record] : records)
    text += "variant " + std::to_string(index) + "\n" + format_record(record) + kBundleEnd + "\n";
  return text;
}

std::optional<std::map<std::size_t, VariantRecord>> parse_bundle(const std::string& text) {
  std::map<std::size_t, VariantRecord> records;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("variant ", 0) != 0) return std::nullopt;
    char* end = nullptr;
    const unsigned long long index = std::strtoull(line.c_str() + 8, &end, 10);
    if (end == line.c_str() + 8 || *end != '\0') return std::nullopt;
    std::string record_text;
    bool ended = false;
    while (std::getline(in, line)) {
      if (line == kBundleEnd) {
        ended = true;
        break;
      }
      record_text += line + "\n";
    }
    std::optional<VariantRecord> record = parse_record(record_text);
    if (!ended || !record) return std::nullopt;
    records[static_cast<std::size_t>(index)] = *record;
  }
  return records;
}

}  // namespace zeropark::cli
