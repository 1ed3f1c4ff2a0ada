// Tests of the data-centre PUE model against published references (sources and licences in
// tests/data/data_centre/PROVENANCE.md; the few figures used are transcribed below):
//  1. psychrometrics: the 2017 ASHRAE Handbook - Fundamentals ch. 1 (Table 3 saturation pressures,
//     Example 1), PsychroLib's test value at 500 m altitude, and Stull (2011)'s wet-bulb formula;
//  2. the chiller COP: manufacturer performance maps from EnergyPlus' Chillers.idf;
//  3. the whole plant: Lei & Masanet's published example (their PUE tool, 20 C, 40 %) and their
//     per-climate-zone PUE bands (Resources, Conservation & Recycling 182 (2022) 106323) for the
//     Shanghai typical year, which lies in ASHRAE climate zone 3A.
#include "components/data_centre.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "weather/epw.h"

#ifndef ZEROPARK_ASSETS_DIR
#define ZEROPARK_ASSETS_DIR ZEROPARK_TEST_DATA_DIR "/../../assets"
#endif

namespace {

using zeropark::CoolingMode;
using zeropark::DataCentreParams;
using zeropark::DataCentrePower;

// Stull, R. (2011) "Wet-bulb temperature from relative humidity and air temperature", J. Appl.
// Meteor. Climatol. 50, 2267-2269, eq. 1: a fit at 101.325 kPa, T in C, RH in %.
double stull_wet_bulb_c(double t, double rh) {
  return t * std::atan(0.151977 * std::sqrt(rh + 8.313659)) + std::atan(t + rh) -
         std::atan(rh - 1.676331) + 0.00391838 * std::pow(rh, 1.5) * std::atan(0.023101 * rh) -
         4.686035;
}

// An EnergyPlus Chiller:Electric:EIR performance map: full-load COP = COP_ref / EIRFT(x, y), x the
// leaving chilled-water and y the entering condenser-water temperature (C), within the ranges.
struct ChillerMap {
  const char* name;
  double reference_cop;
  double reference_chw_c, reference_condenser_c;
  double chw_min_c, chw_max_c, condenser_min_c, condenser_max_c;
  std::array<double, 6> eirft;  // a + b x + c x^2 + d y + e y^2 + f x y

