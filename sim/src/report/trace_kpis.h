// The KPI set recomputed from a trace's rows alone (the set the Python package computes too):
// grid energy, the bill, CO2, on-site generation, batteries, EV charge-point hours and loads.
//
// Every figure sums power_kw × duration_s / 3600 over the rows, exactly as the engine's
// accumulators do (sim/src/kernel/plant.cc, sim/src/trace/kpi.cc), so each equals the run's own
// kpis/<key> to rounding. Two of the engine's KPIs are left out because a trace cannot give them:
// ev_charging_kwh and ev_v2g_returned_kwh are sums over charge points, but the trace records one
// net power per charger group, and in a V2G group some cars charge while others discharge. Their
// difference is exact: ev_net_charging_kwh, which the run records as ev_charging_kwh −
// ev_v2g_returned_kwh.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/trace_reader.h"

namespace zeropark::report {

struct RecomputedKpi {
  std::string key;
  std::string unit;
  double value = 0;
};

// The run's own value of a recomputed KPI (kpis/<key>, or the difference above for
// ev_net_charging_kwh); nullopt when the run did not record it.
std::optional<double> recorded_kpi(const TraceFile& trace, const std::string& key);

// The KPIs in a fixed order (docs/report.md). Throws TraceError when a channel they need is
// missing (no grid component, a grid without price or emission factor, a malformed start time).
std::vector<RecomputedKpi> recompute_kpis(const TraceFile& trace);

// The trace's one grid component; throws TraceError when there is none or more than one.
const TraceComponent& grid_component(const TraceFile& trace);

// duration_s / 3600 of every row.
std::vector<double> row_hours(const TraceFile& trace);

}  // namespace zeropark::report
