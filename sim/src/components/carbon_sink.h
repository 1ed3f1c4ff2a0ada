// Carbon sinks of a park's green space: CO2 taken up each year per m2 of each kind of vegetation,
// and the uptake of an area over a duration. Constant rates; no state.
//
// What it represents: the net annual CO2 sequestration rate of established vegetation, one
// published field figure per kind, converted to kg CO2 per m2 per year (kg C x 44.0095/12.011):
//   broadleaf trees   0.899  urban tree green space of Pinghu, Zhejiang (next to Shanghai), mean
//                            8.99 t CO2e per hm2 per year: Zeng, Zhao, Li, Gao, Dang & Wang 2024,
//                            Acta Ecologica Sinica 44(20):9209-9220,
//                            doi:10.20103/j.stxb.202308061681
//   urban tree canopy 1.026  per m2 of tree crown, all species, 28 US cities: 0.28 kg C per m2 of
//                            tree cover per year, Nowak, Greenfield, Hoehn & Lapoint 2013,
//                            Environmental Pollution 178:229-236
//   mixed green space 1.484  residential green space (trees, shrubs, lawn, soil), net of the
//                            carbon released by lawn care: 0.49 and 0.32 kg C per m2 per year on
//                            two Chicago blocks, mean 0.405: Jo & McPherson 1995, Journal of
//                            Environmental Management 45:109-133
//   lawn              0.330  turfgrass soil in its first 25-30 years: 0.9-1.0 t C per ha per year,
//                            the lower end: Qian & Follett 2002, Agronomy Journal 94:930-935
//   wetland           0.897  tidal salt marsh sediment, global mean of 143 sites: 244.7 g C per m2
//                            per year, Ouyang & Lee 2014, Biogeosciences 11:5057-5071
//   green roof        0.687  extensive Sedum roof in its first two growing seasons: 375 g C per m2
//                            in plants and substrate over 2 years, Getter, Rowe, Robertson, Cregg &
//                            Andresen 2009, Environ. Sci. Technol. 43:7564-7570
// and one urban tree: 30.43 kg CO2e per year, the mean of the hardwood class I trees of Zeng et
// al. 2024 (hardwood class II: 31.13), which sequester more than their pines, soft broadleaves,
// firs and cypresses.
//
// Ignores: the age of the planting (young trees take up less, old ones less again, and a new
// lawn or roof gains soil carbon fast for some years, then slows to nothing), species, climate
// and care; the CO2 of maintenance (mowing, fertiliser, irrigation) except where the source nets
// it out (mixed green space); methane from wetlands; carbon released when plants die or are
// removed; the shading and cooling that save building energy. Conifers and shrubs have no factor:
// no published per-area rate for them was found that we could check.
//
// Equation: sink (kg CO2) = area (m2) x factor (kg CO2 per m2 per year) x duration / year, with a
// year of 365 days (the typical weather year's 8760 hours), so one simulated year gives the
// annual factor exactly.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace zeropark {

// Seconds in the year the annual factors are per: 365 days, the length of a typical weather year.
inline constexpr double kSecondsPerSinkYear = 365.0 * 86400.0;

// Mass ratio of CO2 to carbon, 44.0095 / 12.011: converts kg C to kg CO2.
inline constexpr double kCo2PerCarbon = 44.0095 / 12.011;

// CO2 taken up by one established urban hardwood tree in a year (Zeng et al. 2024, see above).
inline constexpr double kUrbanTreeKgCo2PerYear = 30.43;

enum class Vegetation {
  kBroadleafTrees,   // per m2 of tree-planted green space, subtropical China
  kUrbanTreeCanopy,  // per m2 of tree crown, any species
  kMixedGreenSpace,  // per m2 of planted trees, shrubs and lawn, net of lawn care
  kLawn,             // per m2 of turfgrass
  kWetland,          // per m2 of vegetated tidal marsh
  kGreenRoof,        // per m2 of extensive (thin-substrate) green roof
};

// Every kind, in declaration order.
inline constexpr std::array<Vegetation, 6> kAllVegetation = {
    Vegetation::kBroadleafTrees, Vegetation::kUrbanTreeCanopy, Vegetation::kMixedGreenSpace,
    Vegetation::kLawn,           Vegetation::kWetland,         Vegetation::kGreenRoof};

// Annual CO2 sequestration per m2 of `vegetation`, kg CO2 per m2 per year (> 0).
double sequestration_kg_co2_per_m2_year(Vegetation vegetation);

// The name a scenario uses for `vegetation`: "broadleaf_trees", "urban_tree_canopy",
// "mixed_green_space", "lawn", "wetland", "green_roof".
std::string_view vegetation_name(Vegetation vegetation);

// The vegetation a scenario names: the names above, or the aliases "grass" and "turf" (lawn) and
// "salt_marsh" (wetland). Exact, lower case; anything else is nullopt.
std::optional<Vegetation> vegetation_from_name(std::string_view name);

// CO2 (kg) taken up by `area_m2` of vegetation sequestering `factor_kg_co2_per_m2_year` over
// `duration_s` seconds. A negative or non-finite area or duration counts as 0.
double carbon_sink_kg_co2(double area_m2, double factor_kg_co2_per_m2_year, double duration_s);

// CO2 (kg) taken up by `tree_count` trees each sequestering `kg_co2_per_tree_year` over
// `duration_s` seconds. A negative or non-finite count or duration counts as 0.
double trees_sink_kg_co2(double tree_count, double kg_co2_per_tree_year, double duration_s);

}  // namespace zeropark
