// Tests of the wind turbine model against published values.
//
// References (tests/data/wind/, see its PROVENANCE.md):
//  - the 1.5 MW, 77 m power curve of NREL SAM/SSC's windpower tests, and the annual energies SSC's
//    tests expect from it: a Weibull resource (k = 2, mean 7.25 m/s at 50 m, carried to an 80 m
//    hub with shear 0.14) gives 5,639,180 kWh per turbine (lib_windwatts_test.cpp) and
//    180,453,760 kWh for 32 turbines without losses (cmod_windpower_test.cpp); a six-bin wind
//    distribution gives 5,025,000 kWh (lib_windwatts_test.cpp);
//  - windpowerlib's tests of the power law, the logarithmic profile, the ideal-gas density and
//    the power curve with density correction;
//  - ISO 2533's sea-level density, 1.225 kg/m3 at 101325 Pa and 15 C.
// Values computed by hand in the comments use the same equations as the header.
#include "components/wind_turbine.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/temp_dir.h"
#include "zeropark/error.h"

namespace {

using Catch::Matchers::Contains;
using zeropark::InputError;
using zeropark::PowerCurve;
using zeropark::WindTurbineParams;

const std::string kDataDir = std::string(ZEROPARK_TEST_DATA_DIR) + "/wind/";

const nlohmann::json& reference() {
  static const nlohmann::json values = [] {
    std::ifstream in(kDataDir + "wind_reference_values.json");
    REQUIRE(in);
    return nlohmann::json::parse(in);
  }();
  return values;
}

PowerCurve ssc_curve() {
  return zeropark::read_power_curve_csv(kDataDir + "ssc_test_powercurve_1500kW_77m.csv");
}

std::vector<double> doubles(const nlohmann::json& array) {
  return array.get<std::vector<double>>();
}

double weibull_cdf(double wind_speed_m_s, double k, double scale_m_s) {
  return 1.0 - std::exp(-std::pow(wind_speed_m_s / scale_m_s, k));
}

double weibull_pdf(double wind_speed_m_s, double k, double scale_m_s) {
  const double x = wind_speed_m_s / scale_m_s;
  return k / scale_m_s * std::pow(x, k - 1.0) * std::exp(-std::pow(x, k));
}

// Annual energy as SSC bins it (lib_windwatts.cpp, windPowerUsingWeibull): each curve point i >= 1
// gets the Weibull probability of [v_(i-1) + w/2, v_i + w/2], i.e. the point sits in the middle
// of its bin, times its power.
double ssc_binned_energy_kwh(const PowerCurve& curve, double k, double scale_m_s,
                             double bin_width_m_s, double hours) {
  const std::vector<double>& v = curve.wind_speed_m_s;
  double energy_kwh = 0.0;
  for (std::size_t i = 1; i < v.size(); ++i) {
    const double probability = weibull_cdf(v[i] + 0.5 * bin_width_m_s, k, scale_m_s) -
                               weibull_cdf(v[i - 1] + 0.5 * bin_width_m_s, k, scale_m_s);
    energy_kwh += hours * probability * zeropark::power_curve_kw(curve, v[i]);
  }
  return energy_kwh;
}

// Annual energy as the integral of our interpolated curve times the Weibull density: Simpson's
// rule on each segment between curve points, where the power is linear (so the kinks fall on
// panel edges). Outside the table the power is 0.
double integrated_energy_kwh(const PowerCurve& curve, double k, double scale_m_s, double hours) {
  constexpr int kPanels = 64;  // even
  const std::vector<double>& v = curve.wind_speed_m_s;
  double mean_kw = 0.0;
  for (std::size_t i = 0; i + 1 < v.size(); ++i) {
    const double h = (v[i + 1] - v[i]) / kPanels;
    double sum = 0.0;
    for (int j = 0; j <= kPanels; ++j) {
      // Stay inside the segment at its right end, where the table may jump (cut-out ramp).
      const double speed = j == kPanels ? v[i + 1] : v[i] + j * h;
      const double weight = (j == 0 || j == kPanels) ? 1.0 : (j % 2 == 1 ? 4.0 : 2.0);
      sum += weight * zeropark::power_curve_kw(curve, speed) * weibull_pdf(speed, k, scale_m_s);
    }
    mean_kw += sum * h / 3.0;
  }
  return mean_kw * hours;
}

template <class Call>
InputError input_error_of(Call call) {
  try {
    call();
  } catch (const InputError& e) {
    return e;
  }
  FAIL("no InputError");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("The shipped 1.5 MW curve is SSC's test curve, point for point", "[wind]") {
  const PowerCurve curve = ssc_curve();
  const nlohmann::json& spot = reference()["ssc_power_curve_spot_points"];
  REQUIRE(curve.wind_speed_m_s.size() == spot["points"].get<std::size_t>());
  REQUIRE(curve.power_kw.size() == curve.wind_speed_m_s.size());
  for (std::size_t i = 0; i < curve.wind_speed_m_s.size(); ++i) {
    INFO("point " << i);
    CHECK(curve.wind_speed_m_s[i] == 0.25 * static_cast<double>(i));  // 0 to 40 m/s by 0.25
    // At a point the interpolation must return the point itself, exactly.
    CHECK(zeropark::power_curve_kw(curve, curve.wind_speed_m_s[i]) == curve.power_kw[i]);
  }
  const std::vector<double> speeds = doubles(spot["wind_speed_m_s"]);
  const std::vector<double> powers = doubles(spot["power_kw"]);
  for (std::size_t i = 0; i < speeds.size(); ++i) {
    INFO(speeds[i] << " m/s");
    CHECK(zeropark::power_curve_kw(curve, speeds[i]) == powers[i]);
  }
  CHECK(zeropark::rated_power_kw(curve) == 1500.0);
#ifdef ZEROPARK_ASSETS_DIR
  // The asset the scenarios use is the same curve.
  const PowerCurve asset = zeropark::read_power_curve_csv(
      std::string(ZEROPARK_ASSETS_DIR) + "/wind/ssc_test_powercurve_1500kW_77m.csv");
  CHECK(asset.wind_speed_m_s == curve.wind_speed_m_s);
  CHECK(asset.power_kw == curve.power_kw);
#endif
}

TEST_CASE("Power is linear between points and zero outside the table", "[wind]") {
  const PowerCurve curve = ssc_curve();
  // Halfway between 3.25 m/s (0 kW) and 3.5 m/s (21.32 kW): the cut-in ramp.
  CHECK(zeropark::power_curve_kw(curve, 3.375) == Approx(10.66).epsilon(1e-12));
  // A quarter of the way from 8.0 (656.49) to 8.25 (724.94): 656.49 + 68.45 / 4.
  CHECK(zeropark::power_curve_kw(curve, 8.0625) == Approx(673.6025).epsilon(1e-12));
  // The table's cut-out: 1500 kW at 25 m/s, 0 at 25.25, a ramp between.
  CHECK(zeropark::power_curve_kw(curve, 24.99) == 1500.0);
  CHECK(zeropark::power_curve_kw(curve, 25.125) == Approx(750.0).epsilon(1e-12));
  CHECK(zeropark::power_curve_kw(curve, 30.0) == 0.0);
  CHECK(zeropark::power_curve_kw(curve, 40.0) == 0.0);
  CHECK(zeropark::power_curve_kw(curve, 40.5) == 0.0);
  CHECK(zeropark::power_curve_kw(curve, -1.0) == 0.0);
  CHECK(zeropark::power_curve_kw(curve, std::numeric_limits<double>::quiet_NaN()) == 0.0);
  CHECK(zeropark::power_curve_kw(PowerCurve{}, 10.0) == 0.0);

  // windpowerlib's curve test: 0 below the first point and above the last, linear between.
  const nlohmann::json& wpl = reference()["windpowerlib_power_curve_density_correction"];
  const PowerCurve small{doubles(wpl["curve_wind_speed_m_s"]), doubles(wpl["curve_power"])};
  const std::vector<double> speeds = doubles(wpl["wind_speed_m_s"]);
  const std::vector<double> expected = doubles(wpl["expected_power_without_correction"]);
  for (std::size_t i = 0; i < speeds.size(); ++i)
    CHECK(zeropark::power_curve_kw(small, speeds[i]) == Approx(expected[i]).margin(1e-9));
}

TEST_CASE("Weibull annual energy by SSC's bins equals SAM's windpower tests", "[wind]") {
  const nlohmann::json& ssc = reference()["ssc_weibull"];
  const PowerCurve curve = ssc_curve();
  const double k = ssc["weibull_k"];
  // SSC carries the Weibull mean to the hub by the power law, then takes the scale from it.
  const double hub_mean_m_s = zeropark::hub_wind_speed_m_s(
      ssc["mean_wind_speed_m_s"].get<double>(), ssc["reference_height_m"].get<double>(),
      ssc["hub_height_m"].get<double>(), ssc["shear_exponent"].get<double>());
  CHECK(hub_mean_m_s == Approx(7.25 * std::pow(1.6, 0.14)).epsilon(1e-14));  // 7.7431 m/s
  const double scale_m_s = hub_mean_m_s / std::tgamma(1.0 + 1.0 / k);
  const double hours = ssc["hours_per_year"];
  const double turbine_kwh =
      ssc_binned_energy_kwh(curve, k, scale_m_s, ssc["bin_width_m_s"].get<double>(), hours);
  const int turbines = ssc["farm_turbines"];
  const double farm_kwh = turbines * turbine_kwh;
  // SSC spreads the annual energy evenly over the 8760 hours: January has 744 of them.
  const double january_kwh = farm_kwh * 744.0 / hours;
  std::printf(
      "Weibull k=2, 7.25 m/s at 50 m: %.1f kWh per turbine (SSC %.0f), farm %.0f kWh "
      "(SSC %.0f), January %.0f kWh (SSC %.0f)\n",
      turbine_kwh, ssc["expected_annual_energy_kwh_per_turbine"].get<double>(), farm_kwh,
      ssc["expected_farm_annual_energy_kwh"].get<double>(), january_kwh,
      ssc["expected_farm_january_energy_kwh"].get<double>());
  // Measured: 5,639,180.2 kWh and 180,453,765 kWh (SSC computes the curve in single precision).
  CHECK(turbine_kwh == Approx(ssc["expected_annual_energy_kwh_per_turbine"].get<double>())
                           .margin(ssc["tolerance_kwh_per_turbine"].get<double>()));
  CHECK(farm_kwh == Approx(ssc["expected_farm_annual_energy_kwh"].get<double>())
                        .margin(ssc["tolerance_farm_kwh"].get<double>()));
  CHECK(january_kwh == Approx(ssc["expected_farm_january_energy_kwh"].get<double>())
                           .margin(ssc["tolerance_farm_kwh"].get<double>()));
}

TEST_CASE("Integrating the interpolated curve over the Weibull agrees with SSC's bins", "[wind]") {
  // Our model is the piecewise-linear curve; SSC's bins are a midpoint rule for the same
  // integral. With 0.25 m/s points the two must agree closely (measured +0.0034 %).
  const nlohmann::json& ssc = reference()["ssc_weibull"];
  const PowerCurve curve = ssc_curve();
  const double k = ssc["weibull_k"];
  const double hub_mean_m_s = zeropark::hub_wind_speed_m_s(7.25, 50.0, 80.0, 0.14);
  const double scale_m_s = hub_mean_m_s / std::tgamma(1.0 + 1.0 / k);
  const double integral_kwh = integrated_energy_kwh(curve, k, scale_m_s, 8760.0);
  const double expected_kwh = ssc["expected_annual_energy_kwh_per_turbine"];
  std::printf("Weibull integral of the interpolated curve: %.1f kWh (%+.4f %% vs SSC)\n",
              integral_kwh, 100.0 * (integral_kwh / expected_kwh - 1.0));
  CHECK(integral_kwh == Approx(expected_kwh).epsilon(1e-4));
  // Capacity factor of a 1.5 MW turbine in this resource: 42.9 %.
  CHECK(integral_kwh / (1500.0 * 8760.0) == Approx(0.429).margin(0.001));
}

TEST_CASE("A six-bin wind distribution gives SSC's annual energy", "[wind]") {
  const nlohmann::json& dist = reference()["ssc_wind_distribution"];
  const PowerCurve curve = ssc_curve();
  const std::vector<double> speeds = doubles(dist["wind_speed_m_s"]);
  const std::vector<double> frequency = doubles(dist["frequency"]);
  double energy_kwh = 0.0;
  for (std::size_t i = 0; i < speeds.size(); ++i)
    energy_kwh += dist["hours_per_year"].get<double>() * frequency[i] *
                  zeropark::power_curve_kw(curve, speeds[i]);
  // Measured 5,025,124.9 kWh.
  CHECK(energy_kwh == Approx(dist["expected_annual_energy_kwh"].get<double>())
                          .margin(dist["tolerance_kwh"].get<double>()));
}

TEST_CASE("Power law and log law match hand values and windpowerlib", "[wind]") {
  // By hand: 5 m/s at 10 m to 80 m with alpha = 1/7 is 5 * 8^(1/7) = 6.72950 m/s.
  CHECK(zeropark::hub_wind_speed_m_s(5.0, 10.0, 80.0, 1.0 / 7.0) ==
        Approx(6.7295009632).epsilon(1e-10));
  for (const auto& c : reference()["windpowerlib_hellman"]["cases"]) {
    const double hub = zeropark::hub_wind_speed_m_s(
        c["wind_speed_m_s"].get<double>(), c["reference_height_m"].get<double>(),
        c["hub_height_m"].get<double>(), c["exponent"].get<double>());
    INFO("windpowerlib hellman " << c.dump());
    CHECK(hub == Approx(c["expected_m_s"].get<double>()).epsilon(1e-7));
  }
  for (const auto& c : reference()["windpowerlib_logarithmic_profile"]["cases"]) {
    const double hub = zeropark::hub_wind_speed_log_law_m_s(
        c["wind_speed_m_s"].get<double>(), c["reference_height_m"].get<double>(),
        c["hub_height_m"].get<double>(), c["roughness_length_m"].get<double>());
    INFO("windpowerlib logarithmic profile " << c.dump());
    CHECK(hub == Approx(c["expected_m_s"].get<double>()).epsilon(1e-7));
  }
  // The turbine's parameters choose the profile.
  WindTurbineParams params;
  params.hub_height_m = 100.0;
  CHECK(zeropark::hub_wind_speed_m_s(params, 5.0) == Approx(6.9474774).epsilon(1e-7));
  params.profile = zeropark::WindProfile::kLogLaw;
  params.roughness_length_m = 0.15;
  CHECK(zeropark::hub_wind_speed_m_s(params, 5.0) == Approx(7.74136523).epsilon(1e-7));

  // Same height, same wind; calm, glitches and impossible heights give no wind.
  CHECK(zeropark::hub_wind_speed_m_s(7.0, 10.0, 10.0, 0.2) == 7.0);
  CHECK(zeropark::hub_wind_speed_m_s(-2.0, 10.0, 80.0, 0.2) == 0.0);
  CHECK(zeropark::hub_wind_speed_m_s(std::nan(""), 10.0, 80.0, 0.2) == 0.0);
  CHECK(zeropark::hub_wind_speed_log_law_m_s(5.0, 10.0, 80.0, 10.0) == 0.0);  // h_ref = z0
  CHECK(zeropark::hub_wind_speed_log_law_m_s(5.0, 10.0, 0.01, 0.03) == 0.0);  // hub below z0
}

TEST_CASE("Dry-air density: ISO 2533 sea level and windpowerlib's ideal gas", "[wind]") {
  const nlohmann::json& isa = reference()["iso_2533_sea_level"];
  const double rho = zeropark::dry_air_density_kg_m3(isa["pressure_pa"].get<double>(),
                                                     isa["temperature_c"].get<double>());
  // 101325 / (287.05 * 288.15) = 1.225012; ISO gives 1.225 to four digits.
  CHECK(rho == Approx(isa["density_kg_m3"].get<double>()).epsilon(2e-5));
  const nlohmann::json& wpl = reference()["windpowerlib_ideal_gas"];
  const double their_r = wpl["gas_constant_j_per_kg_k"];
  for (const auto& c : wpl["cases"]) {
    const double ours = zeropark::dry_air_density_kg_m3(
        c["pressure_pa"].get<double>(), c["temperature_k"].get<double>() - zeropark::kZeroCelsiusK);
    const double expected = c["expected_kg_m3"];
    INFO("windpowerlib ideal gas " << c.dump());
    // windpowerlib uses R = 287.058 where IEC uses 287.05: 2.8e-5 apart.
    CHECK(ours == Approx(expected * their_r / zeropark::kDryAirGasConstantJPerKgK).epsilon(1e-8));
    CHECK(ours == Approx(expected).epsilon(5e-5));
  }
}

TEST_CASE("IEC 61400-12-1 density normalisation of the wind speed", "[wind]") {
  // v_eq = v (rho / 1.225)^(1/3): at the reference density nothing changes; at 1.331 times it
  // (1.1^3) the wind counts 10 % more.
  CHECK(zeropark::density_normalised_wind_speed_m_s(8.0, 1.225) == 8.0);
  CHECK(zeropark::density_normalised_wind_speed_m_s(10.0, 1.225 * 1.331) ==
        Approx(11.0).epsilon(1e-14));
  // windpowerlib: 5.5 m/s at 1.3 kg/m3 on the 300/400/500 kW curve gives 461.0029 kW.
  const nlohmann::json& wpl = reference()["windpowerlib_power_curve_density_correction"];
  const PowerCurve small{doubles(wpl["curve_wind_speed_m_s"]), doubles(wpl["curve_power"])};
  const double rho = wpl["air_density_kg_m3"];
  const std::vector<double> speeds = doubles(wpl["wind_speed_m_s"]);
  const std::vector<double> expected = doubles(wpl["expected_power_with_correction"]);
  for (std::size_t i = 0; i < speeds.size(); ++i) {
    const double v_eq = zeropark::density_normalised_wind_speed_m_s(speeds[i], rho);
    CHECK(zeropark::power_curve_kw(small, v_eq) == Approx(expected[i]).epsilon(1e-9).margin(1e-9));
  }
  // An unknown density leaves the curve as published.
  CHECK(zeropark::density_normalised_wind_speed_m_s(8.0, std::nan("")) == 8.0);
  CHECK(zeropark::density_normalised_wind_speed_m_s(8.0, 0.0) == 8.0);
  CHECK(zeropark::density_normalised_wind_speed_m_s(8.0, -1.2) == 8.0);
}

TEST_CASE("Turbine power from the 10 m wind, pressure and temperature", "[wind]") {
  WindTurbineParams params;  // 80 m hub, 10 m anemometer, alpha = 1/7, density correction on
  params.curve = ssc_curve();
  CHECK(params.hub_height_m == 80.0);
  CHECK(params.reference_height_m == 10.0);
  CHECK(params.shear_exponent == 1.0 / 7.0);
  CHECK(params.density_correction);

  // By hand: 6 m/s at 10 m is 6 * 8^(1/7) = 8.075401 m/s at the hub; at 101325 Pa and 15 C
  // rho = 1.225012, v_eq = 8.075428; between 8.0 (656.49) and 8.25 (724.94): 677.1422 kW.
  CHECK(zeropark::wind_turbine_power_kw(params, 6.0, 101325.0, 15.0) ==
        Approx(677.1422162).epsilon(1e-9));
  // Cold dense air: 102000 Pa, -10 C, rho = 1.350328, v_eq = 8.341903: 751.9045 kW (+11 %).
  CHECK(zeropark::wind_turbine_power_kw(params, 6.0, 102000.0, -10.0) ==
        Approx(751.9044677).epsilon(1e-9));
  // Without the correction (or without a pressure) the curve is read at 8.075401: 677.1348 kW.
  WindTurbineParams uncorrected = params;
  uncorrected.density_correction = false;
  CHECK(zeropark::wind_turbine_power_kw(uncorrected, 6.0, 102000.0, -10.0) ==
        Approx(677.1348365).epsilon(1e-9));
  CHECK(zeropark::wind_turbine_power_kw(params, 6.0, std::nan(""), 15.0) ==
        Approx(677.1348365).epsilon(1e-9));
  // Hot thin air makes less power than the standard atmosphere.
  CHECK(zeropark::wind_turbine_power_kw(params, 6.0, 95000.0, 35.0) < 677.0);

  // A storm: 20 m/s at 10 m is 26.9 m/s at the hub, past cut-out.
  CHECK(zeropark::wind_turbine_power_kw(params, 20.0, 101325.0, 15.0) == 0.0);
  // Rated between: 12 m/s at 10 m is 16.2 m/s at the hub.
  CHECK(zeropark::wind_turbine_power_kw(params, 12.0, 101325.0, 15.0) == 1500.0);
  CHECK(zeropark::wind_turbine_power_kw(params, 0.0, 101325.0, 15.0) == 0.0);

  // Never negative, never above rated, never NaN, over the whole range of weather.
  for (double wind = -1.0; wind <= 40.0; wind += 0.1)
    for (double temp_c = -30.0; temp_c <= 45.0; temp_c += 15.0) {
      const double kw = zeropark::wind_turbine_power_kw(params, wind, 90000.0, temp_c);
      INFO(wind << " m/s, " << temp_c << " C");
      CHECK(kw >= 0.0);
      CHECK(kw <= 1500.0);
    }
}

TEST_CASE("Power-curve CSV: header case, CRLF, byte-order mark and trailing blank lines",
          "[wind]") {
  zeropark::testing::TempDir dir;
  const PowerCurve curve = zeropark::read_power_curve_csv(dir.write(
      "ok.csv", "\xEF\xBB\xBFWind_Speed_m_s , Power_kW\r\n3,0\r\n 4.5 , 100\r\n12,2000\r\n\r\n\n"));
  CHECK(curve.wind_speed_m_s == std::vector<double>{3.0, 4.5, 12.0});
  CHECK(curve.power_kw == std::vector<double>{0.0, 100.0, 2000.0});
  CHECK(zeropark::rated_power_kw(curve) == 2000.0);
}

TEST_CASE("Bad power-curve CSVs name file, line, column and field", "[wind]") {
  zeropark::testing::TempDir dir;
  const auto read = [&](const std::string& name, const std::string& text) {
    return input_error_of([&] { zeropark::read_power_curve_csv(dir.write(name, text)); });
  };
  const std::string header = "wind_speed_m_s,power_kw\n";

  InputError e = input_error_of([&] { zeropark::read_power_curve_csv(dir.path() / "absent.csv"); });
  CHECK_THAT(e.what(), Contains("cannot open"));

  e = read("empty.csv", "");
  CHECK_THAT(e.what(), Contains("empty.csv:1:1") && Contains("empty"));

  e = read("header.csv", "speed,power\n3,0\n4,10\n");
  CHECK(e.where().line == 1);
  CHECK_THAT(e.what(), Contains("wind_speed_m_s,power_kw") && Contains("'speed,power'"));

  e = read("indented.csv", header + "3,0\n  4,abc\n");
  CHECK(e.where().column == 5);  // counted in the file's line, leading blanks included

  e = read("text.csv", header + "3,0\n4,abc\n");
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 3);
  CHECK(e.field() == "power_kw");
  CHECK_THAT(e.what(), Contains("text.csv:3:3: field 'power_kw'") && Contains("'abc'"));

  e = read("decreasing.csv", header + "3,0\n5,10\n4.5,20\n");
  CHECK(e.where().line == 4);
  CHECK(e.where().column == 1);
  CHECK(e.field() == "wind_speed_m_s");
  CHECK_THAT(e.what(), Contains("increase strictly") && Contains("4.5 after 5"));

  e = read("repeated.csv", header + "3,0\n3,10\n");
  CHECK(e.where().line == 3);
  CHECK_THAT(e.what(), Contains("increase strictly"));

  e = read("negative_speed.csv", header + "-1,0\n3,10\n");
  CHECK(e.where().line == 2);
  CHECK(e.field() == "wind_speed_m_s");
  CHECK_THAT(e.what(), Contains(">= 0"));

  e = read("negative_power.csv", header + "3,0\n4,  -5\n");
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 5);
  CHECK(e.field() == "power_kw");
  CHECK_THAT(e.what(), Contains(">= 0 (got -5)"));

