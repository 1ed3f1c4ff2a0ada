// Small parks and a trace sink for the controller tests: the Shanghai time-of-use tariff, a
// battery, car sessions, and energy split by tariff period.
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "support/scenarios.h"
#include "zeropark/controller.h"
#include "zeropark/model.h"
#include "zeropark/run.h"
#include "zeropark/spec.h"
#include "zeropark/state.h"
#include "zeropark/trace.h"

namespace zeropark::testing {

// The Baoshan scenario's tariff (scenarios/baoshan_carbon_zero_park.yaml), as grid lines.
inline std::string shanghai_tariff() {
  return "  tariff:\n"
         "    prices_cny_per_kwh: {critical_peak: 1.25, peak: 1.05, flat: 0.65, valley: 0.30}\n"
         "    export_price_cny_per_kwh: 0.4155\n"
         "    demand_charge_cny_per_kw_month: 40.8\n"
         "    demand_window_s: 900\n"
         "    seasons:\n"
         "      - name: summer\n"
         "        months: [7, 8, 9]\n"
         "        periods:\n"
         "          - {start: \"00:00\", period: valley}\n"
         "          - {start: \"06:00\", period: flat}\n"
         "          - {start: \"08:00\", period: peak}\n"
         "          - {start: \"12:00\", period: critical_peak}\n"
         "          - {start: \"14:00\", period: peak}\n"
         "          - {start: \"15:00\", period: flat}\n"
         "          - {start: \"18:00\", period: peak}\n"
         "          - {start: \"21:00\", period: flat}\n"
         "          - {start: \"22:00\", period: valley}\n"
         "      - name: winter\n"
         "        months: [1, 12]\n"
         "        periods:\n"
         "          - {start: \"00:00\", period: valley}\n"
         "          - {start: \"06:00\", period: flat}\n"
         "          - {start: \"08:00\", period: peak}\n"
         "          - {start: \"11:00\", period: flat}\n"
         "          - {start: \"18:00\", period: peak}\n"
         "          - {start: \"19:00\", period: critical_peak}\n"
         "          - {start: \"21:00\", period: flat}\n"
         "          - {start: \"22:00\", period: valley}\n"
         "      - name: spring_autumn\n"
         "        months: [2, 3, 4, 5, 6, 10, 11]\n"
         "        periods:\n"
         "          - {start: \"00:00\", period: valley}\n"
         "          - {start: \"06:00\", period: flat}\n"
         "          - {start: \"08:00\", period: peak}\n"
         "          - {start: \"11:00\", period: flat}\n"
         "          - {start: \"18:00\", period: peak}\n"
         "          - {start: \"21:00\", period: flat}\n"
         "          - {start: \"22:00\", period: valley}\n";
}

// A 400 kWh / 100 kW battery on the main bus, half full.
inline std::string battery_400kwh() {
  return "batteries:\n"
         "  - name: battery\n"
         "    bus: main\n"
         "    capacity_kwh: 400\n"
         "    max_charge_kw: 100\n"
         "    max_discharge_kw: 100\n"
         "    charge_efficiency: 0.96\n"
         "    discharge_efficiency: 0.96\n"
         "    soc_min: 0.1\n"
         "    soc_max: 0.95\n"
         "    soc_initial: 0.5\n";
}

// A 300 kWp south-facing array on the main bus, tilted 22°.
inline std::string pv_roof_300kwp() {
  return "pv:\n"
         "  - name: roof\n"
         "    bus: main\n"
         "    dc_capacity_kw: 300\n"
         "    tilt_deg: 22\n"
         "    azimuth_deg: 180\n";
}

// A group of 7 kW charge points (95 % efficient) on the main bus replaying a sessions CSV.
inline std::string charger_group(const std::string& name, int count, const std::string& sessions_csv,
                                 bool bidirectional = false) {
  return "ev_chargers:\n"
         "  - name: " +
         name +
         "\n"
         "    bus: main\n"
         "    count: " +
         std::to_string(count) +
         "\n"
         "    max_power_kw: 7\n"
         "    efficiency: 0.95\n"
         "    bidirectional: " +
         (bidirectional ? "yes" : "no") +
         "\n"
         "    sessions: " +
         sessions_csv + "\n";
}

// A week of Shanghai winter, Monday 2 to Monday 9 January 2023, with `controller`.
inline std::string winter_week(const std::string& controller, const std::string& more = "") {
  return "  start: 2023-01-02T00:00\n  end: 2023-01-09T00:00\n  controller: " + controller + "\n" + more;
}

// Sessions CSV text: each day of the week, `cars` cars arriving from `arrive_h` (one every 10
// minutes) and leaving `stay_h` hours later, each asking for `energy_kwh`.
inline std::string daily_sessions(int cars, int arrive_h, int stay_h, double energy_kwh) {
  std::string text = "arrival,departure,energy_kwh\n";
  char line[96];
  for (int day = 1; day <= 8; ++day)
    for (int c = 0; c < cars; ++c) {
      const int arrive_min = arrive_h * 60 + 10 * c;
      const int leave_min = arrive_min + stay_h * 60;
      const int leave_day = day + leave_min / 1440;
      std::snprintf(line, sizeof line, "2023-01-%02d %02d:%02d,2023-01-%02d %02d:%02d,%g\n", day, arrive_min / 60,
                    arrive_min % 60, leave_day, (leave_min % 1440) / 60, leave_min % 60, energy_kwh);
      text += line;
    }
  return text;
}

// Energy by tariff period (kWh), from every segment of a run.
class PeriodLedger final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick duration_s) override {
    const std::size_t periods = m.grid.tariff.period_names.size();
    for (auto* v : {&ev_charge_kwh, &ev_v2g_kwh, &import_kwh}) v->resize(std::max<std::size_t>(periods, 1), 0.0);
    const std::size_t p = static_cast<std::size_t>(s.powers.tariff_period);
    const double h = static_cast<double>(duration_s) / 3600.0;
    for (double kw : s.powers.ev_kw) (kw < 0 ? ev_charge_kwh : ev_v2g_kwh)[p] += std::abs(kw) * h;
    import_kwh[p] += std::max(0.0, s.powers.grid_kw) * h;
    if (expensive(m, p)) peak_period_max_import_kw = std::max(peak_period_max_import_kw, s.powers.grid_kw);
  }
  static bool expensive(const ParkModel& m, std::size_t p) {
    return m.grid.tariff.period_names[p] == "peak" || m.grid.tariff.period_names[p] == "critical_peak";
  }
  double in(const ParkModel& m, const std::vector<double>& kwh, const std::string& period) const {
    for (std::size_t p = 0; p < kwh.size(); ++p)
      if (m.grid.tariff.period_names[p] == period) return kwh[p];
    return 0;
  }
  double expensive_total(const ParkModel& m, const std::vector<double>& kwh) const {
    return in(m, kwh, "peak") + in(m, kwh, "critical_peak");
  }
  static double total(const std::vector<double>& kwh) {
    double sum = 0;
    for (double v : kwh) sum += v;
    return sum;
  }
  std::vector<double> ev_charge_kwh, ev_v2g_kwh, import_kwh;
  double peak_period_max_import_kw = 0;
};

