// Carbon sinks of green space; see carbon_sink.h for the sources of each factor.
//
// Each factor is written in the unit its source reports, then converted, so that a reader can
// check it against the paper without redoing the arithmetic.
#include "components/carbon_sink.h"

#include <cmath>

namespace zeropark {
namespace {

// kg per m2 from t per hm2 (1 hm2 = 10,000 m2, 1 t = 1000 kg).
constexpr double kKgPerM2PerTPerHm2 = 1000.0 / 10000.0;

// Zeng et al. 2024: mean tree carbon sink rate of Pinghu's urban tree green space.
constexpr double kBroadleafTreesTCo2PerHm2Year = 8.99;
// Nowak et al. 2013: sequestration density of US urban trees, per m2 of tree cover.
constexpr double kUrbanTreeCanopyKgCPerM2Year = 0.28;
// Jo & McPherson 1995: net annual carbon input of the green space of their two blocks.
constexpr double kMixedGreenSpaceKgCPerM2Year = (0.49 + 0.32) / 2.0;
// Qian & Follett 2002: soil carbon gain under turfgrass, 0.9-1.0 t C per ha per year; the lower.
constexpr double kLawnTCPerHaYear = 0.9;
// Ouyang & Lee 2014: global mean carbon accumulation rate of salt marsh sediments.
constexpr double kWetlandGCPerM2Year = 244.7;
// Getter et al. 2009: plants and substrate of an extensive roof gained 375 g C per m2 in 2 years.
constexpr double kGreenRoofGCPerM2 = 375.0;
constexpr double kGreenRoofYears = 2.0;

// A rate x duration that treats negative or non-finite amounts of area, trees or time as none.
double uptake(double amount, double rate_per_year, double duration_s) {
  if (!(std::isfinite(amount) && amount > 0.0)) return 0.0;
  if (!(std::isfinite(duration_s) && duration_s > 0.0)) return 0.0;
  return amount * rate_per_year * (duration_s / kSecondsPerSinkYear);
}

}  // namespace

double sequestration_kg_co2_per_m2_year(Vegetation vegetation) {
  switch (vegetation) {
    case Vegetation::kBroadleafTrees:
      return kBroadleafTreesTCo2PerHm2Year * kKgPerM2PerTPerHm2;
    case Vegetation::kUrbanTreeCanopy:
      return kUrbanTreeCanopyKgCPerM2Year * kCo2PerCarbon;
    case Vegetation::kMixedGreenSpace:
      return kMixedGreenSpaceKgCPerM2Year * kCo2PerCarbon;
    case Vegetation::kLawn:
      return kLawnTCPerHaYear * kKgPerM2PerTPerHm2 * kCo2PerCarbon;  // 1 ha = 1 hm2
    case Vegetation::kWetland:
      return kWetlandGCPerM2Year / 1000.0 * kCo2PerCarbon;
    case Vegetation::kGreenRoof:
      return kGreenRoofGCPerM2 / kGreenRoofYears / 1000.0 * kCo2PerCarbon;
  }
  return 0.0;  // unreachable for a valid enumerator; keeps -Wreturn-type quiet
}

std::string_view vegetation_name(Vegetation vegetation) {
  switch (vegetation) {
    case Vegetation::kBroadleafTrees: return "broadleaf_trees";
    case Vegetation::kUrbanTreeCanopy: return "urban_tree_canopy";
    case Vegetation::kMixedGreenSpace: return "mixed_green_space";
    case Vegetation::kLawn: return "lawn";
    case Vegetation::kWetland: return "wetland";
    case Vegetation::kGreenRoof: return "green_roof";
  }
  return "";
}

std::optional<Vegetation> vegetation_from_name(std::string_view name) {
  for (Vegetation v : kAllVegetation) {
    if (name == vegetation_name(v)) return v;
  }
  if (name == "grass" || name == "turf") return Vegetation::kLawn;
  if (name == "salt_marsh") return Vegetation::kWetland;
  return std::nullopt;
}

double carbon_sink_kg_co2(double area_m2, double factor_kg_co2_per_m2_year, double duration_s) {
  return uptake(area_m2, factor_kg_co2_per_m2_year, duration_s);
}

double trees_sink_kg_co2(double tree_count, double kg_co2_per_tree_year, double duration_s) {
  return uptake(tree_count, kg_co2_per_tree_year, duration_s);
}

}  // namespace zeropark
