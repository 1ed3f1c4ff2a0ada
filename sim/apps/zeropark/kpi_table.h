// The KPI table as the CLI prints it.
#pragma once

#include <cstdio>

#include <string>
#include <vector>

#include "zeropark/controller.h"
#include "zeropark/kpi.h"

namespace zeropark::cli {

void print_kpi_table(std::FILE* out, const KpiTable& kpis);

// Several runs' KPIs side by side, one column per run (the tables must share their keys).
void print_kpi_columns(std::FILE* out, const std::vector<std::string>& headings, const std::vector<KpiTable>& tables);

// A controller's own figures (solve times...), after the KPIs; nothing when it has none.
void print_controller_statistics(std::FILE* out, const std::string& controller,
                                 const std::vector<ControllerStatistic>& statistics);

}  // namespace zeropark::cli
