// The control network on SimGrid: messages take what their links say, a link outage loses
// measurements and set-points and makes devices fall back, and an instant network changes nothing.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "support/scenarios.h"
#include "zeropark/error.h"
#include "zeropark/kpi.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"

using namespace zeropark;
using zeropark::testing::shanghai_epw;

namespace {

// A week of an office with PV and a battery; `network` and `outages` are YAML sections.
std::string office_week(const std::string& network, const std::string& outages = "") {
  return "name: networked\n"
         "simulation:\n"
         "  weather: " +
         shanghai_epw() +
         "\n"
         "  start: \"2023-01-02T00:00\"\n"
         "  end: \"2023-01-09T00:00\"\n"
         "buses:\n  - name: main\n"
         "loads:\n  - {name: office, bus: main, profile: office, peak_kw: 300}\n"
         "pv:\n  - {name: roof, bus: main, dc_capacity_kw: 300}\n"
         "batteries:\n  - {name: battery, bus: main, capacity_kwh: 400, max_charge_kw: 100, max_discharge_kw: 100}\n"
         "grid:\n  bus: main\n" +
         network + outages;
}

const std::string kGatewayNetwork =
    "network:\n"
    "  setpoint_timeout_s: 5400\n"
    "  gateways:\n"
    "    - {name: roof_gateway, latency_ms: 40, bandwidth_kbps: 64}\n"
    "  links:\n"
    "    - {device: battery, gateway: roof_gateway, latency_ms: 20, bandwidth_kbps: 1000}\n"
    "    - {device: grid, latency_ms: 10, bandwidth_kbps: 1000}\n";

double kpi(const KpiTable& table, const std::string& key) {
  for (const Kpi& k : table)
    if (k.key == key) return k.value;
  FAIL("no KPI " << key);
  return 0;
}

RunResult run(const std::string& scenario, TraceSink* sink = nullptr) {
  RunOptions options;
  options.with_baseline = false;
  return run_park(compile_park(read_scenario_text(scenario, "network.yaml")), sink, options);
}

// The battery's set-point in force, per segment.
class SetpointLog final : public TraceSink {
 public:
  void on_event(const ParkModel&, const ParkState& s, Tick dt) override {
    if (s.tick >= from && s.tick < to) {
      idle_s += s.battery_setpoint_kw[0] == 0.0 ? dt : 0;
      seen_s += dt;
    }
  }
  Tick from = 0, to = 0, idle_s = 0, seen_s = 0;
};

}  // namespace

TEST_CASE("messages take the sum of their links' latencies plus their size over the slowest bandwidth", "[network]") {
  const RunResult result = run(office_week(kGatewayNetwork));
  // 168 hourly decisions, each: two measurements (battery, meter) and one set-point.
  CHECK(kpi(result.kpis, "network_messages") == 168 * 3);
  CHECK(kpi(result.kpis, "network_messages_lost") == 0);
  // The battery's 256-byte measurement: 20 + 40 ms, then 256 B at 64 kbit/s = 8,000 B/s: 0.092 s.
  // Its 64-byte set-point: 0.06 + 64/8000 = 0.068 s; the meter's: 0.01 + 256/125000 = 0.012048 s.
  CHECK(kpi(result.kpis, "network_max_delay_s") == Approx(0.092).epsilon(1e-9));
  CHECK(kpi(result.kpis, "network_mean_delay_s") == Approx((0.092 + 0.068 + 0.012048) / 3).epsilon(1e-9));
  CHECK(kpi(result.kpis, "network_fallbacks") == 0);
}

TEST_CASE("an instant network gives the same park as no network at all", "[network]") {
  const std::string instant =
      "network:\n  measurement_bytes: 0\n  setpoint_bytes: 0\n"
      "  links:\n    - {device: battery, latency_ms: 0, bandwidth_kbps: 1000}\n"
      "    - {device: grid, latency_ms: 0, bandwidth_kbps: 1000}\n";
  const RunResult networked = run(office_week(instant));
  const RunResult ideal = run(office_week(""));
  CHECK(networked.final_state.battery_energy_kwh == ideal.final_state.battery_energy_kwh);
  CHECK(networked.events == ideal.events);
  for (const Kpi& k : ideal.kpis) CHECK(kpi(networked.kpis, k.key) == k.value);
}

