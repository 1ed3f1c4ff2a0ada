// China's grid emission factors as the Ministry of Ecology and Environment (MEE) and the National
// Bureau of Statistics (NBS) publish them, and the one compliance factor MEE set for enterprises'
// 2022 reporting. The same rows as assets/carbon/china_grid_co2_factors.csv (a test keeps them
// equal); where each figure was checked is in assets/carbon/PROVENANCE.md and docs/carbon.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zeropark {

struct MeeGridFactor {
  int year = 0;              // the year the factor describes
  std::string_view scope;    // national_average, regional_average, provincial_average, …
  std::string_view area_zh;  // 全国, 华东, 上海, …
  std::string_view area;     // the scenario's key: national, national_fossil, East, Shanghai, …
  double kg_co2_per_kwh = 0;
  bool verified = false;      // checked against reports of the announcement; false: third-party table only
  std::string_view csv_area;  // the CSV's own area text, "华东 East"
};

// Every row, in the CSV's order.
const std::vector<MeeGridFactor>& mee_grid_factors();

// The row for `year` and `area` (the scenario key, or the Chinese name of a region or province).
std::optional<MeeGridFactor> find_mee_grid_factor(int year, std::string_view area);

// The years the table covers, and the area keys it has for one year, for error messages.
std::vector<int> mee_grid_factor_years();
std::vector<std::string> mee_grid_factor_areas(int year);

}  // namespace zeropark
