// Heat pumps and chillers: their efficiency (COP, or EER for cooling) and the most heat they can
// move, as functions of the temperatures on their two sides. Pure functions of (parameters,
// temperatures); a machine has no state of its own here.
//
// Models:
//  - A manufacturer-style performance table over source temperature x sink (supply) temperature:
//    COP and, optionally, heating capacity in kW, interpolated bilinearly and clamped at the
//    table's edges (see bilinear_clamped for why).
//  - A Carnot-fraction model, the form CityLearn's HeatPump uses (Vazquez-Canteli et al.,
//    CityLearn, citylearn/energy_model.py), with a floor on the lift and a cap on the COP:
//      heating: COP = f T_sink_K / max(T_sink_K - T_source_K, lift_min)
//      cooling: EER = f T_chw_K / max(T_cond_K - T_chw_K, lift_min)
//  - The when2heat COP regression (Ruhnau, Hirth & Praktiknjo 2019, "Time series of heat demand
//    and heat pump efficiency for energy system modeling", Sci. Data 6:189), as a reference:
//      COP = c0 + c1 dT + c2 dT^2, dT = max(T_sink - T_source, 15 K).
//  - A builder that turns one Heat Pump KEYMARK certificate (EN 14825 test points, as collected in
//    hplib's database by Tjaden, Hoops et al., RE-Lab / FZJ-IEK3-VSA) into a table over outdoor
//    air -7/2/7/12 C and the 35 C / 55 C applications.
// Ignores: part-load (cycling) losses, defrost other than what certificate COPs contain, the
// compressor's own dynamics (start-up, minimum run time), pump and fan power outside the unit,
// and refrigerant-side limits (the caller keeps the machine inside its operating envelope).
// Temperatures are water or air temperatures at the machine's connections, in C.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "zeropark/error.h"

