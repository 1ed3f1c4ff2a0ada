// Tests of the PVT collector against its certificate and the published coupling model.
//
// References (tests/data/pvt/PROVENANCE.md):
//  - Solar Keymark licence 011-7S2354 P: an uncovered 300 Wp PVT collector, 1.64 m2, with its
//    EN ISO 9806:2013 unglazed coefficients (eta0 0.535, b_u 0.067 s/m, b1 10.74 W/(m2 K),
//    b2 1.0997 J/(m3 K)); expected heat fluxes below are recomputed by hand from them;
//  - the same certificate converted to ISO 9806:2017 (reduced wind u' = u - 3 m/s) by the Solar
//    Keymark Network procedure, as IDEAS applies it: both forms must give the same heat;
//  - the cell-to-fluid conductance of Meertens et al. (IDEAS) from datasheet values, with Lämmle's
//    (ta) = 0.901 / 0.84; Jonas et al. (2018) coefficients for a covered collector.
#include "components/pvt_collector.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using zeropark::PvtOutput;
using zeropark::PvtParams;

// One CSV of tests/data/pvt as rows of column name -> text.
std::vector<std::map<std::string, std::string>> read_csv(const std::string& name) {
  const std::string path = std::string(ZEROPARK_TEST_DATA_DIR) + "/pvt/" + name;
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (header.empty()) {
      header = cells;
      continue;
    }
    REQUIRE(cells.size() == header.size());
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(row);
  }
  return rows;
}

std::map<std::string, std::string> csv_row(const std::string& file, const std::string& name) {
  for (const auto& row : read_csv(file))
    if (row.at("name") == name) return row;
  FAIL("no row " << name << " in " << file);
  return {};
}

double number(const std::map<std::string, std::string>& row, const std::string& column) {
  return std::stod(row.at(column));
}

// A collector from a row of pvt_collectors.csv: the 2013 unglazed form as is; the quasi-dynamic
// form's absolute c6 becomes the relative b_u = c6 / eta0.
PvtParams collector(const std::string& name) {
  const auto row = csv_row("pvt_collectors.csv", name);
  PvtParams p = zeropark::default_pvt_params();
  p.gross_area_m2 = number(row, "gross_area_m2");
  p.eta0 = number(row, "eta0");
  p.eta0_wind_s_m = number(row, "eta0_wind_s_m");
  if (row.at("form") == "iso9806_2013_quasi_dynamic") p.eta0_wind_s_m /= p.eta0;
  p.a1_w_m2k = number(row, "a1_w_m2k");
  p.a1_wind_j_m3k = number(row, "a1_wind_j_m3k");
  p.a2_w_m2k2 = number(row, "a2_w_m2k2");
  p.pv.dc_capacity_kw = number(row, "pmpp_w") / 1000.0;
  p.pv.gamma_pdc_per_c = number(row, "gamma_per_c");
  const double tau_alpha = number(row, "covered") != 0.0 ? zeropark::kPvtTauAlphaCovered
                                                       : zeropark::kPvtTauAlphaUncovered;
  p.cell_to_fluid_u_w_m2k = zeropark::pvt_cell_to_fluid_u_w_m2k(
      p.eta0, p.a1_w_m2k, p.pv.gamma_pdc_per_c, number(row, "electrical_efficiency"), tau_alpha);
  return p;
}

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("Defaults are the certificate of licence 011-7S2354 P", "[pvt]") {
  const PvtParams defaults = zeropark::default_pvt_params();
  const PvtParams certificate = collector("skn_011-7S2354P");
  CHECK(defaults.gross_area_m2 == certificate.gross_area_m2);
  CHECK(defaults.eta0 == certificate.eta0);
  CHECK(defaults.eta0_wind_s_m == certificate.eta0_wind_s_m);
  CHECK(defaults.a1_w_m2k == certificate.a1_w_m2k);
  CHECK(defaults.a1_wind_j_m3k == certificate.a1_wind_j_m3k);
  CHECK(defaults.a2_w_m2k2 == certificate.a2_w_m2k2);
  CHECK(defaults.pv.dc_capacity_kw == certificate.pv.dc_capacity_kw);
  CHECK(defaults.pv.gamma_pdc_per_c == certificate.pv.gamma_pdc_per_c);
  // The stored conductance is the datasheet formula's value, rounded.
  CHECK(defaults.cell_to_fluid_u_w_m2k == Approx(certificate.cell_to_fluid_u_w_m2k).margin(0.1));
  CHECK_NOTHROW(zeropark::check_pvt_params(defaults, {"s.yaml", 3, 5}, "pvt.p1"));
}

