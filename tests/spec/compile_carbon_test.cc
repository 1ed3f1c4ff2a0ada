// The carbon inputs: grid factors named from the MEE/NBS table (each verified figure of
// assets/carbon/PROVENANCE.md), the table equal to the shipped CSV, and the carbon_ledger section's
// errors at the scenario's line.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "spec/mee_grid_factors.h"
#include "support/compile_text.h"
#include "support/scenarios.h"
#include "zeropark/error.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"

using namespace zeropark;
using Catch::Matchers::Contains;

namespace {

using testing::compile_error;
using testing::compile_text;

// The minimal park (one bus, a load named office, the grid) with an emission factor reference.
std::string with_factor(const std::string& year, const std::string& area) {
  return testing::minimal_scenario("  emission_factor: {table: mee, year: " + year + ", area: \"" + area + "\"}\n");
}

double factor_of(const std::string& year, const std::string& area) {
  return compile_text(with_factor(year, area)).grid.carbon_kg_per_kwh_hourly.at(1234);
}

// Splits one CSV line on commas outside double quotes.
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      fields.emplace_back();
    else
      fields.back() += c;
  }
  return fields;
}

}  // namespace

TEST_CASE("every verified MEE grid factor is found by year and area", "[compile][carbon]") {
  // PROVENANCE.md §7a, the figures checked against reports of the MEE/NBS announcements:
  // 2021 factors (announcement 2024 No. 12, 2024-04-12), 2022 (announced 2024-12-20),
  // 2023 (published about January 2026).
  struct Case {
    const char* year;
    const char* area;
    double kg_per_kwh;
  };
  const std::vector<Case> cases = {
      {"2021", "national", 0.5568},
      {"2021", "national_fossil", 0.8426},
      {"2022", "national", 0.5366},
      {"2022", "national_excl_market_nonfossil", 0.5856},
      {"2022", "national_fossil", 0.8325},
      {"2022", "North", 0.6776},
      {"2022", "Northeast", 0.5564},
      {"2022", "East", 0.5617},
      {"2022", "Central", 0.5395},
      {"2022", "Northwest", 0.5857},
      {"2022", "South", 0.3869},
      {"2022", "Southwest", 0.2268},
      {"2022", "national_compliance", 0.5703},
      {"2023", "national", 0.5306},
      {"2023", "national_excl_market_nonfossil", 0.6096},
      {"2023", "national_fossil", 0.8273},
      {"2023", "North", 0.6361},
      {"2023", "Northeast", 0.5122},
      {"2023", "East", 0.5500},
      {"2023", "Central", 0.5271},
      {"2023", "Northwest", 0.5543},
      {"2023", "South", 0.4042},
      {"2023", "Southwest", 0.2472},
  };
  for (const Case& c : cases) {
    INFO(c.year << " " << c.area);
    const ParkModel m = compile_text(with_factor(c.year, c.area));
    CHECK(m.grid.carbon_kg_per_kwh_hourly.at(0) == c.kg_per_kwh);
    CHECK(m.grid.carbon_kg_per_kwh_hourly.at(8759) == c.kg_per_kwh);
    CHECK(m.warnings.empty());
  }
  // Regions go by their Chinese names too: 华东 is the East China grid.
  CHECK(factor_of("2022", "华东") == 0.5617);
  CHECK(factor_of("2023", "南方") == 0.4042);
}

TEST_CASE("a provincial factor from the third-party table is used with a warning at its line", "[compile][carbon]") {
  const ParkModel m = compile_text(with_factor("2022", "Shanghai"));
  CHECK(m.grid.carbon_kg_per_kwh_hourly.at(0) == 0.5849);
  REQUIRE(m.warnings.size() == 1);
  // The reference sits on line 13 of the minimal scenario.
  CHECK_THAT(m.warnings[0], Contains("park.yaml:13") && Contains("not independently verified") &&
                                Contains("上海 Shanghai") && Contains("0.5849"));
  // A province the press reports confirmed (Yunnan, 2022) is not warned about.
  CHECK(compile_text(with_factor("2022", "云南")).warnings.empty());
  CHECK(factor_of("2022", "Yunnan") == 0.1073);
}

TEST_CASE("an unknown MEE year or area is an error at its line listing the choices", "[compile][carbon]") {
  const InputError year = compile_error(with_factor("2024", "East"));
  CHECK(year.field() == "grid.emission_factor.year");
  CHECK_THAT(year.what(), Contains("park.yaml:13:") && Contains("no factors for 2024") && Contains("2021, 2022, 2023"));
  const InputError area = compile_error(with_factor("2023", "Shanghai"));
  CHECK(area.field() == "grid.emission_factor.area");
  CHECK_THAT(area.what(), Contains("park.yaml:13:") && Contains("no 2023 factor for 'Shanghai'") &&
                              Contains("national, ") && Contains("Southwest"));
  const InputError table =
      compile_error(testing::minimal_scenario("  emission_factor: {table: iea, year: 2022, area: East}\n"));
  CHECK(table.field() == "grid.emission_factor.table");
  const InputError both = compile_error(testing::minimal_scenario(
      "  carbon_intensity_kg_per_kwh: 0.5\n  emission_factor: {table: mee, year: 2022, area: East}\n"));
  CHECK_THAT(both.what(), Contains("park.yaml:14:") && Contains("not both"));
}

