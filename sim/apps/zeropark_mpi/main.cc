// zeropark-mpi: runs a sweep across the ranks of an MPI job. SimGrid exports its own MPI_*
// symbols, so the simulator never links MPI: this small launcher does, and on each rank runs
// `zeropark sweep ... --shard RANK/SIZE` as a worker process. The ranks then send their variants'
// records to rank 0 over MPI (no shared file system needed), and rank 0 merges them into one
// results table with `zeropark sweep ... --merge`.
//
//   mpirun -np K zeropark sweep SWEEP.yaml [sweep options]     (zeropark starts this launcher)
//   mpirun -np K zeropark-mpi sweep SWEEP.yaml [sweep options]
#include <mpi.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

constexpr const char* kHelp =
    "Usage: mpirun -np K zeropark-mpi sweep SWEEP.yaml [zeropark sweep options]\n"
    "\n"
    "Runs the sweep's variants over the K ranks (rank R takes variants i with i mod K = R), each\n"
    "rank through a `zeropark sweep --shard R/K` worker beside this executable; rank 0 collects\n"
    "every rank's results over MPI and merges them into one CSV and HDF5 table, as\n"
    "`zeropark sweep -j N` on one machine would. Without -j, the cores of a machine are shared\n"
    "among its ranks. `mpirun -np K zeropark sweep ...` starts this launcher by itself.\n"
    "\n"
    "Exit codes: those of zeropark sweep (0 ran, 2 bad command line, 3 bad sweep file, 4 results\n"
    "not written); the largest over the ranks.\n";

// Runs the zeropark worker with `args` and waits for it; returns its exit code (128 + signal).
int run_worker(const std::string& worker, const std::vector<std::string>& args) {
  std::vector<std::string> argv_text = {worker};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The worker must not take itself for an MPI rank and start another launcher.
  std::vector<std::string> env_text = {"ZEROPARK_MPI_WORKER=1"};
  for (char** e = environ; *e; ++e) env_text.emplace_back(*e);
  std::vector<char*> env;
  for (std::string& e : env_text) env.push_back(e.data());
  env.push_back(nullptr);
  pid_t pid = 0;
  // posix_spawn rather than fork: forking an initialised MPI process is unsafe with some transports.
  if (posix_spawn(&pid, worker.c_str(), nullptr, nullptr, argv.data(), env.data()) != 0) {
    std::fprintf(stderr, "zeropark-mpi: cannot start '%s': %s\n", worker.c_str(), std::strerror(errno));
    return 4;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return 4;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string temporary_file(const std::string& tag) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/zeropark-mpi-" + tag + "-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return "";
  close(fd);
  return pattern;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Waits for a non-blocking collective without spinning: OpenMPI's blocking collectives poll at
// full speed, and a rank that finished its shard early would take a core from a rank still running.
void wait_idle(MPI_Request& request) {
  int done = 0;
  for (MPI_Test(&request, &done, MPI_STATUS_IGNORE); !done; MPI_Test(&request, &done, MPI_STATUS_IGNORE)) usleep(20000);
}

// The worker count per rank when the user gave none: the machine's cores over its ranks.
std::string default_jobs(MPI_Comm world) {
  MPI_Comm local;
  MPI_Comm_split_type(world, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &local);
  int local_ranks = 1;
  MPI_Comm_size(local, &local_ranks);
  MPI_Comm_free(&local);
  const long cores = sysconf(_SC_NPROCESSORS_ONLN);
  return std::to_string(std::max(1L, (cores > 0 ? cores : 1) / local_ranks));
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    std::fputs(kHelp, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] != "sweep") {
    std::fprintf(stderr, "zeropark-mpi: runs 'sweep' only, not '%s'\n\n%s", args[0].c_str(), kHelp);
    return 2;
  }
  for (const std::string& a : args)
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    }
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::string worker = (self.parent_path() / "zeropark").string();

  MPI_Init(&argc, &argv);
  const double start_s = MPI_Wtime();
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const bool has_jobs =
      std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "-j" || a == "--jobs"; });
  const std::string jobs = default_jobs(MPI_COMM_WORLD);

  // 1. Each rank runs its shard and keeps its records in a bundle file.
  const std::string bundle = temporary_file("rank" + std::to_string(rank));
  std::vector<std::string> shard_args = args;
  shard_args.insert(shard_args.end(),
                    {"--shard", std::to_string(rank) + "/" + std::to_string(size), "--bundle-out", bundle});
  if (!has_jobs) shard_args.insert(shard_args.end(), {"-j", jobs});
  int code = bundle.empty() ? 4 : run_worker(worker, shard_args);
  int worst = 0;
  MPI_Request request;
  MPI_Iallreduce(&code, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD, &request);
  wait_idle(request);

  // 2. Rank 0 gathers every rank's bundle (the records travel over MPI, not a shared disk).
  if (worst < 2) {
    const std::string text = read_file(bundle);
    int length = static_cast<int>(text.size());
    std::vector<int> lengths(static_cast<std::size_t>(size)), offsets(static_cast<std::size_t>(size));
    MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<char> all;
    if (rank == 0) {
      int total = 0;
      for (int r = 0; r < size; ++r) {
        offsets[static_cast<std::size_t>(r)] = total;
        total += lengths[static_cast<std::size_t>(r)];
      }
      all.resize(static_cast<std::size_t>(std::max(total, 1)));
    }
    MPI_Gatherv(text.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR, 0, MPI_COMM_WORLD);
    // 3. Rank 0 merges them into the one results table.
    if (rank == 0) {
      std::vector<std::string> merge_args = args;
      merge_args.push_back("--merge");
      std::vector<std::string> received;
      for (int r = 0; r < size; ++r) {
        const std::string path = temporary_file("from" + std::to_string(r));
        std::ofstream out(path, std::ios::binary);
        out.write(all.data() + offsets[static_cast<std::size_t>(r)], lengths[static_cast<std::size_t>(r)]);
        merge_args.insert(merge_args.end(), {"--bundle-in", path});
        received.push_back(path);
      }
      code = run_worker(worker, merge_args);
      for (const std::string& path : received) std::remove(path.c_str());
    }
    MPI_Ibcast(&code, 1, MPI_INT, 0, MPI_COMM_WORLD, &request);
    wait_idle(request);
  } else {
    code = worst;
    if (rank == 0) std::fprintf(stderr, "zeropark-mpi: a rank's sweep failed (exit %d): nothing merged\n", worst);
  }
  if (rank == 0) std::printf("zeropark-mpi: %d ranks, %.2f s wall\n", size, MPI_Wtime() - start_s);
  if (!bundle.empty()) std::remove(bundle.c_str());
  MPI_Finalize();
  return code;
}