TEST_CASE("ISO 9806:2013 curve of the certificate at hand-computed points", "[pvt]") {
  const PvtParams p = collector("skn_011-7S2354P");
  struct Point {
    double poa_w_m2, air_c, fluid_c, wind_m_s, expected_thermal_w;
  };
  // q = 0.535 (1 - 0.067 u) G - (10.74 + 1.0997 u) dT, times 1.64 m2 (recomputed by hand).
  const Point points[] = {
      {1000.0, 25.0, 25.0, 0.0, 877.4},      // eta0 G A: the certificate's zero-loss output
      {800.0, 20.0, 30.0, 1.5, 428.18842},   // 261.0905 W/m2
      {950.0, 18.0, 10.0, 4.0, 808.765016},  // fluid below air: ambient gain adds (493.1494 W/m2)
      {0.0, 5.0, -5.0, 2.0, 212.20616},      // night, heat-pump source: 129.394 W/m2 from the air
      {600.0, 20.0, 45.0, 3.0, 0.0},         // would lose 94.5 W/m2: no reverse flow
  };
  for (const Point& pt : points) {
    const PvtOutput out = zeropark::pvt_output(p, pt.poa_w_m2, pt.air_c, pt.fluid_c, pt.wind_m_s);
    INFO("G " << pt.poa_w_m2 << " air " << pt.air_c << " fluid " << pt.fluid_c << " wind "
              << pt.wind_m_s);
    CHECK(out.thermal_kw * 1000.0 == Approx(pt.expected_thermal_w).margin(1e-6));
    CHECK(out.circulating == (pt.expected_thermal_w > 0.0));
  }
  // The signed flux itself, where the pump is off.
  CHECK(zeropark::pvt_heat_flux_w_m2(p, 600.0, 20.0, 45.0, 3.0) == Approx(-94.4985).margin(1e-9));
  // Efficiency at the certificate's reference point is eta0 itself.
  CHECK(zeropark::pvt_output(p, 1000.0, 25.0, 25.0, 0.0).efficiency_thermal ==
        Approx(0.535).epsilon(1e-12));
}

TEST_CASE("ISO 9806:2017 form with reduced wind speed gives the same heat", "[pvt]") {
  // SKN-N0474R0 conversion as IDEAS applies it: eta0' = eta0 (1 - 3 b_u), c1 = b1 + 3 b2, c3 = b2,
  // c6 = eta0 b_u, and the 2017 equation uses u' = u - 3 m/s. Both must give the same flux for
  // every wind speed, irradiance and temperature difference: this pins the meaning of our wind
  // terms (relative b_u on eta0, b2 on a1, wind in m/s as measured).
  const PvtParams p = collector("skn_011-7S2354P");
  const auto c = csv_row("iso9806_2017_conversion.csv", "skn_011-7S2354P_iso9806_2017");
  const double eta0 = number(c, "eta0_hemispherical"), c1 = number(c, "c1_w_m2k"),
               c2 = number(c, "c2_w_m2k2"), c3 = number(c, "c3_j_m3k"), c6 = number(c, "c6_s_m"),
               offset = number(c, "reduced_wind_offset_m_s");
  double worst_w_m2 = 0.0;
  for (double u = 0.0; u <= 8.0; u += 0.5) {
    for (double g : {0.0, 200.0, 800.0, 1100.0}) {
      for (double dt : {-10.0, 0.0, 15.0, 40.0}) {
        const double reduced = u - offset;
        const double q2017 = eta0 * g - c6 * reduced * g - (c1 + c3 * reduced) * dt - c2 * dt * dt;
        const double q2013 = zeropark::pvt_heat_flux_w_m2(p, g, 20.0, 20.0 + dt, u);
        worst_w_m2 = std::max(worst_w_m2, std::fabs(q2013 - q2017));
      }
    }
  }
  // The converted coefficients are exact decimals of the 2013 ones; only rounding remains.
  CHECK(worst_w_m2 < 1e-9);
}

