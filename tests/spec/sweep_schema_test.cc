// The sweep file's JSON Schema against its reader (sim/apps/zeropark/sweep_file.cc): every shipped
// and test sweep file validates, and files the reader refuses for a key or a value are refused too.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "support/json_schema_validator.h"
#include "sweep_file.h"
#include "zeropark/error.h"
#include "zeropark/spec.h"

using namespace zeropark;
using nlohmann::json;

namespace {

std::vector<std::string> sweep_schema_errors(const std::string& yaml) {
  static const json schema = json::parse(sweep_json_schema());
  std::vector<std::string> errors;
  testing::validate(YAML::Load(yaml), schema, "", errors);
  return errors;
}

bool sweep_reader_accepts(const std::string& yaml) {
  try {
    cli::read_sweep_text(yaml, std::string(ZEROPARK_TEST_DATA_DIR) + "/sweeps/schema_test.yaml");
    return true;
  } catch (const InputError&) {
    return false;
  }
}

}  // namespace

TEST_CASE("the sweep schema is draft-07 JSON using only the keywords its test validator knows", "[spec][schema]") {
  const json schema = json::parse(sweep_json_schema());
  CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
  std::set<std::string> keywords;
  testing::collect_keywords(schema, keywords);
  for (const std::string& k : keywords) {
    INFO("keyword " << k);
    CHECK(testing::kSchemaKeywords.count(k) == 1);
  }
  CHECK(schema["properties"].size() == 8);
}

TEST_CASE("every shipped and test sweep file validates against the sweep schema", "[spec][schema]") {
  int validated = 0;
  for (const std::string& folder :
       {std::string(ZEROPARK_TEST_DATA_DIR) + "/sweeps", std::string(ZEROPARK_SOURCE_DIR) + "/examples/sweeps"}) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() != ".yaml") continue;
      INFO(entry.path().string());
      // bad_key.yaml and one_bad_value.yaml are bad on the scenario side only: the file itself is sound.
      CHECK_NOTHROW(cli::read_sweep_file(entry.path()));
      std::string errors;
      for (const std::string& e : sweep_schema_errors(testing::read_text(entry.path()))) errors += e + "\n";
      CHECK(errors == "");
      ++validated;
    }
  }
  CHECK(validated >= 8);
}

TEST_CASE("sweep files the reader refuses for a key or a value the sweep schema refuses too", "[spec][schema]") {
  const std::string head = "scenario: ../../../scenarios/baoshan_carbon_zero_park.yaml\n";
  const std::string parameters = "parameters:\n  - {key: simulation.controller, values: [self_consumption]}\n";
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"unknown top-level key", head + parameters + "sed: 3\n"},
      {"no parameters", head},
      {"no scenario", parameters},
      {"unknown parameter key", head + "parameters:\n  - {key: a.b, valuez: [1]}\n"},
      {"unknown range key", head + "parameters:\n  - {key: a.b, range: {from: 1, to: 2, stepp: 1}}\n"},
      {"negative step", head + "parameters:\n  - {key: a.b, range: {from: 1, to: 2, step: -1}}\n"},
      {"empty values", head + "parameters:\n  - {key: a.b, values: []}\n"},
      {"unknown method", head + parameters + "sampling: {method: halton, samples: 8}\n"},
      {"no samples", head + parameters + "sampling: {method: latin_hypercube, sampels: 8, seed: 1}\n"},
      {"zero samples", head + parameters + "sampling: {method: sobol, samples: 0}\n"},
      {"negative seed", head + parameters + "seed: -1\n"},
      {"random numbers", head + parameters + "random_numbers: shared\n"},
      {"three Pareto keys", head + parameters + "pareto: [a, b, c]\n"},
      {"traces not a boolean", head + parameters + "traces: yes\n"},
  };
  for (const auto& [name, text] : bad) {
    INFO(name);
    CHECK_FALSE(sweep_reader_accepts(text));
    CHECK_FALSE(sweep_schema_errors(text).empty());
  }
  CHECK(sweep_reader_accepts(head + parameters));
  CHECK(sweep_schema_errors(head + parameters).empty());
}

TEST_CASE("docs/sweep.schema.json is the sweep schema the simulator generates", "[spec][schema][docs]") {
  CHECK(testing::read_text(std::string(ZEROPARK_SOURCE_DIR) + "/docs/sweep.schema.json") == sweep_json_schema());
}