  e = read("nan.csv", header + "nan,0\n4,10\n");
  CHECK(e.field() == "wind_speed_m_s");
  CHECK_THAT(e.what(), Contains("finite"));

  e = read("inf.csv", header + "3,0\n4,inf\n");
  CHECK(e.field() == "power_kw");
  CHECK_THAT(e.what(), Contains("finite"));

  e = read("columns.csv", header + "3,0\n4,10,7\n");
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 6);
  CHECK_THAT(e.what(), Contains("expected 2 values") && Contains("found 3"));

  e = read("missing.csv", header + "3,0\n4\n");
  CHECK(e.where().line == 3);
  CHECK_THAT(e.what(), Contains("found 1"));

  e = read("gap.csv", header + "3,0\n\n4,10\n");
  CHECK(e.where().line == 3);
  CHECK_THAT(e.what(), Contains("empty row"));

  e = read("one.csv", header + "3,10\n");
  CHECK_THAT(e.what(), Contains("at least 2 points") && Contains("found 1"));

  e = read("dead.csv", header + "3,0\n4,0\n");
  CHECK(e.field() == "power_kw");
  CHECK_THAT(e.what(), Contains("dead.csv") && Contains("no point"));
}

TEST_CASE("check_power_curve reports the point and the caller's location", "[wind]") {
  const zeropark::InputLocation where{"park.yaml", 12, 7};
  const std::string field = "wind_turbines[0].power_curve";
  const auto check = [&](const PowerCurve& curve) {
    return input_error_of([&] { zeropark::check_power_curve(curve, where, field); });
  };
  CHECK_NOTHROW(zeropark::check_power_curve(ssc_curve(), where, field));

  InputError e = check({{3.0, 4.0, 5.0}, {0.0, 10.0}});
  CHECK(e.where().file == "park.yaml");
  CHECK(e.where().line == 12);
  CHECK(e.where().column == 7);
  CHECK(e.field() == field);
  CHECK_THAT(e.what(), Contains("park.yaml:12:7") && Contains("3 wind speeds but 2 powers"));

  e = check({{3.0}, {10.0}});
  CHECK_THAT(e.what(), Contains("at least 2 points"));
  e = check({{3.0, 4.0, 4.0}, {0.0, 10.0, 20.0}});
  CHECK_THAT(e.what(), Contains("point 2: wind speeds must increase strictly"));
  e = check({{3.0, 4.0}, {0.0, -1.0}});
  CHECK_THAT(e.what(), Contains("point 1: power must be >= 0"));
  e = check({{3.0, std::numeric_limits<double>::infinity()}, {0.0, 1.0}});
  CHECK_THAT(e.what(), Contains("point 1: wind speed must be a finite number"));
  e = check({{3.0, 4.0}, {0.0, 0.0}});
  CHECK_THAT(e.what(), Contains("no point"));
}