namespace zeropark {

// A performance map at a grid of source x sink temperatures (both axes strictly increasing).
// For a heat pump the source is the cold side (outdoor air, ground loop, sea water, sewage) and
// the sink is the supply water it heats. For a chiller the same struct holds the EER over the
// condenser-side temperature (source_c: outdoor air, cooling-tower or sea water) x the chilled
// water supply temperature (sink_c).
struct PerformanceTable {
  std::vector<double> source_c;
  std::vector<double> sink_c;
  std::vector<double> cop;          // row-major [source][sink]; EER for a chiller
  std::vector<double> capacity_kw;  // same shape, heat delivered (or removed) at full load;
                                    // empty = not given
};

// Throws InputError at `where`, naming `field`, if an axis is empty or not strictly increasing, a
// value array has the wrong size, a COP is not > 0, a capacity is < 0, or anything is not finite.
void check_performance_table(const PerformanceTable& table, const InputLocation& where,
                             const std::string& field);

// Bilinear interpolation of values (row-major [x][y]) at (x, y). Points outside the grid are
// moved onto its nearest edge first. Clamping rather than extrapolating, because a map is only
// known where it was measured: extended far enough, the straight-line trend between two test
// points gives COPs below 1 and negative capacities, and nothing says where the real unit stops
// (its operating limit), while the edge value stays a plausible, bounded estimate. Callers learn
// that it happened from HeatPumpOperatingLimits::outside_table. At a grid point the stored value
// is returned exactly. An axis may have a single point.
double bilinear_clamped(const std::vector<double>& x_axis, const std::vector<double>& y_axis,
                        const std::vector<double>& values, double x, double y);

enum class CopMethod { kTable, kCarnotFraction };

// What a heat pump (or chiller) is. The defaults describe a Carnot-fraction machine with no
// capacity limit set (rated_heat_kw = 0).
struct HeatPumpPerformance {
  CopMethod method = CopMethod::kCarnotFraction;
  PerformanceTable table;        // COP (kTable) and/or capacity (either method)
  double carnot_fraction = 0.45; // f: real COP / Carnot COP. The air/water KEYMARK certificates
                                 // in the tests imply 0.41-0.50 at the EN 14825 points;
                                 // CityLearn's defaults (0.2-0.3) are far more conservative
  double min_lift_k = 10.0;      // floor on the lift: the Carnot COP grows without bound as the
                                 // lift shrinks, while a real unit's heat-exchanger approaches
                                 // keep its refrigerant lift well above the water-side lift
  double max_cop = 8.0;          // cap on COP (or EER); CityLearn caps at 20
  double rated_heat_kw = 0.0;    // full-load heat at the rating point; 0 = use the table's kW
  double rating_source_c = 7.0;  // rating point where capacity_kw is scaled to rated_heat_kw:
  double rating_sink_c = 35.0;   // EN 14511 A7/W35 for air/water heat pumps; set e.g. 30/7
                                 // (W30/W7) or 35/7 (A35/W7) for a chiller
};

// Throws InputError if the performance description cannot be used: a fraction outside (0, 1], a
// negative lift, a COP cap not > 1, a negative rated heat, or a bad table where one is needed.
void check_heat_pump_performance(const HeatPumpPerformance& performance,
                                 const InputLocation& where, const std::string& field);

// What the machine can do at given temperatures.
struct HeatPumpOperatingLimits {
  double cop = 0.0;            // heat out / electricity in (EER for chiller_at: heat removed /
                               // electricity in)
  double max_heat_kw = 0.0;    // most heat delivered (chiller: removed from the chilled water)
  bool outside_table = false;  // the temperatures lay outside the table and were clamped
};

// Heating: COP and full-load heat at a source and a sink temperature. The capacity comes from
// table.capacity_kw when given (scaled so that the rating point gives rated_heat_kw, if that is
// > 0), otherwise it is rated_heat_kw.
HeatPumpOperatingLimits heat_pump_at(const HeatPumpPerformance& performance, double source_c,
                                     double sink_c);

// Cooling: EER and full-load cooling at a condenser-side temperature and a chilled-water supply
// temperature; same capacity rules as heat_pump_at.
HeatPumpOperatingLimits chiller_at(const HeatPumpPerformance& performance,
                                   double condenser_source_c, double chilled_water_c);

// Carnot-fraction COP for heating, with the lift floor and the cap. Never below 1: all compressor
// work ends up as heat, whatever the lift, so f T/dT < 1 (a lift of several hundred K) is not real.
double carnot_heating_cop(const HeatPumpPerformance& performance, double source_c, double sink_c);

// Carnot-fraction EER for cooling, with the lift floor and the cap.
double carnot_cooling_eer(const HeatPumpPerformance& performance, double condenser_source_c,
                          double chilled_water_c);

// ---- when2heat (Ruhnau et al. 2019) -------------------------------------------------------

enum class HeatSourceKind { kAir, kGround, kWater };

// The multiplier when2heat applies to its published COP series for real-world losses.
inline constexpr double kWhen2heatRealWorldCorrection = 0.85;

// The regression's coefficients c0, c1, c2 for a source (when2heat input/cop/cop_parameters.csv).
std::array<double, 3> when2heat_coefficients(HeatSourceKind kind);

// The when2heat regression COP (without the 0.85 correction). The source temperature is what
// when2heat feeds in: ambient air; soil temperature - 5 K for ground; 5 C for groundwater.
double when2heat_cop(HeatSourceKind kind, double source_c, double sink_c);

enum class When2heatSink { kRadiator, kFloor, kHotWater };

// when2heat's heating-curve supply temperatures: radiators 40 - T_amb, floor heating
// 30 - 0.5 T_amb, domestic hot water 50 C.
double when2heat_sink_temperature_c(When2heatSink sink, double ambient_c);

// ---- Heat Pump KEYMARK certificates (hplib database) --------------------------------------

// One certificate row: EN 14825 points at outdoor air -7, +2, +7, +12 C for the low-temperature
// (35 C) and medium-temperature (55 C) applications. At these points the flow temperature follows
// the standard's heating curve (about 34/30/27/24 C and 52/42/36/30 C for the 'average' climate),
// and p_th is the declared PART-LOAD heat (the building's demand at that point, 88/54/35/15 % of
// p_rated, or the unit's minimum output if higher), not the most the unit could give.
struct KeymarkRow {
  InputLocation where;       // file and line the row came from
  std::string manufacturer;  // column 'manufacturers'
  std::string model;         // column 'models'
  std::string type;          // column 'types', e.g. "Outdoor Air/Water"
  double p_rated_low_kw = 0.0;     // Pdesignh at -10 C, 35 C application ('p_rated_l')
  double p_rated_medium_kw = 0.0;  // same, 55 C application ('p_rated_h')
  std::array<double, 4> p_th_low_kw{};     // at -7, 2, 7, 12 C, 35 C application
  std::array<double, 4> cop_low{};
  std::array<double, 4> p_th_medium_kw{};  // at -7, 2, 7, 12 C, 55 C application
  std::array<double, 4> cop_medium{};
};

// The outdoor temperatures of the EN 14825 points A, B, C, D, in C.
inline constexpr std::array<double, 4> kKeymarkOutdoorC{-7.0, 2.0, 7.0, 12.0};
// The nominal supply temperatures of the two applications, in C.
inline constexpr std::array<double, 2> kKeymarkApplicationC{35.0, 55.0};

// Reads the rows of an hplib-style KEYMARK CSV (comma-separated, double-quoted fields allowed,
// one header line naming the columns). Throws InputError naming file, line, column and column
// name for a missing column or a value that is not a number.
std::vector<KeymarkRow> read_keymark_csv(const std::filesystem::path& path);

enum class KeymarkCapacity {
  kOmit,              // capacity_kw left empty: the certificate has no full-load capacities
  kDeclaredPartLoad,  // capacity_kw = the declared part-load p_th (a lower bound, for reference)
};

// The certificate as a table over source -7/2/7/12 C (outdoor air) x sink 35/55 C (the nominal
// application temperatures; the real flow temperatures at the points are lower, see KeymarkRow).
// Only air/water certificates have a source axis: for brine and water units the points differ in
// outdoor (load) temperature, not source temperature, so those throw InputError (field 'types').
// Throws InputError at the row's location if a COP is not > 0.
PerformanceTable keymark_table(const KeymarkRow& row,
                               KeymarkCapacity capacity = KeymarkCapacity::kOmit);

}  // namespace zeropark
