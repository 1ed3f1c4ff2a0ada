// Key performance indicators of a run: what a park's operators report.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "zeropark/trace.h"

namespace zeropark {

struct Kpi {
  std::string key;  // snake_case with its unit last: grid_import_kwh, co2_kg, self_sufficiency_ratio
  std::string unit;
  double value = 0;
  std::string description;
};
using KpiTable = std::vector<Kpi>;

// The value of `key`; throws std::out_of_range when absent.
double kpi_value(const KpiTable& table, std::string_view key);

// One line of the park's carbon ledger: + emitted, − removed, avoided or offset.
struct CarbonLedgerLine {
  std::string line;  // "grid electricity", "green space: <name>", "recyclables: <category> (<area>)", "offset: <name>"
  std::string kind;  // emission, sink, recycling or offset
  std::string area;  // "" when park-wide
  double co2_kg = 0;
};

// The ledger of a run that emitted `co2_kg` through its imports over `run_s` seconds: the grid's
// line, each green space's uptake over the run (its yearly factor × run_s / 365 days), then each
// recyclable and offset of the scenario's carbon_ledger. Every park has at least the grid's line.
std::vector<CarbonLedgerLine> carbon_ledger_lines(const ParkModel& model, double co2_kg, Tick run_s);

// Accumulates cost, CO2 and demand over a run's segments; energies come from the state's totals.
class KpiAccumulator final : public TraceSink {
 public:
  void on_run_start(const ParkModel& model, const ParkState& state) override;
  void on_event(const ParkModel& model, const ParkState& state, Tick duration_s) override;
  void on_run_end(const ParkModel& model, const ParkState& state) override;

  // Valid after on_run_end.
  const KpiTable& table() const { return table_; }

 private:
  void add_window_energy(const ParkModel& model, std::int64_t window, double import_kwh);
  void close_window(const ParkModel& model);
  void attribute_to_accounts(const ParkModel& model, const OperatingPoint& op, Tick duration_s);

  std::int64_t start_seconds_ = 0;
  double energy_cost_cny_ = 0;
  double export_revenue_cny_ = 0;
  double co2_kg_ = 0;
  double peak_import_kw_ = 0;
  double load_demand_kwh_ = 0;
  std::int64_t window_ = -1;          // index of the demand window being filled
  double window_import_kwh_ = 0;
  std::map<int, double> max_demand_kw_by_month_;  // key: year × 100 + month
  // Per carbon account: attributed CO2 and energy cost, and the credit its EV charging earned.
  std::vector<double> account_co2_kg_, account_cost_cny_, account_credit_kg_co2_;
  KpiTable table_;
};

// Adds the comparison with the baseline run (same park without PV and batteries): CO2 avoided,
// cost saved, import avoided.
void add_baseline_comparison(KpiTable& run, const KpiTable& baseline);

}  // namespace zeropark
