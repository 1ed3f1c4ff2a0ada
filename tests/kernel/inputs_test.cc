// The input sampler wires the weather into each component exactly as the component models say:
// checked hour by hour against the models called directly on the EPW records.
#include <catch2/catch.hpp>

#include <cmath>

#include "components/data_centre.h"
#include "components/wind_turbine.h"
#include "kernel/inputs.h"
#include "support/scenarios.h"
#include "weather/epw.h"
#include "zeropark/model.h"
#include "zeropark/spec.h"
#include "zeropark/state.h"

using namespace zeropark;
using zeropark::testing::minimal_scenario;

namespace {

ParkModel park_with(const std::string& extra) {
  return compile_park(read_scenario_text(minimal_scenario(extra), "inputs.yaml"));
}

// Sums a per-hour quantity of the sampler over the typical year (hourly resolution).
template <class Read>
double sum_over_year(const ParkModel& model, Read read) {
  InputSampler sampler(model);
  ParkState state = initial_state(model);
  double total = 0;
  for (Tick h = 0; h < 8760; ++h) {
    sampler.refresh(h * 3600, state.powers);
    total += read(state.powers, static_cast<int>(h));
  }
  return total;
}

}  // namespace

TEST_CASE("wind turbines deliver the power curve at hub height for every hour of the EPW", "[inputs][wind]") {
  const ParkModel model = park_with(
      "wind_turbines:\n"
      "  - name: turbines\n"
      "    bus: main\n"
      "    power_curve: " +
      std::string(ZEROPARK_ASSETS_DIR) +
      "/wind/ssc_test_powercurve_1500kW_77m.csv\n"
      "    count: 2\n"
      "    hub_height_m: 80\n"
      "    shear_exponent: 0.14\n"
      "    availability: 0.95\n");
  const WeatherYear weather = read_epw(zeropark::testing::shanghai_epw());
  WindTurbineParams params;
  params.curve = read_power_curve_csv(std::string(ZEROPARK_ASSETS_DIR) + "/wind/ssc_test_powercurve_1500kW_77m.csv");
  params.hub_height_m = 80;
  params.shear_exponent = 0.14;
  double worst = 0, energy_kwh = 0;
  sum_over_year(model, [&](const OperatingPoint& op, int h) {
    // At hourly resolution a step's weather is its EPW record.
    const WeatherHour& w = weather.hours[h];
    const double expected = 2 * 0.95 * wind_turbine_power_kw(params, w.wind_speed_m_s, w.pressure_pa, w.dry_bulb_c);
    worst = std::max(worst, std::abs(op.wind_available_kw[0] - expected));
    energy_kwh += op.wind_available_kw[0];
    return 0.0;
  });
  CHECK(worst < 1e-9);
  // Two 1.5 MW turbines at Baoshan's light coastal wind (EPW mean 3 m/s at 10 m): a low but real
  // capacity factor.
  const double capacity_factor = energy_kwh / (2 * 1500 * 8760 * 0.95);
  INFO("capacity factor " << capacity_factor);
  CHECK(capacity_factor > 0.02);
  CHECK(capacity_factor < 0.35);
}

TEST_CASE("a data centre draws its IT power times the cooling plant's PUE at each hour's weather",
          "[inputs][data_centre]") {
  const ParkModel model = park_with(
      "data_centres:\n"
      "  - name: dc\n"
      "    bus: main\n"
      "    it_capacity_kw: 1000\n"
      "    it_utilisation: 0.5\n");
  const WeatherYear weather = read_epw(zeropark::testing::shanghai_epw());
  const DataCentreParams plant;  // the scenario's defaults are the model's
  double worst = 0, facility_kwh = 0, it_kwh = 0;
  sum_over_year(model, [&](const OperatingPoint& op, int h) {
    const WeatherHour& w = weather.hours[h];
    const DataCentrePower expected =
        data_centre_power(plant, 500, w.dry_bulb_c, w.relative_humidity_pct, w.pressure_pa);
    worst = std::max(worst, std::abs(op.data_centre_demand_kw[0] - expected.facility_kw));
    facility_kwh += op.data_centre_demand_kw[0];
    it_kwh += op.data_centre_it_kw[0];
    return 0.0;
  });
  CHECK(worst < 1e-9);
  CHECK(it_kwh == Approx(500 * 8760));
  // Jiading's plan caps new data centres at PUE 1.3; the default plant meets it in Shanghai.
  const double pue = facility_kwh / it_kwh;
  INFO("annual PUE " << pue);
  CHECK(pue > 1.2);
  CHECK(pue < 1.3);
}