TEST_CASE("Cell-to-fluid conductance from datasheet values", "[pvt]") {
  // Meertens et al.: U = ((ta) - eta_el)(a1 + |gamma| 1000) / ((ta) - eta_el - eta0).
  // Uncovered, licence 011-7S2354 P: 0.718 x 14.49 / 0.183 = 56.85 W/(m2 K).
  CHECK(zeropark::pvt_cell_to_fluid_u_w_m2k(0.535, 10.74, -0.00375, 0.183,
                                            zeropark::kPvtTauAlphaUncovered) ==
        Approx(56.8515).margin(1e-3));
  // Covered and insulated (Jonas et al. 2018): 0.701 x 8.708 / 0.128 = 47.69 W/(m2 K).
  CHECK(collector("jonas2018_covered_insulated").cell_to_fluid_u_w_m2k ==
        Approx(47.6899).margin(1e-3));
  // A datasheet that leaves no room for a resistance means cells at the fluid temperature.
  CHECK(std::isinf(zeropark::pvt_cell_to_fluid_u_w_m2k(0.75, 10.0, -0.004, 0.2, 0.901)));

  // At the certificate's reference point the cells run q / U = 535 / 56.85 = 9.41 K above the
  // fluid; with the cells held at 25 C the DC output is the nameplate less PVWatts' 14 % losses.
  const PvtParams p = collector("skn_011-7S2354P");
  const double fluid_c = 25.0 - 535.0 / p.cell_to_fluid_u_w_m2k;
  const PvtOutput out = zeropark::pvt_output(p, 1000.0, fluid_c, fluid_c, 0.0);
  CHECK(out.cell_temp_c == Approx(25.0).margin(1e-9));
  CHECK(out.cell_temp_c - fluid_c == Approx(9.4105).margin(1e-3));
  CHECK(out.electrical_dc_kw == Approx(0.300 * 0.86).epsilon(1e-12));
  // 20 K warmer cells cost 20 x 0.375 % of the DC output.
  const PvtOutput warm = zeropark::pvt_output(p, 1000.0, fluid_c + 20.0, fluid_c + 20.0, 0.0);
  CHECK(warm.electrical_dc_kw == Approx(0.258 * (1.0 - 20.0 * 0.00375)).epsilon(1e-12));
}

TEST_CASE("No reverse flow: a collector that would lose heat stagnates", "[pvt]") {
  const PvtParams p = collector("skn_011-7S2354P");
  // Stagnation at 1000 W/m2, 30 C, still air: 30 + 535 / 10.74 = 79.81 C.
  const double stagnation_c = zeropark::pvt_stagnation_temp_c(p, 1000.0, 30.0, 0.0);
  CHECK(stagnation_c == Approx(79.8138).margin(1e-4));
  const PvtOutput hot = zeropark::pvt_output(p, 1000.0, 30.0, 85.0, 0.0);
  CHECK_FALSE(hot.circulating);
  CHECK(hot.thermal_kw == 0.0);
  CHECK(hot.efficiency_thermal == 0.0);
  CHECK(hot.cell_temp_c == Approx(stagnation_c).epsilon(1e-12));
  CHECK(hot.electrical_dc_kw == Approx(0.258 * (1.0 - 0.00375 * (stagnation_c - 25.0))));
  // Just below stagnation the pump runs, with a small flux and the cells barely above the fluid:
  // the cell temperature is continuous across the switch.
  const PvtOutput warm = zeropark::pvt_output(p, 1000.0, 30.0, stagnation_c - 0.01, 0.0);
  CHECK(warm.circulating);
  CHECK(warm.thermal_kw == Approx(0.01 * 10.74 * 1.64 / 1000.0).epsilon(1e-6));
  CHECK(std::fabs(warm.cell_temp_c - stagnation_c) < 0.01);
  // With a quadratic loss term (covered collector) the stagnation point zeroes the curve.
  const PvtParams covered = collector("jonas2018_covered_insulated");
  const double covered_stagnation_c = zeropark::pvt_stagnation_temp_c(covered, 900.0, 10.0, 2.0);
  CHECK(zeropark::pvt_heat_flux_w_m2(covered, 900.0, 10.0, covered_stagnation_c, 2.0) ==
        Approx(0.0).margin(1e-9));
  // (0.573 - 0.003 x 2) 900 = 510.3 W/m2 = (5.008 + 0.011 x 2) s + 0.059 s^2: s = 59.68 K.
  CHECK(covered_stagnation_c == Approx(10.0 + 59.677).margin(1e-3));
  // At night with the fluid above the air there is nothing to gain: the cells sit at air
  // temperature.
  const PvtOutput night = zeropark::pvt_output(p, 0.0, 8.0, 30.0, 1.0);
  CHECK(night.thermal_kw == 0.0);
  CHECK(night.cell_temp_c == 8.0);
}

