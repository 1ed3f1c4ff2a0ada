// Every scenario in scenarios/ is an example and a test: it runs for its full period and its KPI
// table must match scenarios/NAME.kpis.approved. A change that moves a KPI updates the approved
// file in the same commit: run the test with ZEROPARK_APPROVE=1 to rewrite it, then review the diff.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

const std::filesystem::path kScenarios = std::filesystem::path(ZEROPARK_SOURCE_DIR) / "scenarios";

std::string format_table(const KpiTable& kpis) {
  std::string text = "# key\tvalue\tunit (approved KPIs; regenerate with ZEROPARK_APPROVE=1)\n";
  char line[512];
  for (const Kpi& k : kpis) {
    std::snprintf(line, sizeof line, "%s\t%.12g\t%s\n", k.key.c_str(), k.value, k.unit.c_str());
    text += line;
  }
  return text;
}

std::map<std::string, double> parse_table(std::istream& in) {
  std::map<std::string, double> values;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string key;
    double value = 0;
    fields >> key >> value;
    values[key] = value;
  }
  return values;
}

}  // namespace

TEST_CASE("every shipped scenario reproduces its approved KPIs", "[scenarios][approved]") {
  int scenarios = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kScenarios)) {
    if (entry.path().extension() != ".yaml") continue;
    ++scenarios;
    const std::filesystem::path approved_path = std::filesystem::path(entry.path()).replace_extension(".kpis.approved");
    const RunResult result = run_park(compile_park(read_scenario_file(entry.path())), nullptr);
    if (std::getenv("ZEROPARK_APPROVE")) {
      std::ofstream(approved_path) << format_table(result.kpis);
      WARN("wrote " << approved_path);
      continue;
    }
    std::ifstream in(approved_path);
    INFO("scenario " << entry.path().filename() << " has no approved KPIs: run this test with ZEROPARK_APPROVE=1");
    REQUIRE(in);
    const std::map<std::string, double> approved = parse_table(in);
    CHECK(approved.size() == result.kpis.size());
    for (const Kpi& k : result.kpis) {
      INFO(entry.path().filename() << ": " << k.key << " = " << k.value << " " << k.unit);
      const auto it = approved.find(k.key);
      REQUIRE(it != approved.end());
      // The file keeps 12 significant digits; libm may differ in the last bits between machines.
      CHECK(k.value == Approx(it->second).epsilon(1e-9).margin(1e-6));
    }
  }
  CHECK(scenarios >= 1);
}
