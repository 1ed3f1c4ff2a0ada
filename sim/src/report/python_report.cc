#include "report/python_report.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace zeropark::report {

std::filesystem::path current_executable() {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : exe;
}

std::optional<std::filesystem::path> find_analysis_dir(const std::filesystem::path& executable,
                                                       std::vector<std::filesystem::path>& tried) {
  std::vector<std::filesystem::path> candidates;
  if (const char* dir = std::getenv("ZEROPARK_ANALYSIS_DIR"); dir && *dir) {
    // An explicit choice is the only one: falling back silently would run a different package.
    candidates.push_back(dir);
  } else if (!executable.empty()) {
    const std::filesystem::path bin = executable.parent_path();
    candidates.push_back(bin / ".." / ".." / "analysis");
    candidates.push_back(bin / ".." / "share" / "zeropark" / "analysis");
  }
  for (const std::filesystem::path& c : candidates) {
    const std::filesystem::path normal = c.lexically_normal();
    tried.push_back(normal);
    std::error_code error;
    if (std::filesystem::is_regular_file(normal / "zeropark_analysis" / "__init__.py", error)) return normal;
  }
  return std::nullopt;
}

int run_python_report(const std::filesystem::path& python, const std::filesystem::path& analysis_dir,
                      const std::filesystem::path& trace, const std::filesystem::path& html_dir, std::string& error) {
  std::string pythonpath = "PYTHONPATH=" + analysis_dir.string();
  if (const char* old = std::getenv("PYTHONPATH"); old && *old) pythonpath += ":" + std::string(old);
  std::vector<std::string> environment;
  for (char** e = environ; *e; ++e)
    if (std::strncmp(*e, "PYTHONPATH=", 11) != 0) environment.emplace_back(*e);
  environment.push_back(pythonpath);
  std::vector<std::string> arguments = {python.string(), "-m",     "zeropark_analysis", "report",
                                        trace.string(),  "--html", html_dir.string()};
  std::vector<char*> argv, envp;
  for (std::string& a : arguments) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (std::string& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);

  const pid_t child = fork();
  if (child < 0) {
    error = std::string("cannot start ") + python.string() + ": " + std::strerror(errno);
    return -1;
  }
  if (child == 0) {
    execve(argv[0], argv.data(), envp.data());
    // Only reached when exec failed; the parent reads 127 as "could not run".
    _exit(127);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) {
      error = std::string("waiting for ") + python.string() + ": " + std::strerror(errno);
      return -1;
    }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

}  // namespace zeropark::report