  double cop(double chw_c, double condenser_c) const {
    const auto& k = eirft;
    const double eir = k[0] + k[1] * chw_c + k[2] * chw_c * chw_c + k[3] * condenser_c +
                       k[4] * condenser_c * condenser_c + k[5] * chw_c * condenser_c;
    return reference_cop / eir;
  }
};

// EnergyPlus datasets/Chillers.idf (as also published in the Modelica Buildings Library's
// Buildings.Fluid.Chillers.Data.ElectricEIR records).
constexpr ChillerMap kYorkYtVsd{"York YT 1794kW/7.90COP/VSD", 7.90, 7.22, 23.89, 5.56, 8.89, 12.78,
                                29.44,
                                {5.984829e-01, -1.552700e-01, 6.909012e-03, 6.801572e-02,
                                 -7.450754e-04, 5.764600e-04}};
constexpr ChillerMap kDoe2Centrifugal{"DOE-2 Centrifugal/5.50COP", 5.5, 6.67, 29.4, 5.0, 10.0, 24.0,
                                      35.0,
                                      {0.933884, -0.058212, 0.00450036, 0.00243, 0.000486,
                                       -0.001215}};

struct MapFit {
  double max_error = 0.0;  // signed extremes of (model / map - 1)
  double min_error = 0.0;
  double rms_error = 0.0;
};

// The model, with its Carnot fraction set to match the map at its reference point, against the
// map over a 6 x 8 grid of its range: a test of the shape of COP(lift), not of the level.
MapFit fit_to_map(const ChillerMap& map) {
  DataCentreParams params;
  params.chiller_carnot_fraction = 1.0;
  params.max_chiller_cop = 1e9;
  const double carnot_at_reference =
      zeropark::chiller_cop(params, map.reference_chw_c, map.reference_condenser_c);
  params = DataCentreParams{};
  params.chiller_carnot_fraction =
      map.cop(map.reference_chw_c, map.reference_condenser_c) / carnot_at_reference;
  MapFit fit;
  double sum_sq = 0.0;
  int n = 0;
  for (int i = 0; i < 6; ++i) {
    const double chw_c = map.chw_min_c + (map.chw_max_c - map.chw_min_c) * i / 5.0;
    for (int j = 0; j < 8; ++j) {
      const double cond_c =
          map.condenser_min_c + (map.condenser_max_c - map.condenser_min_c) * j / 7.0;
      const double error =
          zeropark::chiller_cop(params, chw_c, cond_c) / map.cop(chw_c, cond_c) - 1.0;
      fit.max_error = std::max(fit.max_error, error);
      fit.min_error = std::min(fit.min_error, error);
      sum_sq += error * error;
      ++n;
    }
  }
  fit.rms_error = std::sqrt(sum_sq / n);
  std::printf("chiller map %s: Carnot fraction %.3f, model/map - 1 from %+.1f %% to %+.1f %%, "
              "rms %.1f %%\n",
              map.name, params.chiller_carnot_fraction, 100 * fit.min_error, 100 * fit.max_error,
              100 * fit.rms_error);
  return fit;
}

// The parameters of Lei & Masanet's published example of their hyperscale "waterside economizer
// using the evaporative cooling capability of cooling towers" model (their PUE tool's examples
// notebook, parameters_WEC), mapped onto ours. Their chilled-water supply follows from the supply
// air (27.37 C), the air rise and the coil effectiveness (0.8166): T_sa + dT_a - dT_a / eff.
DataCentreParams lei_masanet_example() {
  DataCentreParams p;
  p.ups_efficiency = 0.980302734;
  p.distribution_loss_fraction = 5.60546875e-03;
  p.lighting_other_fraction = 1.81445313e-03;
  p.air_delta_t_k = 18.8856337;
  p.chw_delta_t_k = 7.50488281;
  p.cw_delta_t_k = 4.13867188;
  p.air_fan_pressure_pa = 416.992188;
  p.air_fan_efficiency = 0.713720703;
  p.tower_fan_pressure_pa = 148.339844;
  p.tower_fan_efficiency = 0.745947266;
  p.chw_pump_pressure_pa = 156284.191;  // their economizer pump, which carries the full flow
  p.chw_pump_efficiency = 0.668945312;
  p.cw_pump_pressure_pa = 210534.680;
  p.cw_pump_efficiency = 0.709960938;
  p.tower_approach_k = 6.50576172;
  p.economizer_approach_k = 2.29404297;
  p.tower_liquid_gas_ratio = 1.11914062;
  const double supply_air_c = 27.3671875;
  const double coil_effectiveness = 0.816601563;
  p.chw_supply_c = supply_air_c + p.air_delta_t_k - p.air_delta_t_k / coil_effectiveness;
  return p;
}

struct AnnualResult {
  double pue = 0.0;
  double free_cooling_hours = 0.0;
  std::array<double, 12> monthly_pue{};
};

const zeropark::WeatherYear& shanghai() {
  static const zeropark::WeatherYear year = zeropark::read_epw(
      std::filesystem::path(ZEROPARK_ASSETS_DIR) / "weather" /
      "CHN_Shanghai.Shanghai.583620_CSWD.epw");
  return year;
}

// Annual PUE (total facility energy / IT energy) at constant IT load over the Shanghai year.
AnnualResult annual(const DataCentreParams& params) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  AnnualResult out;
  double facility_kwh = 0.0, it_kwh = 0.0;
  std::size_t hour = 0;
  for (int month = 0; month < 12; ++month) {
    double month_facility = 0.0, month_it = 0.0;
    for (int h = 0; h < kDays[month] * 24; ++h, ++hour) {
      const zeropark::WeatherHour& w = shanghai().hours.at(hour);
      const DataCentrePower p = zeropark::data_centre_power(
          params, 1000.0, w.dry_bulb_c, w.relative_humidity_pct, w.pressure_pa);
      month_facility += p.facility_kw;
      month_it += p.it_kw;
      if (p.mode == CoolingMode::kFreeCooling) out.free_cooling_hours += 1.0;
    }
    out.monthly_pue[month] = month_facility / month_it;
    facility_kwh += month_facility;
    it_kwh += month_it;
  }
  out.pue = facility_kwh / it_kwh;
  return out;
}

}  // namespace

TEST_CASE("saturation vapour pressure matches ASHRAE Fundamentals Table 3", "[data_centre]") {
  // 2017 ASHRAE Handbook - Fundamentals, ch. 1, Table 3; ASHRAE states its equations are within
  // 300 ppm of the table. Measured: 1.3e-4 to 1.9e-4.
  const std::array<std::array<double, 2>, 6> table = {{{-20.0, 103.24},
                                                       {-5.0, 401.74},
                                                       {5.0, 872.6},
                                                       {25.0, 3169.7},
                                                       {50.0, 12351.3},
                                                       {100.0, 101418.0}}};
  for (const auto& [t_c, p_pa] : table) {
    INFO(t_c << " C");
    CHECK(zeropark::saturation_vapour_pressure_pa(t_c) == Approx(p_pa).epsilon(3e-4));
  }
}