TEST_CASE("the built-in MEE table equals assets/carbon/china_grid_co2_factors.csv", "[compile][carbon]") {
  std::ifstream in(std::string(ZEROPARK_ASSETS_DIR) + "/carbon/china_grid_co2_factors.csv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  CHECK(line == "data_year,scope,area,kgCO2_per_kWh,provenance");
  std::size_t row = 0;
  const std::vector<MeeGridFactor>& table = mee_grid_factors();
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> f = csv_fields(line);
    REQUIRE(f.size() == 5);
    REQUIRE(row < table.size());
    INFO("CSV row " << row + 1 << ": " << line);
    CHECK(table[row].year == std::stoi(f[0]));
    CHECK(table[row].scope == f[1]);
    CHECK(table[row].csv_area == f[2]);
    CHECK(table[row].kg_co2_per_kwh == std::stod(f[3]));
    CHECK(table[row].verified == f[4].starts_with("verified"));
    ++row;
  }
  CHECK(row == table.size());
  CHECK(row == 90);
}

TEST_CASE("a carbon ledger compiles its recyclables, offsets and accounts", "[compile][carbon]") {
  const ParkModel m = compile_text(testing::minimal_scenario(
      "carbon_ledger:\n"
      "  floor_area_m2: 227100\n"
      "  recyclables:\n"
      "    - {area: block_a, category: refrigerators, mass_kg: 46, factor_kg_co2_per_kg: 1.29630434783}\n"
      "  offsets:\n"
      "    - {name: open_day, co2_kg: 1000, source: CCER}\n"
      "  accounts:\n"
      "    - {name: tenant, members: [office, line_losses]}\n"));
  const CarbonLedgerModel& ledger = m.carbon_ledger;
  CHECK(ledger.present);
  CHECK(ledger.floor_area_m2 == 227100);
  REQUIRE(ledger.recyclables.size() == 1);
  CHECK(ledger.recyclables[0].area == "block_a");
  REQUIRE(ledger.offsets.size() == 1);
  CHECK(ledger.offsets[0].source == "CCER");
  REQUIRE(ledger.accounts.size() == 1);
  CHECK(ledger.accounts[0].loads == std::vector<int>{0});
  CHECK(ledger.accounts[0].line_losses);
  CHECK_FALSE(compile_text(testing::minimal_scenario()).carbon_ledger.present);
}

TEST_CASE("carbon ledger mistakes are errors at their line naming the field", "[compile][carbon]") {
  // carbon_ledger: sits on line 13, after the minimal scenario's grid section; its body starts on 14.
  const auto ledger_error = [](const std::string& body) {
    return compile_error(testing::minimal_scenario("carbon_ledger:\n" + body));
  };
  const InputError unknown = ledger_error("  accounts:\n    - {name: t, members: [office, ofice]}\n");
  CHECK(unknown.field() == "carbon_ledger.accounts.t.members[1]");
  CHECK_THAT(unknown.what(), Contains("park.yaml:15:") && Contains("no electric consumer is named 'ofice'"));
  const InputError twice =
      ledger_error("  accounts:\n    - {name: a, members: [office]}\n    - {name: b, members: [office]}\n");
  CHECK_THAT(twice.what(), Contains("park.yaml:16:") && Contains("already a member of account 'a'"));
  const InputError duplicate =
      ledger_error("  accounts:\n    - {name: a, members: [office]}\n    - {name: a, members: [line_losses]}\n");
  CHECK(duplicate.field() == "carbon_ledger.accounts.a.name");
  CHECK_THAT(duplicate.what(), Contains("park.yaml:16:") && Contains("duplicate account name (also at line 15)"));
  const InputError offsets = ledger_error("  offsets:\n    - {name: x, co2_kg: 1}\n    - {name: x, co2_kg: 2}\n");
  CHECK_THAT(offsets.what(), Contains("park.yaml:16:") && Contains("duplicate offset name"));
  const InputError mass =
      ledger_error("  recyclables:\n    - {category: paper, mass_kg: -5, factor_kg_co2_per_kg: 1}\n");
  CHECK(mass.field() == "carbon_ledger.recyclables[0].mass_kg");
  CHECK_THAT(mass.what(), Contains("park.yaml:15:"));
  const InputError factor = ledger_error("  recyclables:\n    - {category: paper, mass_kg: 5}\n");
  CHECK(factor.field() == "carbon_ledger.recyclables[0].factor_kg_co2_per_kg");
  CHECK_THAT(factor.what(), Contains("is required"));
  const InputError negative_offset = ledger_error("  offsets:\n    - {name: x, co2_kg: -1}\n");
  CHECK(negative_offset.field() == "carbon_ledger.offsets[0].co2_kg");
  const InputError no_ev =
      ledger_error("  accounts:\n    - {name: a, members: [office], credits: {valley_charging_kg_co2_per_kwh: 0.1}}\n");
  CHECK_THAT(no_ev.what(), Contains("park.yaml:15:") && Contains("no member is an EV charger group"));
  const InputError key = ledger_error("  floor_area: 100\n");
  CHECK_THAT(key.what(), Contains("park.yaml:14:") && Contains("did you mean 'floor_area_m2'"));
}