TEST_CASE("Cooled cells make more DC than an open-rack module in the same sun", "[pvt]") {
  // 900 W/m2, 30 C air, 1 m/s: a SAPM open-rack glass/polymer module reaches 56.4 C; the PVT
  // cooled by 20 C fluid stays near 30 C: about 26 K x 0.375 % = 10 % more DC. With 60 C fluid the
  // PVT runs hotter than the module and makes less.
  const PvtParams p = collector("skn_011-7S2354P");
  const double pv_cell_c = zeropark::sapm_cell_temp_c(p.pv.thermal, 900.0, 30.0, 1.0);
  CHECK(pv_cell_c == Approx(56.4455).margin(1e-3));
  const double pv_dc_kw = zeropark::pv_dc_kw(p.pv, 900.0, pv_cell_c);
  const PvtOutput cool = zeropark::pvt_output(p, 900.0, 30.0, 20.0, 1.0);
  const PvtOutput hot = zeropark::pvt_output(p, 900.0, 30.0, 60.0, 1.0);
  std::printf("PVT vs PV at 900 W/m2, 30 C: PV cell %.1f C %.1f W; PVT cell %.1f C %.1f W "
              "(fluid 20 C, heat %.0f W), %.1f C %.1f W (fluid 60 C, heat %.0f W)\n",
              pv_cell_c, pv_dc_kw * 1e3, cool.cell_temp_c, cool.electrical_dc_kw * 1e3,
              cool.thermal_kw * 1e3, hot.cell_temp_c, hot.electrical_dc_kw * 1e3,
              hot.thermal_kw * 1e3);
  CHECK(cool.cell_temp_c == Approx(20.0 + 567.6 / 56.85).margin(0.05));
  CHECK(cool.electrical_dc_kw / pv_dc_kw == Approx(1.0 + 0.00375 * (pv_cell_c - cool.cell_temp_c) /
                                                       (1.0 - 0.00375 * (pv_cell_c - 25.0)))
                                                .epsilon(1e-9));
  CHECK(cool.electrical_dc_kw > 1.08 * pv_dc_kw);
  CHECK(hot.electrical_dc_kw < pv_dc_kw);
}

TEST_CASE("Heat plus DC never exceed the light the laminate absorbs", "[pvt]") {
  // With the fluid at or above air temperature all the output comes from the sun, so the thermal
  // plus electrical efficiency stays below (ta) (0.901 uncovered, 0.84 covered); below air
  // temperature the collector also draws heat from the air and may exceed it.
  const std::pair<const char*, double> collectors[] = {
      {"skn_011-7S2354P", zeropark::kPvtTauAlphaUncovered},
      {"jonas2018_covered_insulated", zeropark::kPvtTauAlphaCovered}};
  for (const auto& [name, tau_alpha] : collectors) {
    const PvtParams p = collector(name);
    for (double g = 100.0; g <= 1200.0; g += 100.0) {
      for (double dt = 0.0; dt <= 60.0; dt += 5.0) {
        for (double u = 0.0; u <= 6.0; u += 1.0) {
          const PvtOutput out = zeropark::pvt_output(p, g, 20.0, 20.0 + dt, u);
          const double electrical = out.electrical_dc_kw * 1000.0 / (g * p.gross_area_m2);
          INFO(name << " G " << g << " dT " << dt << " u " << u);
          CHECK(out.efficiency_thermal + electrical < tau_alpha);
          CHECK(out.thermal_kw >= 0.0);
          CHECK(out.electrical_dc_kw >= 0.0);
        }
      }
    }
  }
}

