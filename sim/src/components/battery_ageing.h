// Battery capacity fade ("ageing") as NREL's System Advisor Model computes it with its
// calendar-and-cycle lifetime model (SSC `lifetime_calendar_cycle_t`): cycle fade counted by
// rainflow from the state-of-charge turning points and read from a cycles-to-capacity table,
// calendar fade from a table or from a square-root-of-time Li-ion model, and a remaining capacity
// that is the lesser of the two.
//
// References:
//  - N. DiOrio, A. Dobos, S. Janzou, A. Nelson, B. Lundstrom, "Technoeconomic Modeling of Battery
//    Energy Storage in SAM", NREL/TP-6A20-64641 (2015): the lifetime model (rainflow counting on
//    depth-of-discharge reversals, capacity vs. cycles at several depths, bilinear lookup).
//  - S. D. Downing, D. F. Socie, "Simple rainflow counting algorithms", Int. J. Fatigue 4(1),
//    31-40 (1982); ASTM E1049-85 §5.4.4: the three-point rainflow rule.
//  - K. Smith, A. Saxon, M. Keyser, B. Lundstrom, Z. Cao, A. Roc, "Life prediction model for
//    grid-connected Li-ion battery energy storage system", American Control Conference 2017: the
//    Arrhenius/Tafel calendar term with sqrt(time) growth; SAM's defaults q0 = 1.02,
//    a = 2.66e-3 /sqrt(day), b = -7280 K, c = 930 K.
//  - Validated against NREL/ssc's unit tests (tests/data/battery_reference_vectors.json).
//
// Cycle fade. Depth of discharge DOD = 100 (1 - SOC) %. Each SOC turning point is pushed on a
// stack of peaks p; while it holds at least three points, with Y = |p[-2] - p[-3]| the previous
// range and X = |p[-1] - p[-2]| the newest:
//   X + 0.002 < Y: wait for the next turning point;
//   otherwise    : count one cycle of range Y, drop the two points of Y (keep the newest), repeat.
// This is SSC's simplification of the three-point rule: it never counts half cycles and lets the
// starting point be dropped like any other. Each counted cycle of range D, as the n-th cycle
// (n = total count including it), fades the capacity by
//   dq = C(D, n) - C(D, n + 1)    (only when > 0: the capacity never grows)
// where C(D, n) is the table capacity: along each DOD level, piecewise linear in cycles
// (extrapolated past the ends); between the levels D_lo < D <= D_hi bracketing D, linear in DOD.
// With no level below D the lower curve is 100 % at DOD 0; with none at or above D, the deepest
// level is used. q_cycle starts at C(0, 0).
//
// Calendar fade, with t the battery's age:
//   none : q_cal = 100 %;
//   table: q_cal = piecewise-linear (day, capacity %) at t, extrapolated from the last two rows
//          (and from (0 d, 100 %) when the table starts after day 0);
//   Li-ion sqrt model, T in K, s = SOC fraction:
//          k  = a exp(b (1/T - 1/296)) exp(c (s/T - 1/296))       [1/sqrt(day)]
//          dq = k sqrt(t)  i.e.  d(dq)/dt = k^2 / (2 dq), integrated step by step as SSC does:
//          first step dq = k sqrt(dt), then dq += k^2 dt / (2 dq), so that k may follow T and
//          SOC; q_cal = 100 (q0 - dq) %.
// Remaining capacity: q = max(0, min(q_cycle, q_cal, previous q)): it never increases.
//
// Deliberate differences from SSC (none affects its published test values): calendar-table
// capacities are not truncated to whole percent; the table is read at the age after the step
// (SSC reads it at the age before, so its N-th hourly call sees N-1 hours); the first SOC point
// seeds the rainflow stack (SSC pushes the DOD before the first charge change, or 0).
//
// Ignored: temperature and C-rate effects on cycle fade, resistance growth, the knee at end of
// life, battery replacement, SSC's NMC and LMO/LTO life models.
#pragma once

#include <string>
#include <vector>

#include "zeropark/battery_ageing_state.h"

namespace zeropark {

// Capacity after a number of full cycles at a depth of discharge, one row per index: the
// manufacturer's cycle-life curve at one or more depths. Rows of one depth must have strictly
// increasing cycles; a depth needs at least two rows. An empty table means no cycle fade.
struct CycleFadeTable {
  std::vector<double> dod_pct;       // depth of discharge of the cycles, in [0, 100]
  std::vector<double> cycles;        // number of cycles, >= 0
  std::vector<double> capacity_pct;  // remaining capacity, % of nameplate
};

enum class CalendarFadeModel { kNone, kTable, kLithiumIonSqrt };

struct CalendarFadeParams {
  CalendarFadeModel model = CalendarFadeModel::kNone;
  // kLithiumIonSqrt (SAM's defaults): q0 > 1 is a fresh cell's capacity above nameplate.
  double q0 = 1.02;                 // capacity fraction at age 0
  double a_per_sqrt_day = 2.66e-3;  // fade rate at 296 K (22.85 C) and SOC 100 %
  double b_k = -7280.0;             // Arrhenius temperature term, K
  double c_k = 930.0;               // SOC term, K
  // kTable: strictly increasing days (>= 0), at least two rows.
  std::vector<double> table_day;
  std::vector<double> table_capacity_pct;
};

// What a battery's ageing is; it never changes during a run.
struct BatteryAgeingParams {
  CycleFadeTable cycle_table;
  CalendarFadeParams calendar;
};


// Why `params` cannot be used, or an empty string when it can.
std::string ageing_params_problem(const BatteryAgeingParams& params);

// A new battery. Throws std::invalid_argument when ageing_params_problem() reports one.
BatteryAgeingState initial_ageing_state(const BatteryAgeingParams& params);

// The cycle table's capacity C(D, n) at DOD `dod_pct` after `cycle_number` cycles (bilinear, see
// the file comment). An empty table gives 100.
double cycle_table_capacity_pct(const CycleFadeTable& table, double dod_pct, double cycle_number);

// Feeds one DOD turning point to the rainflow counter and applies the fade of every cycle it
// closes. For callers that already know the turning points; ageing_on_soc_point finds them.
void ageing_on_dod_turning_point(const BatteryAgeingParams& params, BatteryAgeingState& state,
                                 double dod_pct);

// Feeds an SOC sample (fraction of capacity, in [0, 1]): at every step or at every change of
// direction. A sample where the SOC turns back hands the previous one to the rainflow counter;
// samples equal to the previous one (rests) are skipped. The first sample seeds the stack.
void ageing_on_soc_point(const BatteryAgeingParams& params, BatteryAgeingState& state,
                         double soc_fraction);

// The Li-ion calendar rate k (1/sqrt(day)) at an SOC fraction and cell temperature.
double calendar_fade_rate_per_sqrt_day(const CalendarFadeParams& calendar, double soc_fraction,
                                       double cell_temp_c);

// Ages the battery by `dt_s` seconds (>= 0) spent at a mean SOC fraction and cell temperature.
void ageing_on_time(const BatteryAgeingParams& params, BatteryAgeingState& state, double dt_s,
                    double soc_fraction, double cell_temp_c);

// Remaining capacity as a fraction of nameplate: 1 = new (the Li-ion model's q0 > 1 does not
// show here while the cycle table starts at 100 %).
double capacity_fraction(const BatteryAgeingState& state);

}  // namespace zeropark