TEST_CASE("wet bulb reproduces ASHRAE Fundamentals Example 1", "[data_centre]") {
  // Example 1 (ch. 1): 40 C dry bulb, 20 C wet bulb at 101.325 kPa has RH 14 %. The book rounds
  // RH to 1 %, which is +-0.18 K of wet bulb here; measured 20.007 C.
  const double wb = zeropark::wet_bulb_c(40.0, 14.0, 101325.0);
  std::printf("ASHRAE example 1: wet bulb at 40 C, 14 %%: %.3f C (book 20)\n", wb);
  CHECK(wb == Approx(20.0).margin(0.2));
  // The forward direction: RH of that air, from our humidity ratio, 13.98 %.
  const double w = zeropark::humidity_ratio_from_wet_bulb(40.0, 20.0, 101325.0);
  const double vapour_pa = 101325.0 * w / (0.621945 + w);
  CHECK(100.0 * vapour_pa / zeropark::saturation_vapour_pressure_pa(40.0) ==
        Approx(14.0).margin(0.5));
}

TEST_CASE("wet bulb follows station pressure (PsychroLib value at 500 m)", "[data_centre]") {
  // PsychroLib tests/test_psychrolib_si.py: humidity ratio of air at 30 C with a 25 C wet bulb at
  // 95,461 Pa (standard atmosphere at 500 m) is 0.0192281274241096 by the same ASHRAE equations.
  // Measured: 1.7e-4 relative.
  const double w = zeropark::humidity_ratio_from_wet_bulb(30.0, 25.0, 95461.0);
  CHECK(w == Approx(0.0192281274241096).epsilon(3e-4));
  // And back, through relative humidity.
  const double rh_pct =
      100.0 * (95461.0 * w / (0.621945 + w)) / zeropark::saturation_vapour_pressure_pa(30.0);
  CHECK(zeropark::wet_bulb_c(30.0, rh_pct, 95461.0) == Approx(25.0).margin(1e-6));
  // Taking that RH at sea-level pressure instead moves the wet bulb by 0.08 K: small, but the
  // pressure must be used, not assumed.
  CHECK(std::fabs(zeropark::wet_bulb_c(30.0, rh_pct, 101325.0) - 25.0) > 0.05);
}

TEST_CASE("wet bulb agrees with Stull (2011) within his stated accuracy", "[data_centre]") {
  // Stull's worked example: 20 C and 50 % give 13.7 C (his fit; measured ours 13.78 C).
  CHECK(stull_wet_bulb_c(20.0, 50.0) == Approx(13.7).margin(0.01));
  CHECK(zeropark::wet_bulb_c(20.0, 50.0, 101325.0) == Approx(13.7).margin(0.1));
  // Over the weather a park meets (0-40 C, RH 10-99 %) the fit stays within about 1 C of the
  // psychrometric solution, as Stull reports. Measured: max 0.93 C, mean 0.27 C.
  double max_diff = 0.0, sum_diff = 0.0;
  int n = 0;
  for (int t = 0; t <= 40; ++t) {
    for (int rh = 10; rh <= 99; ++rh) {
      const double diff =
          std::fabs(zeropark::wet_bulb_c(t, rh, 101325.0) - stull_wet_bulb_c(t, rh));
      max_diff = std::max(max_diff, diff);
      sum_diff += diff;
      ++n;
    }
  }
  std::printf("wet bulb vs Stull 2011: max |diff| %.3f C, mean %.3f C\n", max_diff, sum_diff / n);
  CHECK(max_diff < 1.0);
  CHECK(sum_diff / n < 0.35);
}

TEST_CASE("wet bulb edge cases", "[data_centre]") {
  CHECK(std::isnan(zeropark::wet_bulb_c(std::nan(""), 50.0, 101325.0)));
  // Saturated air: the wet bulb is the dry bulb.
  CHECK(zeropark::wet_bulb_c(25.0, 100.0, 101325.0) == Approx(25.0).margin(1e-6));
  CHECK(zeropark::wet_bulb_c(25.0, 130.0, 101325.0) == Approx(25.0).margin(1e-6));
  // Below freezing (ice bulb) and bone-dry air stay finite and below the dry bulb.
  const double cold = zeropark::wet_bulb_c(-10.0, 60.0, 101325.0);
  CHECK(cold < -10.0);
  CHECK(cold > -15.0);
  const double dry = zeropark::wet_bulb_c(30.0, 0.0, 101325.0);
  CHECK(dry < 12.0);
  CHECK(dry > 5.0);
  // Unknown pressure counts as the standard atmosphere.
  CHECK(zeropark::wet_bulb_c(30.0, 50.0, 0.0) == zeropark::wet_bulb_c(30.0, 50.0, 101325.0));
}

