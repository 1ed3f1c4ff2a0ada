// Where `zeropark report --html` looks for the Python package, and what it runs.
#include "report/python_report.h"

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "support/temp_dir.h"

using namespace zeropark::report;
using zeropark::testing::TempDir;

namespace {

const std::filesystem::path kFake = std::filesystem::path(ZEROPARK_TEST_DATA_DIR) / "reports" / "fake_analysis";

// Sets or clears ZEROPARK_ANALYSIS_DIR for one scope.
class AnalysisDirEnv {
 public:
  explicit AnalysisDirEnv(const char* value) {
    if (value)
      setenv("ZEROPARK_ANALYSIS_DIR", value, 1);
    else
      unsetenv("ZEROPARK_ANALYSIS_DIR");
  }
  ~AnalysisDirEnv() { unsetenv("ZEROPARK_ANALYSIS_DIR"); }
};

}  // namespace

TEST_CASE("the analysis package is found through ZEROPARK_ANALYSIS_DIR, and only there when set", "[report][html]") {
  std::vector<std::filesystem::path> tried;
  {
    const AnalysisDirEnv env(kFake.c_str());
    CHECK(find_analysis_dir("/usr/bin/zeropark", tried) == kFake.lexically_normal());
  }
  tried.clear();
  {
    const AnalysisDirEnv env("/nonexistent/analysis");
    CHECK_FALSE(find_analysis_dir(std::filesystem::path(ZEROPARK_SOURCE_DIR) / "build" / "sim" / "zeropark", tried));
    CHECK(tried == std::vector<std::filesystem::path>{"/nonexistent/analysis"});
  }
}

TEST_CASE("without ZEROPARK_ANALYSIS_DIR the package is looked for beside the executable", "[report][html]") {
  const AnalysisDirEnv env(nullptr);
  const TempDir dir;
  // A source tree with its build folder inside: <src>/build/sim/zeropark and <src>/analysis.
  std::filesystem::create_directories(dir.path() / "analysis" / "zeropark_analysis");
  dir.write("analysis/zeropark_analysis/__init__.py", "");
  std::vector<std::filesystem::path> tried;
  CHECK(find_analysis_dir(dir.path() / "build" / "sim" / "zeropark", tried) == dir.path() / "analysis");
  // An installed layout: <prefix>/bin/zeropark and <prefix>/share/zeropark/analysis.
  tried.clear();
  std::filesystem::create_directories(dir.path() / "installed" / "usr" / "share" / "zeropark" / "analysis" /
                                      "zeropark_analysis");
  dir.write("installed/usr/share/zeropark/analysis/zeropark_analysis/__init__.py", "");
  CHECK(find_analysis_dir(dir.path() / "installed" / "usr" / "bin" / "zeropark", tried) ==
        dir.path() / "installed" / "usr" / "share" / "zeropark" / "analysis");
  CHECK(tried.size() == 2);
}

TEST_CASE("the HTML report runs the package with the trace and folder, and passes on its failure", "[report][html]") {
  const TempDir dir;
  std::string error;
  CHECK(run_python_report("/usr/bin/python3", kFake, "some/trace.h5", dir.path() / "html", error) == 0);
  std::ifstream page(dir.path() / "html" / "index.html");
  std::string text((std::istreambuf_iterator<char>(page)), std::istreambuf_iterator<char>());
  CHECK_THAT(text, Catch::Contains("report of some/trace.h5"));
  setenv("ZEROPARK_FAKE_REPORT_FAIL", "1", 1);
  CHECK(run_python_report("/usr/bin/python3", kFake, "some/trace.h5", dir.path() / "html", error) == 1);
  unsetenv("ZEROPARK_FAKE_REPORT_FAIL");
  // A Python that is not there: exec fails in the child, which exits 127.
  CHECK(run_python_report(dir.path() / "no_python", kFake, "t.h5", dir.path() / "html", error) == 127);
}
