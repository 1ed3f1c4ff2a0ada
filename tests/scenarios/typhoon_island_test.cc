// The Futian building through a typhoon (a what-if on the shipped Shenzhen scenario): the grid is
// lost for 12 hours overnight and the yard gateway with it; the dispatch IT room is critical and
// 60 % of the battery is kept in reserve for outages.
// Hypothetical outage; typhoon Saola did pass Shenzhen on 1–2 September 2023 (red warning).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;

namespace {

std::string shenzhen_text() {
  std::ifstream in(std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/shenzhen_futian_power_building.yaml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The scenario's week of 28 August 2023, with the IT room critical, the outage, and (optionally)
// an EMS network: the battery and the V2G points behind the yard's gateway, which is down too.
ParkModel typhoon_week(bool with_network) {
  std::string text = shenzhen_text();
  text = replaced(text, "start: 2023-01-01T00:00", "start: 2023-08-28T00:00");
  text = replaced(text, "end: 2024-01-01T00:00", "end: 2023-09-04T00:00");
  text = replaced(text, "annual_kwh: 260000}", "annual_kwh: 260000, critical: yes}");
  // Half the battery kept for outages: the dispatch room's 12 h need about 300 kWh.
  text = replaced(text, "    soc_initial: 0.5\n", "    soc_initial: 0.5\n    backup_reserve_soc: 0.6\n");
  text += "outages:\n  - {component: grid, start: \"2023-09-01T18:00\", end: \"2023-09-02T06:00\"}\n";
  if (with_network)
    text +=
        "  - {link: yard_gateway, start: \"2023-09-01T20:00\", end: \"2023-09-02T08:00\"}\n"
        "network:\n"
        "  gateways:\n"
        "    - {name: yard_gateway, latency_ms: 30, bandwidth_kbps: 2000}\n"
        "  links:\n"
        "    - {device: battery_building, latency_ms: 5, bandwidth_kbps: 10000}\n"
        "    - {device: v2g_staff, gateway: yard_gateway, latency_ms: 10, bandwidth_kbps: 1000}\n"
        "    - {device: grid, latency_ms: 5, bandwidth_kbps: 10000}\n";
  ParkSpec spec = read_scenario_text(text, std::string(ZEROPARK_SOURCE_DIR) + "/scenarios/typhoon.yaml");
  return compile_park(spec);
}

double kpi(const KpiTable& table, const std::string& key) {
  for (const Kpi& k : table)
    if (k.key == key) return k.value;
  FAIL("no KPI " << key);
  return 0;
}

// Exchange and served critical demand while islanded.
class IslandLog final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick) override {
    if (s.powers.grid_connected) return;
    exchange_kw = std::max(exchange_kw, std::abs(s.powers.grid_kw));
    for (std::size_t i = 0; i < m.loads.size(); ++i)
      if (m.loads[i].critical)
        it_room_unserved_kw = std::max(it_room_unserved_kw, s.powers.load_demand_kw[i] + s.powers.load_kw[i]);
  }
  double exchange_kw = 0, it_room_unserved_kw = 0;
};

}  // namespace

TEST_CASE("through a 12-hour typhoon outage the Futian building keeps its dispatch IT room running",
          "[scenarios][island][network]") {
  for (const bool with_network : {false, true}) {
    INFO("network: " << with_network);
    IslandLog log;
    RunOptions options;
    const RunResult result = run_park(typhoon_week(with_network), &log, options);
    WARN("typhoon week, network "
         << with_network << ": islanded " << kpi(result.kpis, "islanded_hours") << " h, survived "
         << kpi(result.kpis, "islanded_hours_survived") << " h, critical unserved "
         << kpi(result.kpis, "critical_unserved_kwh") << " kWh, offices unserved "
         << kpi(result.kpis, "unserved_kwh.offices") << " kWh, EV departures short "
         << kpi(result.kpis, "ev_departures_short") << ", baseline critical unserved "
         << kpi(result.baseline_kpis, "critical_unserved_kwh") << " kWh"
         << (with_network ? ", messages lost " + std::to_string(kpi(result.kpis, "network_messages_lost")) +
                                ", fallbacks " + std::to_string(kpi(result.kpis, "network_fallbacks"))
                          : std::string()));
    CHECK(kpi(result.kpis, "islanded_hours") == Approx(12).epsilon(1e-12));
    CHECK(log.exchange_kw == 0);
    // The baseline (no PV, no battery, no V2G) loses the IT room for the whole outage.
    CHECK(kpi(result.baseline_kpis, "islanded_hours_survived") == 0);
    CHECK(kpi(result.baseline_kpis, "critical_unserved_kwh") > 100);
    // The reserve (0.6 − 0.1 of 430 kWh, 96 % out) carries the room through most of the night.
    CHECK(kpi(result.kpis, "islanded_hours_survived") > 6);
    CHECK(kpi(result.kpis, "critical_unserved_kwh") < 0.35 * kpi(result.baseline_kpis, "critical_unserved_kwh"));
  }
}