TEST_CASE("default chiller reproduces the DOE-2 centrifugal at its rating point", "[data_centre]") {
  // The default Carnot fraction is that of the DOE-2.1E generic centrifugal chiller: COP 5.5 at
  // 6.67 C leaving chilled water and 29.4 C entering condenser water. Measured 5.50.
  const DataCentreParams params;
  CHECK(zeropark::chiller_cop(params, 6.67, 29.4) == Approx(5.5).epsilon(0.02));
}

TEST_CASE("Carnot-fraction COP follows manufacturer performance maps", "[data_centre]") {
  // A variable-speed centrifugal (the kind a new data centre buys) gains from a falling lift as a
  // Carnot fraction does: measured -4.9 % to +5.3 %, rms 2.7 % over its whole map (chilled water
  // 5.6-8.9 C, condenser water 12.8-29.4 C, COP 5.6-13.7).
  const MapFit vsd = fit_to_map(kYorkYtVsd);
  CHECK(vsd.max_error < 0.06);
  CHECK(vsd.min_error > -0.06);
  CHECK(vsd.rms_error < 0.03);
  // DOE-2's generic constant-speed centrifugal gains less at low lift: the model is up to 18.6 %
  // high at its coldest condenser water (24 C), 5.6 % rms. This bounds what a constant-speed plant
  // would get wrong with this model.
  const MapFit fixed = fit_to_map(kDoe2Centrifugal);
  CHECK(fixed.max_error < 0.20);
  CHECK(fixed.min_error > -0.05);
  CHECK(fixed.rms_error < 0.07);
}

TEST_CASE("plant reproduces Lei and Masanet's published example", "[data_centre]") {
  // Their tool's example: PUE_WEC_Chiller(parameters_WEC, 20 C, 40 %, 101325 Pa, 1 kW) = 1.0887.
  // At 20 C / 40 % the wet bulb (12.4 C) puts their plant in full free cooling, so this checks the
  // electrical overheads, fans, pumps and tower against theirs. Their model also humidifies and
  // derates for a sensible heat ratio of 0.986, which ours does not.
  // Measured: 1.0894.
  const DataCentrePower p = zeropark::data_centre_power(lei_masanet_example(), 1.0, 20.0, 40.0,
                                                        101325.0);
  std::printf("Lei & Masanet example: PUE %.4f (theirs 1.0887), wet bulb %.2f C\n", p.pue,
              p.wet_bulb_c);
  CHECK(p.mode == CoolingMode::kFreeCooling);
  CHECK(p.pue == Approx(1.0887).margin(0.005));
}

TEST_CASE("annual PUE of Shanghai lies in the published band for its climate zone",
          "[data_centre]") {
  // Shanghai's typical year is ASHRAE climate zone 3 (2500 < CDD10 <= 3500, ASHRAE 169 / 90.1
  // Table B-4) and humid (A).
  double cdd10 = 0.0, hdd18 = 0.0;
  const auto& hours = shanghai().hours;
  REQUIRE(hours.size() == 8760);
  for (std::size_t day = 0; day < 365; ++day) {
    double mean_c = 0.0;
    for (std::size_t h = 0; h < 24; ++h) mean_c += hours[day * 24 + h].dry_bulb_c / 24.0;
    cdd10 += std::max(0.0, mean_c - 10.0);
    hdd18 += std::max(0.0, 18.0 - mean_c);
  }
  std::printf("Shanghai CSWD: CDD10 %.0f, HDD18 %.0f\n", cdd10, hdd18);
  CHECK(cdd10 > 2500.0);
  CHECK(cdd10 <= 3500.0);

  // Lei & Masanet (2022) simulate US data centres by climate zone; in zone 3A a mid-size facility
  // with water-cooled chillers and a water-side economizer has PUE 1.274 (5th percentile) to
  // 1.533 (95th), a large-scale one 1.087 to 1.215.
  const AnnualResult mid = annual(DataCentreParams{});
  std::printf("Shanghai annual PUE with the defaults: %.4f (%.0f h of full free cooling); "
              "monthly:", mid.pue, mid.free_cooling_hours);
  for (double m : mid.monthly_pue) std::printf(" %.3f", m);
  std::printf("\n");
  CHECK(mid.pue > 1.274);
  CHECK(mid.pue < 1.533);
  // Jiading's plan caps new data centres at PUE 1.3; the defaults are documented to give 1.29.
  CHECK(mid.pue < 1.30);
  CHECK(mid.pue == Approx(1.29).margin(0.005));
  // The weather matters: measured January 1.204, July 1.373, and 1809 h a year of full free
  // cooling (measured annual PUE 1.291).
  CHECK(mid.monthly_pue[6] - mid.monthly_pue[0] > 0.1);

  const AnnualResult large = annual(lei_masanet_example());
  // Measured 1.123 with their hyperscale example's parameters.
  std::printf("Shanghai annual PUE with Lei & Masanet's hyperscale example: %.4f\n", large.pue);
  CHECK(large.pue > 1.087);
  CHECK(large.pue < 1.215);
}

