// Temperatures of the heat sources (and sinks) a heat pump or chiller works against: ambient air
// (taken from the weather), water bodies with a seasonal cycle (sea water, municipal sewage) and
// the undisturbed ground at a depth. Pure functions of (parameters, time of year).
//
// Models:
//  - Seasonal water: one annual harmonic,
//      T(t) = T_mean - A cos(2 pi (t - t_min) / 365)
//    with t the day of the year (0 = 1 January 00:00) and t_min the day of the coldest water.
//  - Ground: Kusuda & Achenbach (1965), "Earth temperature and thermal diffusivity at selected
//    stations in the United States", ASHRAE Transactions 71(1):61-75 - the surface harmonic damped
//    and delayed with depth z in a semi-infinite solid of diffusivity alpha (m2/day):
//      T(z, t) = T_mean - A exp(-z sqrt(pi / (365 alpha)))
//                         cos(2 pi / 365 (t - t_min - z/2 sqrt(365 / (pi alpha))))
//    (the same solution EnergyPlus' Site:GroundTemperature:Undisturbed:KusudaAchenbach and Modelica
//    Buildings' UndisturbedSoilTemperature use).
// Ignores: weather anomalies and year-to-year variation (one climatological year), the diurnal
// cycle of the water bodies (small: tenths of a kelvin), summer stratification of the sea (a deep
// intake sees cooler water than the surface in summer; in winter the Yellow Sea is well mixed), the
// heat the park itself extracts from or rejects to these sources (a borefield, an outfall plume),
// snow cover and latent heat of soil freezing, and leap days.
#pragma once

namespace zeropark {

// An annual cycle of a water temperature.
struct SeasonalTemperature {
  double annual_mean_c = 0.0;
  double amplitude_k = 0.0;           // half the difference between warmest and coldest day
  double coldest_day_of_year = 0.0;   // day of the minimum, 0 = 1 January 00:00
};

// The temperature on day_of_year (fractional; 0 = 1 January 00:00; any real value, the cycle
// repeats every 365 days).
double seasonal_temperature_c(const SeasonalTemperature& cycle, double day_of_year);

// Near-shore Yellow Sea surface water at Qingdao. Fitted to the monthly mean sea temperatures
// weather-atlas.com publishes for Qingdao (February 4.3 C, the coldest month; May 14.0 C; August
// 25.4 C, the warmest): the model's monthly means reproduce them to 0.02 K. Independent checks:
// January 6.0 C (meteoatlas.de, whole degrees; model 5.99 C) and "the water temperature peaks at
// about 25 C in late August" (Wikipedia, Qingdao). Mean 14.85 C, amplitude 10.7 K, coldest on
// day 49 (19 February): the daily minimum 4.15 C stays above the 2 C a sea-water heat pump needs
// (Duanmu et al. 2022, J. Refrigeration 2022(6)). No peer-reviewed monthly table (NOAA OISST,
// the Xiaomaidao station) was at hand; replace the numbers when one is.
SeasonalTemperature qingdao_sea_water();

// Municipal sewage in a north-China city, as drawn from a trunk sewer or a treatment plant's
// outfall. Coldest 13 C: the winter design temperature of the Qingdao High-tech Zone plant's
// effluent for its sewage-source heat pump station (EIA approval, 2017), inside the 12-20 C
// winter range Weihai Water Group gives for north-China urban sewage (2011); warmest 25 C, the top
// of the same source's 20-25 C summer range. Mean 19 C, amplitude 6 K. The coldest day, 45
// (15 February), is an assumption - about four weeks after the coldest air - as no monthly
// sewage series was found.
SeasonalTemperature northern_china_sewage();

// Thermal diffusivity k / (rho c) in m2/day from conductivity (W/m/K), density (kg/m3) and
// specific heat (J/kg/K).
double thermal_diffusivity_m2_per_day(double conductivity_w_m_k, double density_kg_m3,
                                      double specific_heat_j_kg_k);

// Undisturbed ground temperature at depth_m on day_of_year by Kusuda & Achenbach (1965), from the
// surface's annual mean, amplitude and coldest day and the soil's diffusivity (m2/day, > 0).
// Depths below 0 count as 0.
double kusuda_soil_temperature_c(double annual_mean_c, double amplitude_k, double coldest_day,
                                 double depth_m, double diffusivity_m2_per_day,
                                 double day_of_year);

// Which model gives a heat source's temperature.
enum class HeatSourceModel {
  kAmbientAir,  // the weather's air temperature
  kSeasonal,    // a water body: `cycle`
  kGround,      // undisturbed soil at `depth_m` under a surface following `cycle`
};

// Diffusivity of the soil in Modelica Buildings' UndisturbedSoilTemperature example (k 1.58 W/m/K,
// c 1150 J/kg/K, rho 1600 kg/m3): 0.0742 m2/day.
inline constexpr double kDefaultSoilDiffusivityM2PerDay = 1.58 / (1150.0 * 1600.0) * 86400.0;

// What a heat source is; start from the defaults and set what differs.
struct HeatSourceTemperature {
  HeatSourceModel model = HeatSourceModel::kAmbientAir;
  SeasonalTemperature cycle;  // kSeasonal: the water; kGround: the ground surface
  double depth_m = 0.0;       // kGround only
  double diffusivity_m2_per_day = kDefaultSoilDiffusivityM2PerDay;  // kGround only
};

// The source's temperature on day_of_year, given the air temperature then.
double heat_source_temperature_c(const HeatSourceTemperature& source, double air_temp_c,
                                 double day_of_year);

}  // namespace zeropark
