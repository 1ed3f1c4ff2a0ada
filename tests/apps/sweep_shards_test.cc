// Sharding a sweep: the --shard option, a Slurm array task's variables, and the bundle in which
// an MPI rank sends its records to rank 0.
#include "sweep_shards.h"

#include <catch2/catch.hpp>

#include <cstdlib>

#include "cli_options.h"

using namespace zeropark::cli;

namespace {

// Sets the Slurm array variables for one test and clears them after.
struct SlurmTask {
  SlurmTask(const char* id, const char* count, const char* min = nullptr, const char* step = nullptr) {
    set("SLURM_ARRAY_TASK_ID", id);
    set("SLURM_ARRAY_TASK_COUNT", count);
    set("SLURM_ARRAY_TASK_MIN", min);
    set("SLURM_ARRAY_TASK_STEP", step);
  }
  ~SlurmTask() {
    for (const char* name :
         {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP"})
      unsetenv(name);
  }
  static void set(const char* name, const char* value) {
    if (value)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
};

}  // namespace

TEST_CASE("a shard takes every K-th variant from its own index", "[sweep][shards]") {
  const Shard shard = parse_shard("--shard", "1/3");
  CHECK(shard.index == 1);
  CHECK(shard.count == 3);
  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < 10; ++i)
    if (shard.owns(i)) mine.push_back(i);
  CHECK(mine == std::vector<std::size_t>{1, 4, 7});
  CHECK_THROWS_AS(parse_shard("--shard", "3/3"), UsageError);
  CHECK_THROWS_AS(parse_shard("--shard", "0/0"), UsageError);
  CHECK_THROWS_AS(parse_shard("--shard", "2"), UsageError);
  CHECK_THROWS_AS(parse_shard("--shard", "a/2"), UsageError);
}

TEST_CASE("a Slurm array task is the shard of its place in the array", "[sweep][shards]") {
  {
    const SlurmTask task("0", "4");
    const std::optional<Shard> shard = slurm_array_shard();
    REQUIRE(shard);
    CHECK(shard->index == 0);
    CHECK(shard->count == 4);
  }
  {
    // --array=10-16:2 has tasks 10, 12, 14, 16: task 14 is the third.
    const SlurmTask task("14", "4", "10", "2");
    const std::optional<Shard> shard = slurm_array_shard();
    REQUIRE(shard);
    CHECK(shard->index == 2);
    CHECK(shard->source == "Slurm array task 14");
  }
  {
    const SlurmTask task("9", "4", "10");
    CHECK_THROWS_AS(slurm_array_shard(), UsageError);
  }
  {
    const SlurmTask task("4", "4");
    CHECK_THROWS_AS(slurm_array_shard(), UsageError);
  }
  CHECK_FALSE(slurm_array_shard());
}

TEST_CASE("a bundle of records reads back exactly", "[sweep][shards]") {
  std::map<std::size_t, VariantRecord> records;
  records[3].fingerprint = "00000000000000aa";
  records[3].ok = true;
  records[3].wall_s = 1.25;
  records[3].kpis = {{"co2_kg", 0.1 + 0.2}, {"net_cost_cny", 1234567.891234567}};
  records[7].fingerprint = "00000000000000bb";
  records[7].error = "batteries[0] field 'capacity_kwh': must be > 0\nsecond line";
  const auto back = parse_bundle(format_bundle(records));
  REQUIRE(back);
  REQUIRE(back->size() == 2);
  CHECK(back->at(3).ok);
  CHECK(back->at(3).kpis == records[3].kpis);  // 17 digits: bit for bit
  CHECK(back->at(3).wall_s == 1.25);
  CHECK_FALSE(back->at(7).ok);
  CHECK(back->at(7).error == "batteries[0] field 'capacity_kwh': must be > 0 second line");
  CHECK_FALSE(parse_bundle("variant 1\nzeropark-sweep-variant 1\nstatus ok\n"));  // cut short
  CHECK_FALSE(parse_bundle("garbage\n"));
  CHECK(parse_bundle("")->empty());
}

TEST_CASE("an MPI launcher's workers do not take themselves for MPI ranks", "[sweep][shards]") {
  setenv("OMPI_COMM_WORLD_SIZE", "2", 1);
  CHECK(mpi_world_size() == std::optional<std::size_t>(2));
  setenv("ZEROPARK_MPI_WORKER", "1", 1);
  CHECK_FALSE(mpi_world_size());
  unsetenv("ZEROPARK_MPI_WORKER");
  unsetenv("OMPI_COMM_WORLD_SIZE");
}