TEST_CASE("PUE rises with the wet bulb through the three cooling modes", "[data_centre]") {
  const DataCentreParams params;
  double previous = 0.0;
  bool saw_free = false, saw_partial = false, saw_chiller = false;
  for (double wb = -10.0; wb <= 32.0; wb += 0.25) {
    const DataCentrePower p = zeropark::data_centre_power_at_wet_bulb(params, 100.0, wb);
    INFO("wet bulb " << wb);
    CHECK(p.pue >= previous - 1e-12);
    previous = p.pue;
    CHECK(p.facility_kw == Approx(p.it_kw + p.overhead_kw + p.cooling_kw).epsilon(1e-12));
    CHECK(p.cooling_kw ==
          Approx(p.air_fans_kw + p.pumps_kw + p.tower_fans_kw + p.chillers_kw).epsilon(1e-12));
    CHECK(p.pue == Approx(p.facility_kw / p.it_kw).epsilon(1e-12));
    switch (p.mode) {
      case CoolingMode::kFreeCooling:
        saw_free = true;
        CHECK(p.chillers_kw == 0.0);
        CHECK(p.economizer_share == 1.0);
        break;
      case CoolingMode::kPartialFreeCooling:
        saw_partial = true;
        CHECK(p.economizer_share > 0.0);
        CHECK(p.economizer_share < 1.0);
        break;
      case CoolingMode::kChiller:
        saw_chiller = true;
        CHECK(p.economizer_share == 0.0);
        break;
    }
  }
  CHECK(saw_free);
  CHECK(saw_partial);
  CHECK(saw_chiller);
  // The band edges: free cooling needs tower water + exchanger approach at or below the supply
  // (12 - 2 - 4 = 6 C wet bulb), none is possible at or above the return (18 - 6 = 12 C).
  CHECK(zeropark::data_centre_power_at_wet_bulb(params, 1.0, 6.0).mode ==
        CoolingMode::kFreeCooling);
  CHECK(zeropark::data_centre_power_at_wet_bulb(params, 1.0, 6.01).mode ==
        CoolingMode::kPartialFreeCooling);
  CHECK(zeropark::data_centre_power_at_wet_bulb(params, 1.0, 12.0).mode == CoolingMode::kChiller);
}

TEST_CASE("the economizer only ever saves energy and IT power scales the plant", "[data_centre]") {
  DataCentreParams with;
  DataCentreParams without;
  without.water_side_economizer = false;
  for (double wb = -5.0; wb <= 30.0; wb += 1.0) {
    const double a = zeropark::data_centre_power_at_wet_bulb(with, 1.0, wb).pue;
    const double b = zeropark::data_centre_power_at_wet_bulb(without, 1.0, wb).pue;
    INFO("wet bulb " << wb);
    CHECK(a <= b + 1e-12);
  }
  // Zero, negative and not-a-number IT power draw nothing but keep the plant's PUE.
  for (double it : {0.0, -5.0, std::nan("")}) {
    const DataCentrePower p = zeropark::data_centre_power(with, it, 25.0, 60.0, 101325.0);
    CHECK(p.facility_kw == 0.0);
    CHECK(p.it_kw == 0.0);
    CHECK(std::isfinite(p.pue));
    CHECK(p.pue > 1.0);
  }
  const DataCentrePower one = zeropark::data_centre_power(with, 1.0, 25.0, 60.0, 101325.0);
  const DataCentrePower many = zeropark::data_centre_power(with, 2500.0, 25.0, 60.0, 101325.0);
  CHECK(many.facility_kw == Approx(2500.0 * one.facility_kw).epsilon(1e-12));
  CHECK(many.pue == one.pue);
}