TEST_CASE("a gateway outage loses messages, the battery falls back to idle after its timeout, and recovers",
          "[network]") {
  // The gateway is out 06:00–18:00 on Wednesday: 12 decisions lose the battery's measurement and
  // set-point. The last set-point applied at 05:00:01 (the messages take 0.16 s, applied on the
  // next whole second); 5,400 s later, at 06:30:01, the battery idles until the 18:00 set-point
  // lands at 18:00:01: 11.5 h of fallback.
  const std::string outage =
      "outages:\n  - {link: roof_gateway, start: \"2023-01-04T06:00\", end: \"2023-01-04T18:00\"}\n";
  SetpointLog log;
  log.from = 2 * 86400 + 6 * 3600 + 1801;  // Wednesday 06:30:01
  log.to = 2 * 86400 + 18 * 3600 + 1;      // 18:00:01
  const RunResult result = run(office_week(kGatewayNetwork, outage), &log);
  CHECK(kpi(result.kpis, "network_messages_lost") == 24);
  CHECK(kpi(result.kpis, "network_setpoints_lost") == 12);
  CHECK(kpi(result.kpis, "network_fallbacks") == 1);
  CHECK(kpi(result.kpis, "network_fallback_device_hours") == Approx(11.5).epsilon(1e-12));
  CHECK(log.seen_s == 11 * 3600 + 1800);
  CHECK(log.idle_s == log.seen_s);
  // The same scenario and seed, the same outcome.
  const RunResult again = run(office_week(kGatewayNetwork, outage));
  CHECK(again.final_state.battery_energy_kwh == result.final_state.battery_energy_kwh);
}

TEST_CASE("set-points slower than the decision interval never apply", "[network]") {
  // 64 bytes at 0.0125 B/s take 5,120 s: every set-point is still on its way at the next decision.
  const std::string slow =
      "network:\n  setpoint_timeout_s: 7200\n"
      "  links:\n    - {device: battery, bandwidth_kbps: 0.0001}\n";
  const RunResult result = run(office_week(slow));
  CHECK(kpi(result.kpis, "network_setpoints_lost") == 168);
  CHECK(kpi(result.kpis, "battery_discharged_kwh") == 0);  // idle from the start: nothing arrives
}

TEST_CASE("network sections are checked at their lines", "[network][errors]") {
  const auto error_of = [](const std::string& network, const std::string& outages = "") -> std::string {
    try {
      compile_park(read_scenario_text(office_week(network, outages), "bad.yaml"));
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK_THAT(error_of("network:\n  links:\n    - {device: batery, bandwidth_kbps: 10}\n"),
             Catch::Contains("network.links[0].device") && Catch::Contains("named 'batery'"));
  CHECK_THAT(error_of("network:\n  links:\n    - {device: battery, gateway: gw, bandwidth_kbps: 10}\n"),
             Catch::Contains("network.links[0].gateway") && Catch::Contains("no gateway named 'gw'"));
  CHECK_THAT(error_of("network:\n  links:\n    - {device: battery, bandwidth_kbps: 10}\n"
                      "    - {device: battery, bandwidth_kbps: 20}\n"),
             Catch::Contains("network.links[1].device") && Catch::Contains("already has a link"));
  CHECK_THAT(error_of("network:\n  links:\n    - {device: battery}\n"),
             Catch::Contains("network.links[0].bandwidth_kbps") && Catch::Contains("required"));
  CHECK_THAT(
      error_of(kGatewayNetwork, "outages:\n  - {link: roof, start: \"2023-01-04T06:00\", end: \"2023-01-04T07:00\"}\n"),
      Catch::Contains("outages[0].link") && Catch::Contains("no gateway or networked device named 'roof'"));
  CHECK_THAT(error_of(kGatewayNetwork,
                      "outages:\n  - {link: roof_gateway, component: roof, start: \"2023-01-04T06:00\", "
                      "end: \"2023-01-04T07:00\"}\n"),
             Catch::Contains("give either component"));
}
