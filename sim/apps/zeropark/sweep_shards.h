// Splitting a sweep across machines: which variants this process runs (a shard), as chosen on the
// command line (--shard R/K), by a Slurm job array, or by an MPI rank through zeropark-mpi; and
// the bundle in which a shard sends its records back to the rank that merges.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sweep_records.h"

namespace zeropark::cli {

struct Shard {
  std::size_t index = 0;  // 0 .. count-1
  std::size_t count = 1;
  std::string source;  // "--shard", "Slurm array task", for messages

  // Round-robin: neighbours in a grid often cost alike, so each shard gets a mix.
  bool owns(std::size_t variant) const { return variant % count == index; }
};

// "R/K" with 0 <= R < K; throws UsageError otherwise.
Shard parse_shard(const std::string& option, const std::string& text);

// The Slurm array task's shard (SLURM_ARRAY_TASK_ID, _MIN, _STEP, _COUNT), if this process is one;
// throws UsageError when the variables contradict each other.
std::optional<Shard> slurm_array_shard();

// The number of ranks when this process was started by mpirun/mpiexec (OpenMPI's or PMI's
// variables), else nullopt. A launcher's own workers carry ZEROPARK_MPI_WORKER and get nullopt.
std::optional<std::size_t> mpi_world_size();

// Replaces this process by zeropark-mpi (beside this executable) with the same arguments; returns
// only if that fails, with the reason.
std::string exec_mpi_launcher(const std::vector<std::string>& sweep_args);

// A bundle: variant index → record, as one text (what an MPI rank sends to rank 0).
std::string format_bundle(const std::map<std::size_t, VariantRecord>& records);
std::optional<std::map<std::size_t, VariantRecord>> parse_bundle(const std::string& text);

}  // namespace zeropark::cli