TEST_CASE("trackers gather more than fixed arrays, dual-axis most", "[inputs][tracking]") {
  const auto array = [](const std::string& name, const std::string& mount) {
    return "  - name: " + name + "\n    bus: main\n    dc_capacity_kw: 100\n    mounting: open_rack\n" + mount;
  };
  const ParkModel model =
      park_with("pv:\n" + array("fixed", "    tilt_deg: 25\n") + array("single", "    tracking: single_axis\n") +
                array("dual", "    tracking: dual_axis\n") +
                array("bifacial", "    tracking: single_axis\n    bifaciality: 0.7\n"));
  double kwh[4] = {0, 0, 0, 0};
  sum_over_year(model, [&](const OperatingPoint& op, int) {
    for (int i = 0; i < 4; ++i) kwh[i] += op.pv_available_kw[i];
    return 0.0;
  });
  INFO("fixed " << kwh[0] << " kWh, single-axis " << kwh[1] << ", dual-axis " << kwh[2] << ", bifacial single-axis "
                << kwh[3]);
  // Plane-of-array gains in Shanghai's typical year are +12.8 % (single axis, backtracking) and
  // +25.2 % (dual axis) over a fixed 25° south plane; AC energy follows them, less clipping.
  CHECK(kwh[1] / kwh[0] > 1.08);
  CHECK(kwh[2] / kwh[1] > 1.05);
  CHECK(kwh[2] / kwh[0] < 1.30);
  // A bifacial tracker gains a few per cent from its rear (about 6 % of the front's light).
  CHECK(kwh[3] / kwh[1] > 1.02);
  CHECK(kwh[3] / kwh[1] < 1.10);
}

TEST_CASE("PV/thermal collectors give electricity and heat by day, at night only heat from warm air", "[inputs][pvt]") {
  const ParkModel model = park_with(
      "heat_buses:\n"
      "  - name: loop\n"
      "    supply_temperature_c: 35\n"
      "heat_pumps:\n"
      "  - name: hp\n"
      "    bus: main\n"
      "    heat_bus: loop\n"
      "    rated_kw: 10\n"
      "pvt:\n"
      "  - name: collectors\n"
      "    bus: main\n"
      "    heat_bus: loop\n"
      "    area_m2: 164\n");
  double night_electric_kwh = 0, night_heat_kwh = 0, heat_kwh = 0, electric_kwh = 0;
  sum_over_year(model, [&](const OperatingPoint& op, int h) {
    const int hour = h % 24;
    if (hour < 4 || hour > 21) {
      night_electric_kwh += op.pvt_available_kw[0];
      night_heat_kwh += op.pvt_thermal_kw[0];
    }
    heat_kwh += op.pvt_thermal_kw[0];
    electric_kwh += op.pvt_available_kw[0];
    return 0.0;
  });
  INFO("heat " << heat_kwh << " kWh, electricity " << electric_kwh << " kWh from 100 collectors (30 kWp)");
  CHECK(night_electric_kwh == 0);
  // An uncovered collector also takes heat from air warmer than its fluid (30 °C here): a few
  // summer nights in Shanghai.
  CHECK(night_heat_kwh < 0.01 * heat_kwh);
  // 30 kWp of modules yield about 1,000 kWh/kWp a year in Shanghai; an uncovered collector at a
  // 30 °C mean fluid gives a few hundred kWh of heat per m².
  CHECK(electric_kwh > 25000);
  CHECK(electric_kwh < 40000);
  CHECK(heat_kwh > 164 * 100);
  CHECK(heat_kwh < 164 * 800);
}
