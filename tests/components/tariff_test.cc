#include <catch2/catch.hpp>

#include "components/tariff.h"
#include "support/scenarios.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

ParkModel park_with_tariff() {
  const std::string text = testing::minimal_scenario(
      "  tariff:\n"
      "    prices_cny_per_kwh: {peak: 1.0, flat: 0.6, valley: 0.3}\n"
      "    seasons:\n"
      "      - name: summer\n"
      "        months: [7, 8]\n"
      "        prices_cny_per_kwh: {peak: 1.4}\n"
      "        periods:\n"
      "          - {start: \"00:00\", period: valley}\n"
      "          - {start: \"08:00\", period: peak}\n"
      "          - {start: \"11:30\", period: flat}\n"
      "          - {start: \"22:00\", period: valley}\n"
      "      - name: rest\n"
      "        months: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12]\n"
      "        periods:\n"
      "          - {start: \"00:00\", period: valley}\n"
      "          - {start: \"08:00\", period: peak}\n"
      "          - {start: \"22:00\", period: valley}\n");
  return compile_park(read_scenario_text(text, "tariff.yaml"));
}

}  // namespace

TEST_CASE("tariff periods are looked up by month and time of day", "[tariff]") {
  const ParkModel m = park_with_tariff();
  const TariffModel& t = m.grid.tariff;
  CHECK(tariff_segment(t, 7, 0).price_cny_per_kwh == 0.3);
  CHECK(tariff_segment(t, 7, 8 * 3600).price_cny_per_kwh == 1.4);  // the season's own price
  CHECK(tariff_segment(t, 7, 11 * 3600 + 1799).price_cny_per_kwh == 1.4);
  CHECK(tariff_segment(t, 7, 11 * 3600 + 1800).price_cny_per_kwh == 0.6);
  CHECK(tariff_segment(t, 3, 12 * 3600).price_cny_per_kwh == 1.0);  // the shared price
  CHECK(tariff_segment(t, 3, 23 * 3600).price_cny_per_kwh == 0.3);
  CHECK(t.period_names[static_cast<std::size_t>(tariff_segment(t, 3, 12 * 3600).period)] == "peak");
}

TEST_CASE("the next tariff boundary is the next period start or midnight", "[tariff]") {
  const ParkModel m = park_with_tariff();
  const TariffModel& t = m.grid.tariff;
  CHECK(next_tariff_boundary_s(t, 7, 0) == 8 * 3600);
  CHECK(next_tariff_boundary_s(t, 7, 9 * 3600) == 11 * 3600 + 1800);
  CHECK(next_tariff_boundary_s(t, 7, 22 * 3600) == 86400);
}
