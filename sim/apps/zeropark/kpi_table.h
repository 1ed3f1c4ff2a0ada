// The KPI table as the CLI prints it.
#pragma once

#include <cstdio>

#include "zeropark/kpi.h"

namespace zeropark::cli {

void print_kpi_table(std::FILE* out, const KpiTable& kpis);

}  // namespace zeropark::cli
