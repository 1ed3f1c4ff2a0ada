// The sweep file: its grid of variants, its ranges, how a variant's scenario is written, and the
// errors that name the sweep file, the line and the field.
#include "sweep_file.h"

#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "zeropark/error.h"
#include "zeropark/spec.h"

using namespace zeropark;
using namespace zeropark::cli;
using Catch::Matchers::Contains;

namespace {

const char* kScenario =
    "name: tiny\n"
    "simulation:\n"
    "  end: 2023-02-01T00:00\n"
    "  controller: self_consumption\n"
    "pv:\n"
    "  - name: roof\n"
    "    dc_capacity_kw: 100\n"
    "  - name: facade\n"
    "    dc_capacity_kw: 50\n"
    "batteries:\n"
    "  - name: b1\n"
    "    capacity_kwh: 1000\n";

InputError sweep_error(const std::string& text) {
  try {
    read_sweep_text(text, "runs/grid.yaml");
  } catch (const InputError& e) {
    return e;
  }
  FAIL("no InputError for:\n" << text);
  throw;
}

InputError key_error(const std::string& key) {
  const SweepFile sweep =
      read_sweep_text("scenario: park.yaml\nparameters:\n  - {key: \"" + key + "\", values: [1]}\n", "runs/grid.yaml");
  try {
    check_parameter_keys(sweep, kScenario);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("no InputError for the key " << key);
  throw;
}

}  // namespace

TEST_CASE("sweep file: the grid is the cartesian product, the last parameter varying fastest", "[sweep]") {
  const SweepFile sweep = read_sweep_text(
      "scenario: ../scenarios/park.yaml\n"
      "seed: 7\n"
      "outputs: [net_cost_cny, co2_kg]\n"
      "parameters:\n"
      "  - {key: \"batteries[0].capacity_kwh\", values: [500, 1000, 2000]}\n"
      "  - {key: \"pv[1].dc_capacity_kw\", range: {from: 100, to: 400, step: 100}}\n"
      "  - {key: simulation.controller, values: [self_consumption, tou_arbitrage]}\n",
      "runs/grid.yaml");
  CHECK(sweep.scenario == std::filesystem::path("scenarios/park.yaml"));
  REQUIRE(sweep.seed);
  CHECK(*sweep.seed == 7);
  CHECK(sweep.outputs == std::vector<std::string>{"net_cost_cny", "co2_kg"});
  REQUIRE(sweep.parameters.size() == 3);
  CHECK(sweep.parameters[1].line == 6);
  CHECK(variant_count(sweep) == 24);
  CHECK(variant_values(sweep, 0) == std::vector<std::string>{"500", "100", "self_consumption"});
  CHECK(variant_values(sweep, 1) == std::vector<std::string>{"500", "100", "tou_arbitrage"});
  CHECK(variant_values(sweep, 2) == std::vector<std::string>{"500", "200", "self_consumption"});
  CHECK(variant_values(sweep, 8) == std::vector<std::string>{"1000", "100", "self_consumption"});
  CHECK(variant_values(sweep, 23) == std::vector<std::string>{"2000", "400", "tou_arbitrage"});
  // Every variant is a distinct point of the grid.
  std::set<std::vector<std::string>> seen;
  for (std::size_t i = 0; i < variant_count(sweep); ++i) seen.insert(variant_values(sweep, i));
  CHECK(seen.size() == 24);
}

TEST_CASE("sweep file: a range runs from its start by its step and stops at or before its end", "[sweep]") {
  const auto values_of = [](const std::string& range) {
    return read_sweep_text("scenario: p.yaml\nparameters:\n  - {key: a, range: " + range + "}\n", "s.yaml")
        .parameters.at(0)
        .values;
  };
  CHECK(values_of("{from: 100, to: 400, step: 100}") == std::vector<std::string>{"100", "200", "300", "400"});
  CHECK(values_of("{from: 0, to: 10, step: 4}") == std::vector<std::string>{"0", "4", "8"});
  // Decimal steps reach their end and print without binary noise (0.30000000000000004).
  CHECK(values_of("{from: 0.1, to: 0.5, step: 0.1}") == std::vector<std::string>{"0.1", "0.2", "0.3", "0.4", "0.5"});
  CHECK(values_of("{from: 5, to: 5, step: 1}") == std::vector<std::string>{"5"});
}

TEST_CASE("sweep file: a variant's scenario has each parameter set and reads as a scenario", "[sweep]") {
  const SweepFile sweep = read_sweep_text(
      "scenario: park.yaml\n"
      "parameters:\n"
      "  - {key: \"batteries[0].capacity_kwh\", values: [2000]}\n"
      "  - {key: \"pv[1].dc_capacity_kw\", values: [75.5]}\n"
      "  - {key: simulation.controller, values: [tou_arbitrage]}\n",
      "grid.yaml");
  check_parameter_keys(sweep, kScenario);
  const YAML::Node variant = YAML::Load(variant_scenario_text(sweep, kScenario, variant_values(sweep, 0)));
  CHECK(variant["batteries"][0]["capacity_kwh"].as<double>() == 2000);
  CHECK(variant["pv"][1]["dc_capacity_kw"].as<double>() == 75.5);
  CHECK(variant["pv"][0]["dc_capacity_kw"].as<double>() == 100);  // untouched
  CHECK(variant["simulation"]["controller"].as<std::string>() == "tou_arbitrage");
  CHECK(variant["simulation"]["end"].as<std::string>() == "2023-02-01T00:00");
}

TEST_CASE("sweep file: the default park's variant compiles with the swept values", "[sweep]") {
  const std::filesystem::path scenario =
      std::filesystem::path(ZEROPARK_SOURCE_DIR) / "scenarios/baoshan_carbon_zero_park.yaml";
  std::ifstream in(scenario);
  std::stringstream text;
  text << in.rdbuf();
  const SweepFile sweep = read_sweep_text(
      "scenario: " + scenario.string() + "\nparameters:\n  - {key: \"batteries[0].capacity_kwh\", values: [1234]}\n",
      "grid.yaml");
  check_parameter_keys(sweep, text.str());
  const ParkSpec spec = read_scenario_text(variant_scenario_text(sweep, text.str(), {"1234"}), scenario);
  REQUIRE(spec.batteries.size() >= 1);
  CHECK(spec.batteries[0].capacity_kwh == 1234);
}

TEST_CASE("sweep file: errors name the file, the line and the field", "[sweep]") {
  SECTION("unknown top-level key") {
    const InputError e = sweep_error("scenario: p.yaml\nsed: 3\nparameters:\n  - {key: a, values: [1]}\n");
    CHECK(e.where().file == "runs/grid.yaml");
    CHECK(e.where().line == 2);
    CHECK(e.field() == "sed");
    CHECK_THAT(e.message(), Contains("unknown key") && Contains("seed"));
  }
  SECTION("unknown key in a parameter") {
    const InputError e = sweep_error("scenario: p.yaml\nparameters:\n  - {key: a, value: [1]}\n");
    CHECK(e.where().line == 3);
    CHECK(e.field() == "parameters[0].value");
  }
  SECTION("empty value list") {
    const InputError e = sweep_error("scenario: p.yaml\nparameters:\n  - key: a\n    values: []\n");
    CHECK(e.where().line == 4);
    CHECK(e.field() == "parameters[0].values");
    CHECK_THAT(e.message(), Contains("empty"));
  }
  SECTION("a step that is not positive") {
    const InputError e = sweep_error("scenario: p.yaml\nparameters:\n  - {key: a, range: {from: 1, to: 2, step: 0}}\n");
    CHECK(e.field() == "parameters[0].range.step");
    CHECK_THAT(e.message(), Contains("> 0"));
  }
  SECTION("a range that ends before it starts") {
    const InputError e = sweep_error("scenario: p.yaml\nparameters:\n  - {key: a, range: {from: 5, to: 2, step: 1}}\n");
    CHECK(e.field() == "parameters[0].range.to");
  }
  SECTION("a range bound that is not a number") {
    const InputError e = sweep_error("scenario: p.yaml\nparameters:\n  - {key: a, range: {from: x, to: 2, step: 1}}\n");
    CHECK(e.field() == "parameters[0].range.from");
    CHECK_THAT(e.message(), Contains("number"));
  }
  SECTION("a range with too many values") {
    const InputError e =
        sweep_error("scenario: p.yaml\nparameters:\n  - {key: a, range: {from: 0, to: 1e9, step: 1}}\n");
    CHECK(e.field() == "parameters[0].range.step");
  }
  SECTION("both values and range") {
    const InputError e =
        sweep_error("scenario: p.yaml\nparameters:\n  - {key: a, values: [1], range: {from: 1, to: 2, step: 1}}\n");
    CHECK_THAT(e.message(), Contains("either"));
  }
  SECTION("neither values nor range") {
    CHECK(sweep_error("scenario: p.yaml\nparameters:\n  - {key: a}\n").field() == "parameters[0]");
  }
  SECTION("the same key twice") {
    const InputError e =
        sweep_error("scenario: p.yaml\nparameters:\n  - {key: a, values: [1]}\n  - {key: a, values: [2]}\n");
    CHECK(e.where().line == 4);
    CHECK_THAT(e.message(), Contains("line 3"));
  }
  SECTION("no scenario") { CHECK(sweep_error("parameters:\n  - {key: a, values: [1]}\n").field() == "scenario"); }
  SECTION("no parameters") { CHECK(sweep_error("scenario: p.yaml\n").field() == "parameters"); }
  SECTION("a negative seed") {
    CHECK(sweep_error("scenario: p.yaml\nseed: -1\nparameters:\n  - {key: a, values: [1]}\n").field() == "seed");
  }
}

TEST_CASE("sweep file: a key must name a single value that the scenario has", "[sweep]") {
  SECTION("a map key the scenario lacks") {
    const InputError e = key_error("batteries[0].capacity_kw");
    CHECK(e.where().file == "runs/grid.yaml");
    CHECK(e.where().line == 3);
    CHECK(e.field() == "parameters[0].key");
    CHECK_THAT(e.message(), Contains("'batteries[0].capacity_kw' is not in the scenario"));
  }
  SECTION("an index past the list's end") {
    CHECK_THAT(key_error("pv[2].dc_capacity_kw").message(), Contains("'pv' has 2 items in the scenario, no [2]"));
  }
  SECTION("an index into a map") {
    CHECK_THAT(key_error("simulation[0]").message(), Contains("'simulation' is not a list"));
  }
  SECTION("a list, not a value") { CHECK_THAT(key_error("pv").message(), Contains("not a single value")); }
  SECTION("bad path syntax") {
    CHECK_THAT(key_error("pv[x].dc_capacity_kw").message(), Contains("is not a path"));
    CHECK_THAT(key_error("simulation..end").message(), Contains("is not a path"));
  }
}

TEST_CASE("sweep file: a Latin hypercube maps each stratum to a value in range or an equal share of the list",
          "[sweep]") {
  const SweepFile sweep = read_sweep_text(
      "scenario: park.yaml\n"
      "sampling: {method: latin_hypercube, samples: 40, seed: 3}\n"
      "parameters:\n"
      "  - {key: \"batteries[0].capacity_kwh\", range: {from: 500, to: 4500}}\n"
      "  - {key: \"pv[0].dc_capacity_kw\", range: {from: 100, to: 400, step: 100}}\n"
      "  - {key: simulation.controller, values: [self_consumption, tou_arbitrage]}\n",
      "runs/lhs.yaml");
  REQUIRE(variant_count(sweep) == 40);
  std::set<int> capacity_strata;
  std::map<std::string, int> pv_counts, controller_counts;
  for (std::size_t i = 0; i < 40; ++i) {
    const std::vector<std::string> values = variant_values(sweep, i);
    const double capacity_kwh = std::stod(values[0]);
    CHECK(capacity_kwh >= 500);
    CHECK(capacity_kwh < 4500);
    capacity_strata.insert(static_cast<int>((capacity_kwh - 500) / 100));  // 40 strata of 100 kWh
    ++pv_counts[values[1]];
    ++controller_counts[values[2]];
  }
  CHECK(capacity_strata.size() == 40);
  // Stratified: each of 4 listed values gets exactly 10 of 40 points, each of 2 exactly 20.
  CHECK(pv_counts == std::map<std::string, int>{{"100", 10}, {"200", 10}, {"300", 10}, {"400", 10}});
  CHECK(controller_counts == std::map<std::string, int>{{"self_consumption", 20}, {"tou_arbitrage", 20}});
  // The same file gives the same variants; another seed other ones.
  CHECK(
      variant_values(read_sweep_text("scenario: park.yaml\nsampling: {method: latin_hypercube, samples: 40, seed: 3}\n"
                                     "parameters:\n  - {key: a, range: {from: 500, to: 4500}}\n",
                                     "x.yaml"),
                     5)[0] == variant_values(sweep, 5)[0]);
}

TEST_CASE("sweep file: a Sobol sample starts at the lower corner and halves each range next", "[sweep]") {
  const SweepFile sweep = read_sweep_text(
      "scenario: park.yaml\n"
      "sampling: {method: sobol, samples: 8}\n"
      "pareto: [net_cost_cny, -self_sufficiency_ratio]\n"
      "random_numbers: independent\n"
      "parameters:\n"
      "  - {key: a, range: {from: 0, to: 1000}}\n"
      "  - {key: b, values: [x, y, z, w]}\n",
      "runs/sobol.yaml");
  CHECK(variant_count(sweep) == 8);
  CHECK(variant_values(sweep, 0) == std::vector<std::string>{"0", "x"});
  CHECK(variant_values(sweep, 1) == std::vector<std::string>{"500", "z"});
  CHECK(variant_values(sweep, 2) == std::vector<std::string>{"750", "y"});
  CHECK(variant_values(sweep, 3) == std::vector<std::string>{"250", "w"});
  REQUIRE(sweep.pareto.size() == 2);
  CHECK(sweep.pareto[0].kpi == "net_cost_cny");
  CHECK_FALSE(sweep.pareto[0].maximise);
  CHECK(sweep.pareto[1].kpi == "self_sufficiency_ratio");
  CHECK(sweep.pareto[1].maximise);
  CHECK(sweep.independent_random_numbers);
}

TEST_CASE("sweep file: independent random numbers give each variant its own fixed seed", "[sweep]") {
  std::set<std::uint64_t> seeds;
  for (std::size_t i = 0; i < 100; ++i) {
    const std::uint64_t seed = independent_seed(42, i);
    CHECK(seed < (std::uint64_t{1} << 53));  // the scenario's reader takes it exactly
    CHECK(seed == independent_seed(42, i));
    seeds.insert(seed);
  }
  CHECK(seeds.size() == 100);
  CHECK(independent_seed(43, 0) != independent_seed(42, 0));
}

TEST_CASE("sweep file: sampling and Pareto mistakes name the file, the line and the field", "[sweep]") {
  const auto check = [](const std::string& text, const std::string& field, const std::string& words) {
    const InputError e = sweep_error("scenario: park.yaml\n" + text);
    INFO(e.what());
    CHECK(e.field() == field);
    CHECK_THAT(e.message(), Contains(words));
  };
  check("sampling: {method: latin_hypercube, samples: 10}\nparameters:\n  - {key: a, values: [1]}\n", "sampling.seed",
        "give its seed");
  check("sampling: {method: halton, samples: 10}\nparameters:\n  - {key: a, values: [1]}\n", "sampling.method",
        "expected grid, latin_hypercube or sobol");
  check("sampling: {method: grid, samples: 10}\nparameters:\n  - {key: a, values: [1]}\n", "sampling",
        "for sampled methods");
  check("sampling: {method: sobol, samples: 0}\nparameters:\n  - {key: a, values: [1]}\n", "sampling.samples",
        "from 1 to");
  check("parameters:\n  - {key: a, range: {from: 1, to: 5}}\n", "parameters[0].range.step", "a grid needs a step");
  check("sampling: {method: sobol, samples: 4}\nparameters:\n  - {key: a, range: {from: 5, to: 5}}\n",
        "parameters[0].range.to", "must be > from");
  check("pareto: [co2_kg]\nparameters:\n  - {key: a, values: [1]}\n", "pareto", "two KPI keys");
  check("pareto: [co2_kg, co2_kg]\nparameters:\n  - {key: a, values: [1]}\n", "pareto", "two different KPIs");
  check("random_numbers: sometimes\nparameters:\n  - {key: a, values: [1]}\n", "random_numbers", "common");
  std::string many = "sampling: {method: sobol, samples: 4}\nparameters:\n";
  for (std::size_t i = 0; i <= kSobolMaxDimensions; ++i) many += "  - {key: k" + std::to_string(i) + ", values: [1]}\n";
  check(many, "parameters", "at most 21 parameters");
  const InputError e = sweep_error(
      "scenario: park.yaml\nsampling: {method: sobol, samples: 0}\nparameters:\n  - {key: a, values: [1]}\n");
  CHECK(e.where().line == 2);
}