inline ParkModel park(const std::string& extra, const std::string& simulation_extra) {
  return compile_park(read_scenario_text(minimal_scenario(extra, simulation_extra), "controller_test.yaml"));
}

inline RunResult run(const ParkModel& model, TraceSink* sink = nullptr) {
  RunOptions options;
  options.with_baseline = false;
  return run_park(model, sink, options);
}

// An observation with every span pointing at the given vectors (one entry per device).
struct ObservationData {
  std::vector<double> battery_energy_kwh, thermal_storage_energy_kwh;
  std::vector<double> ev_plugged, ev_energy_needed_kwh, ev_charge_limit_kw, ev_forced_kw, ev_v2g_limit_kw;
  Observation view(Tick tick, double net_demand_kw, double price_cny_per_kwh) const {
    Observation o;
    o.tick = tick;
    o.net_demand_kw = net_demand_kw;
    o.price_cny_per_kwh = price_cny_per_kwh;
    o.battery_energy_kwh = battery_energy_kwh;
    o.thermal_storage_energy_kwh = thermal_storage_energy_kwh;
    o.ev_plugged = ev_plugged;
    o.ev_energy_needed_kwh = ev_energy_needed_kwh;
    o.ev_charge_limit_kw = ev_charge_limit_kw;
    o.ev_forced_kw = ev_forced_kw;
    o.ev_v2g_limit_kw = ev_v2g_limit_kw;
    return o;
  }
};

}  // namespace zeropark::testing