TEST_CASE("Wind costs heat above air temperature and brings heat below it", "[pvt]") {
  const PvtParams p = collector("skn_011-7S2354P");
  const double calm_kw = zeropark::pvt_output(p, 700.0, 15.0, 30.0, 0.5).thermal_kw;
  const double windy_kw = zeropark::pvt_output(p, 700.0, 15.0, 30.0, 5.0).thermal_kw;
  CHECK(windy_kw < calm_kw);
  const double calm_source_kw = zeropark::pvt_output(p, 0.0, 10.0, 0.0, 0.5).thermal_kw;
  const double windy_source_kw = zeropark::pvt_output(p, 0.0, 10.0, 0.0, 5.0).thermal_kw;
  CHECK(windy_source_kw > calm_source_kw);
  // A wind of 1 / b_u = 14.9 m/s or more leaves no zero-loss gain at all (never negative).
  CHECK(zeropark::pvt_heat_flux_w_m2(p, 800.0, 20.0, 20.0, 20.0) == 0.0);
  // Negative and NaN wind count as still air.
  CHECK(zeropark::pvt_output(p, 700.0, 15.0, 30.0, -3.0).thermal_kw ==
        zeropark::pvt_output(p, 700.0, 15.0, 30.0, 0.0).thermal_kw);
  CHECK(zeropark::pvt_output(p, 700.0, 15.0, 30.0, kNan).thermal_kw ==
        zeropark::pvt_output(p, 700.0, 15.0, 30.0, 0.0).thermal_kw);
}

TEST_CASE("Plane-of-array components: the cover loss applies to the beam only", "[pvt]") {
  const PvtParams p = zeropark::default_pvt_params();
  zeropark::PoaIrradiance poa;
  poa.poa_beam_w_m2 = 600.0;
  poa.poa_sky_diffuse_w_m2 = 200.0;
  poa.poa_global_w_m2 = 800.0;
  poa.aoi_deg = 0.0;
  const PvtOutput normal = zeropark::pvt_output(p, poa, 20.0, 25.0, 1.0);
  const PvtOutput scalar = zeropark::pvt_output(p, 800.0, 20.0, 25.0, 1.0);
  CHECK(normal.thermal_kw == Approx(scalar.thermal_kw).epsilon(1e-12));
  CHECK(normal.electrical_dc_kw == Approx(scalar.electrical_dc_kw).epsilon(1e-12));
  poa.aoi_deg = 70.0;
  const double iam = zeropark::iam_physical(70.0, 1.526, 4.0, 0.002);
  const PvtOutput oblique = zeropark::pvt_output(p, poa, 20.0, 25.0, 1.0);
  const PvtOutput expected = zeropark::pvt_output(p, 800.0 - (1.0 - iam) * 600.0, 20.0, 25.0, 1.0);
  CHECK(iam < 0.9);
  CHECK(oblique.thermal_kw == Approx(expected.thermal_kw).epsilon(1e-12));
  CHECK(oblique.thermal_kw < normal.thermal_kw);
}

TEST_CASE("Broken inputs give zero output and a finite cell temperature", "[pvt]") {
  const PvtParams p = zeropark::default_pvt_params();
  const PvtOutput nan_sun = zeropark::pvt_output(p, kNan, 20.0, 25.0, 1.0);
  CHECK(nan_sun.electrical_dc_kw == 0.0);
  CHECK(nan_sun.thermal_kw == 0.0);
  CHECK(nan_sun.cell_temp_c == 20.0);
  const PvtOutput nan_fluid = zeropark::pvt_output(p, 800.0, 20.0, kNan, 1.0);
  CHECK(nan_fluid.thermal_kw == 0.0);
  CHECK(std::isfinite(nan_fluid.cell_temp_c));
  CHECK(nan_fluid.electrical_dc_kw > 0.0);
  const PvtOutput negative_sun = zeropark::pvt_output(p, -50.0, 20.0, 25.0, 1.0);
  CHECK(negative_sun.thermal_kw == 0.0);
  CHECK(negative_sun.electrical_dc_kw == 0.0);
}

TEST_CASE("Parameter check names the offending field", "[pvt]") {
  PvtParams p = zeropark::default_pvt_params();
  p.a1_w_m2k = -1.0;
  try {
    zeropark::check_pvt_params(p, {"park.yaml", 12, 7}, "pvt.roof");
    FAIL("expected InputError");
  } catch (const zeropark::InputError& e) {
    CHECK(e.field() == "pvt.roof.a1_w_m2k");
    CHECK(e.where().line == 12);
    CHECK(std::string(e.what()).find("park.yaml:12:7") != std::string::npos);
  }
  p = zeropark::default_pvt_params();
  p.eta0 = 1.2;
  CHECK_THROWS_AS(zeropark::check_pvt_params(p, {}, "pvt"), zeropark::InputError);
  p = zeropark::default_pvt_params();
  p.gross_area_m2 = kNan;
  CHECK_THROWS_AS(zeropark::check_pvt_params(p, {}, "pvt"), zeropark::InputError);
}
