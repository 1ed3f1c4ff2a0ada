// What `zeropark report` prints: the KPI comparison and attribution tables, or the JSON object
// shared with the Python package ({"kpis": …, "assets": …, "zones": …}, docs/report.md).
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "report/attribution.h"
#include "report/trace_kpis.h"

namespace zeropark::report {

// A recomputed KPI beside the value the run recorded in kpis/<key> (nullopt when it did not).
struct KpiCheck {
  RecomputedKpi kpi;
  std::optional<double> recorded;
  bool differs = false;  // |recomputed − recorded| > 1e-9 × max(|recomputed|, |recorded|)
};

// Relative difference test used throughout the report: true when a and b differ by more than
// `relative` of the larger magnitude (two zeros agree).
bool differs_relative(double a, double b, double relative = 1e-9);

std::vector<KpiCheck> check_against_recorded(const TraceFile& trace, const std::vector<RecomputedKpi>& kpis);

// The JSON object, numbers with 17 significant digits (round-trip exact), keys in a fixed order.
void write_json(std::ostream& out, const std::vector<RecomputedKpi>& kpis, const Attribution& attribution);

// The human-readable report: KPI table with marks and a warning line when any differ, then the
// assets sorted by CO2 (the first `top_assets`), then the zones.
void write_tables(std::ostream& out, const std::string& trace_name, const std::vector<KpiCheck>& kpis,
                  const Attribution& attribution, std::size_t top_assets);

}  // namespace zeropark::report
