// The MEE/NBS grid emission factor table (kg CO2/kWh). The national keys name the scope: national
// (the average of all generation), national_fossil (fossil-fired generation only),
// national_excl_market_nonfossil (the average once market-traded non-fossil electricity is taken
// out, for buyers whose green power is counted separately) and national_compliance (the factor MEE
// set for enterprises' 2022 reporting, 0.5703, which is a different number from the statistical
// averages and must not be mixed with them). Regions and provinces go by their English names.
#include "spec/mee_grid_factors.h"

#include <algorithm>

namespace zeropark {

const std::vector<MeeGridFactor>& mee_grid_factors() {
  static const std::vector<MeeGridFactor> rows = {
      {2021, "national_average", "全国", "national", 0.5568, true, "全国 China"},
      {2021, "national_fossil_power", "全国", "national_fossil", 0.8426, true, "全国 China"},
      {2021, "provincial_average", "上海", "Shanghai", 0.5834, false, "上海 Shanghai"},
      {2021, "provincial_average", "云南", "Yunnan", 0.1235, false, "云南 Yunnan"},
      {2021, "provincial_average", "内蒙古", "Inner Mongolia", 0.7025, false, "内蒙古 Inner Mongolia"},
      {2021, "provincial_average", "北京", "Beijing", 0.5688, false, "北京 Beijing"},
      {2021, "provincial_average", "吉林", "Jilin", 0.5629, false, "吉林 Jilin"},
      {2021, "provincial_average", "四川", "Sichuan", 0.1255, false, "四川 Sichuan"},
      {2021, "provincial_average", "天津", "Tianjin", 0.7355, false, "天津 Tianjin"},
      {2021, "provincial_average", "宁夏", "Ningxia", 0.6546, false, "宁夏 Ningxia"},
      {2021, "provincial_average", "安徽", "Anhui", 0.7075, false, "安徽 Anhui"},
      {2021, "provincial_average", "山东", "Shandong", 0.6838, false, "山东 Shandong"},
      {2021, "provincial_average", "山西", "Shanxi", 0.7222, false, "山西 Shanxi"},
      {2021, "provincial_average", "广东", "Guangdong", 0.4715, false, "广东 Guangdong"},
      {2021, "provincial_average", "广西", "Guangxi", 0.5154, false, "广西 Guangxi"},
      {2021, "provincial_average", "新疆", "Xinjiang", 0.6577, false, "新疆 Xinjiang"},
      {2021, "provincial_average", "江苏", "Jiangsu", 0.6451, false, "江苏 Jiangsu"},
      {2021, "provincial_average", "江西", "Jiangxi", 0.5835, false, "江西 Jiangxi"},
      {2021, "provincial_average", "河北", "Hebei", 0.7901, false, "河北 Hebei"},
      {2021, "provincial_average", "河南", "Henan", 0.6369, false, "河南 Henan"},
      {2021, "provincial_average", "浙江", "Zhejiang", 0.5422, false, "浙江 Zhejiang"},
      {2021, "provincial_average", "海南", "Hainan", 0.4524, false, "海南 Hainan"},
      {2021, "provincial_average", "湖北", "Hubei", 0.3672, false, "湖北 Hubei"},
      {2021, "provincial_average", "湖南", "Hunan", 0.5138, false, "湖南 Hunan"},
      {2021, "provincial_average", "甘肃", "Gansu", 0.4955, false, "甘肃 Gansu"},
      {2021, "provincial_average", "福建", "Fujian", 0.4711, false, "福建 Fujian"},
      {2021, "provincial_average", "贵州", "Guizhou", 0.5182, false, "贵州 Guizhou"},
      {2021, "provincial_average", "辽宁", "Liaoning", 0.5876, false, "辽宁 Liaoning"},
      {2021, "provincial_average", "重庆", "Chongqing", 0.4743, false, "重庆 Chongqing"},
      {2021, "provincial_average", "陕西", "Shaanxi", 0.6336, false, "陕西 Shaanxi"},
      {2021, "provincial_average", "青海", "Qinghai", 0.1326, false, "青海 Qinghai"},
      {2021, "provincial_average", "黑龙江", "Heilongjiang", 0.6342, false, "黑龙江 Heilongjiang"},
      {2021, "regional_average", "东北", "Northeast", 0.6012, false, "东北 Northeast"},
      {2021, "regional_average", "华东", "East", 0.5992, false, "华东 East"},
      {2021, "regional_average", "华中", "Central", 0.5354, false, "华中 Central"},
      {2021, "regional_average", "华北", "North", 0.712, false, "华北 North"},
      {2021, "regional_average", "南方", "South", 0.4326, false, "南方 South"},
      {2021, "regional_average", "西北", "Northwest", 0.5951, false, "西北 Northwest"},
      {2021, "regional_average", "西南", "Southwest", 0.2113, false, "西南 Southwest"},
      {2022, "MEE_compliance_grid_factor_for_2022_reporting", "全国电网", "national_compliance", 0.5703, true,
       "全国电网 national grid"},
      {2022, "national_average", "全国", "national", 0.5366, true, "全国 China"},
      {2022, "national_average_excl_market_traded_nonfossil", "全国", "national_excl_market_nonfossil", 0.5856, true,
       "全国 China"},
      {2022, "national_fossil_power", "全国", "national_fossil", 0.8325, true, "全国 China"},
      {2022, "provincial_average", "上海", "Shanghai", 0.5849, false, "上海 Shanghai"},
      {2022, "provincial_average", "云南", "Yunnan", 0.1073, true, "云南 Yunnan"},
      {2022, "provincial_average", "内蒙古", "Inner Mongolia", 0.6849, true, "内蒙古 Inner Mongolia"},
      {2022, "provincial_average", "北京", "Beijing", 0.558, false, "北京 Beijing"},
      {2022, "provincial_average", "吉林", "Jilin", 0.4932, false, "吉林 Jilin"},
      {2022, "provincial_average", "四川", "Sichuan", 0.1404, true, "四川 Sichuan"},
      {2022, "provincial_average", "天津", "Tianjin", 0.7041, true, "天津 Tianjin"},
      {2022, "provincial_average", "宁夏", "Ningxia", 0.6423, false, "宁夏 Ningxia"},
      {2022, "provincial_average", "安徽", "Anhui", 0.6782, true, "安徽 Anhui"},
      {2022, "provincial_average", "山东", "Shandong", 0.641, false, "山东 Shandong"},
      {2022, "provincial_average", "山西", "Shanxi", 0.7096, true, "山西 Shanxi"},
      {2022, "provincial_average", "广东", "Guangdong", 0.4403, false, "广东 Guangdong"},
      {2022, "provincial_average", "广西", "Guangxi", 0.4044, true, "广西 Guangxi"},
      {2022, "provincial_average", "新疆", "Xinjiang", 0.6231, false, "新疆 Xinjiang"},
      {2022, "provincial_average", "江苏", "Jiangsu", 0.5978, false, "江苏 Jiangsu"},
      {2022, "provincial_average", "江西", "Jiangxi", 0.5752, false, "江西 Jiangxi"},
      {2022, "provincial_average", "河北", "Hebei", 0.7252, true, "河北 Hebei"},
      {2022, "provincial_average", "河南", "Henan", 0.6058, false, "河南 Henan"},
      {2022, "provincial_average", "浙江", "Zhejiang", 0.5153, false, "浙江 Zhejiang"},
      {2022, "provincial_average", "海南", "Hainan", 0.4184, false, "海南 Hainan"},
      {2022, "provincial_average", "湖北", "Hubei", 0.4364, false, "湖北 Hubei"},
      {2022, "provincial_average", "湖南", "Hunan", 0.49, false, "湖南 Hunan"},
      {2022, "provincial_average", "甘肃", "Gansu", 0.4772, false, "甘肃 Gansu"},
      {2022, "provincial_average", "福建", "Fujian", 0.4092, true, "福建 Fujian"},
      {2022, "provincial_average", "贵州", "Guizhou", 0.4989, false, "贵州 Guizhou"},
      {2022, "provincial_average", "辽宁", "Liaoning", 0.5626, false, "辽宁 Liaoning"},
      {2022, "provincial_average", "重庆", "Chongqing", 0.5227, false, "重庆 Chongqing"},
      {2022, "provincial_average", "陕西", "Shaanxi", 0.6558, false, "陕西 Shaanxi"},
      {2022, "provincial_average", "青海", "Qinghai", 0.1567, true, "青海 Qinghai"},
      {2022, "provincial_average", "黑龙江", "Heilongjiang", 0.5368, false, "黑龙江 Heilongjiang"},
      {2022, "regional_average", "东北", "Northeast", 0.5564, true, "东北 Northeast"},
      {2022, "regional_average", "华东", "East", 0.5617, true, "华东 East"},
      {2022, "regional_average", "华中", "Central", 0.5395, true, "华中 Central"},
      {2022, "regional_average", "华北", "North", 0.6776, true, "华北 North"},
      {2022, "regional_average", "南方", "South", 0.3869, true, "南方 South"},
      {2022, "regional_average", "西北", "Northwest", 0.5857, true, "西北 Northwest"},
      {2022, "regional_average", "西南", "Southwest", 0.2268, true, "西南 Southwest"},
      {2023, "national_average", "全国", "national", 0.5306, true, "全国 China"},
      {2023, "national_average_excl_market_traded_nonfossil", "全国", "national_excl_market_nonfossil", 0.6096, true,
       "全国 China"},
      {2023, "national_fossil_power", "全国", "national_fossil", 0.8273, true, "全国 China"},
      {2023, "regional_average", "东北", "Northeast", 0.5122, true, "东北 Northeast"},
      {2023, "regional_average", "华东", "East", 0.55, true, "华东 East"},
      {2023, "regional_average", "华中", "Central", 0.5271, true, "华中 Central"},
      {2023, "regional_average", "华北", "North", 0.6361, true, "华北 North"},
      {2023, "regional_average", "南方", "South", 0.4042, true, "南方 South"},
      {2023, "regional_average", "西北", "Northwest", 0.5543, true, "西北 Northwest"},
      {2023, "regional_average", "西南", "Southwest", 0.2472, true, "西南 Southwest"},
  };
  return rows;
}

std::optional<MeeGridFactor> find_mee_grid_factor(int year, std::string_view area) {
  for (const MeeGridFactor& row : mee_grid_factors())
    // Chinese names only for regions and provinces: 全国 alone would not say which national scope.
    if (row.year == year &&
        (row.area == area ||
         ((row.scope == "regional_average" || row.scope == "provincial_average") && row.area_zh == area)))
      return row;
  return std::nullopt;
}

std::vector<int> mee_grid_factor_years() {
  std::vector<int> years;
  for (const MeeGridFactor& row : mee_grid_factors())
    if (std::find(years.begin(), years.end(), row.year) == years.end()) years.push_back(row.year);
  return years;
}

std::vector<std::string> mee_grid_factor_areas(int year) {
  std::vector<std::string> areas;
  for (const MeeGridFactor& row : mee_grid_factors())
    if (row.year == year) areas.emplace_back(row.area);
  return areas;
}

}  // namespace zeropark
