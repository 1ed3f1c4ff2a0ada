// Forecasts for mpc: the truth is what the plant sees, the noise is seeded, normal and sized as set.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <numeric>

#include "controllers/forecast.h"
#include "controllers/park_runs.h"

using namespace zeropark;
using namespace zeropark::testing;

namespace {

// Mean demand (loads + data centres) and generation per decision step, from every segment of a run.
class StepMeans final : public TraceSink {
 public:
  void on_event(const ParkModel& m, const ParkState& s, Tick duration_s) override {
    const Tick step = s.tick / m.decision_interval_s;
    const auto sum = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    const double w = static_cast<double>(duration_s) / static_cast<double>(m.decision_interval_s);
    demand_kw[step] += w * (sum(s.powers.load_demand_kw) + sum(s.powers.data_centre_demand_kw));
    generation_kw[step] += w * sum(s.powers.pv_available_kw);
    price[step] += w * s.powers.price_cny_per_kwh;
  }
  std::map<Tick, double> demand_kw, generation_kw, price;
};

}  // namespace

TEST_CASE("forecast_noise is a seeded standard normal", "[forecast]") {
  CHECK(forecast_noise(7, 3600, 3, ForecastChannel::kDemand) == forecast_noise(7, 3600, 3, ForecastChannel::kDemand));
  CHECK(forecast_noise(7, 3600, 3, ForecastChannel::kDemand) != forecast_noise(8, 3600, 3, ForecastChannel::kDemand));
  CHECK(forecast_noise(7, 3600, 3, ForecastChannel::kDemand) != forecast_noise(7, 7200, 3, ForecastChannel::kDemand));
  CHECK(forecast_noise(7, 3600, 3, ForecastChannel::kDemand) != forecast_noise(7, 3600, 4, ForecastChannel::kDemand));
  CHECK(forecast_noise(7, 3600, 3, ForecastChannel::kDemand) !=
        forecast_noise(7, 3600, 3, ForecastChannel::kGeneration));
  // 200,000 draws over consecutive counters: mean 0, variance 1, 68.27 % within one sigma and
  // 95.45 % within two (standard errors 0.0022, 0.0032, 0.0010 and 0.0005).
  const int n = 200000;
  double sum = 0, sum_sq = 0;
  int within_1 = 0, within_2 = 0;
  for (int i = 0; i < n; ++i) {
    const double z = forecast_noise(20230101, i / 24 * 3600, i % 24, ForecastChannel::kDemand);
    sum += z;
    sum_sq += z * z;
    within_1 += std::abs(z) < 1;
    within_2 += std::abs(z) < 2;
  }
  const double mean = sum / n;
  CHECK(std::abs(mean) < 0.01);
  CHECK(std::abs(sum_sq / n - mean * mean - 1) < 0.015);
  CHECK(std::abs(within_1 / double(n) - 0.6827) < 0.005);
  CHECK(std::abs(within_2 / double(n) - 0.9545) < 0.003);
}

TEST_CASE("a perfect forecast is what the plant sees, step by step", "[forecast]") {
  // 15-minute inputs and hourly decisions: each forecast step averages four input steps.
  const ParkModel model = park(shanghai_tariff() + pv_roof_300kwp(),
                               "  start: 2023-06-05T00:00\n  end: 2023-06-08T00:00\n"
                               "  resolution_s: 900\n  decision_interval_s: 3600\n");
  StepMeans truth;
  run(model, &truth);
  ForecastSource source(model);
  const std::vector<ForecastStep> steps = source.forecast(0, 72, 0.0);
  REQUIRE(steps.size() == 72);
  double generation_kwh = 0;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const Tick step = static_cast<Tick>(k);
    CHECK(steps[k].start_tick == step * 3600);
    CHECK(steps[k].demand_kw == Approx(truth.demand_kw[step]).epsilon(1e-12));
    CHECK(steps[k].generation_kw == Approx(truth.generation_kw[step]).epsilon(1e-12).margin(1e-9));
    CHECK(steps[k].price_cny_per_kwh == Approx(truth.price[step]).epsilon(1e-12));
    generation_kwh += steps[k].generation_kw;
  }
  CHECK(generation_kwh > 300);  // three June days of 300 kWp: the test sees real sunshine
  // The inputs at a tick are the plant's own at that tick.
  const ForecastStep morning = source.at(9 * 3600 + 900);
  CHECK(morning.demand_kw == Approx(100));
  CHECK(morning.price_cny_per_kwh == Approx(1.05));  // June is spring_autumn: peak from 08:00 to 11:00
  CHECK(morning.generation_kw > 0);
}

TEST_CASE("noisy forecasts are reproducible, seeded, and as large as set", "[forecast]") {
  const std::string extra = shanghai_tariff() + pv_roof_300kwp();
  const std::string sim = "  start: 2023-03-01T00:00\n  end: 2023-05-01T00:00\n";
  const ParkModel model = park(extra, sim + "  seed: 11\n");
  const ParkModel same = park(extra, sim + "  seed: 11\n");
  const ParkModel other = park(extra, sim + "  seed: 12\n");
  ForecastSource a(model), b(same), c(other);
  const std::vector<ForecastStep> fa = a.forecast(36000, 48, 0.2), fb = b.forecast(36000, 48, 0.2),
                                  fc = c.forecast(36000, 48, 0.2), perfect = a.forecast(36000, 48, 0);
  REQUIRE(fa.size() == 48);
  int differ = 0;
  for (std::size_t k = 0; k < fa.size(); ++k) {
    CHECK(fa[k].demand_kw == fb[k].demand_kw);
    CHECK(fa[k].generation_kw == fb[k].generation_kw);
    differ += fa[k].demand_kw != fc[k].demand_kw;
    CHECK(fa[k].price_cny_per_kwh == perfect[k].price_cny_per_kwh);  // the tariff is known
  }
  CHECK(differ == 47);  // every step but the first, which is measured
  CHECK(fa[0].demand_kw == perfect[0].demand_kw);
  CHECK(fa[0].generation_kw == perfect[0].generation_kw);

  // The relative error of the 100 kW load: σ = 0.2 a day ahead and 0.2·√(6/24) = 0.1 six hours
  // ahead, measured over the 1,400 issue hours of the two months (standard error ≈ 2 %).
  double sq24 = 0, sq6 = 0;
  int n = 0;
  for (Tick issue = 0; issue + 25 * 3600 < model.end_tick; issue += 3600, ++n) {
    const std::vector<ForecastStep> f = a.forecast(issue, 25, 0.2);
    sq24 += std::pow(f[24].demand_kw / 100.0 - 1.0, 2);
    sq6 += std::pow(f[6].demand_kw / 100.0 - 1.0, 2);
  }
  CHECK(std::sqrt(sq24 / n) == Approx(0.2).epsilon(0.06));
  CHECK(std::sqrt(sq6 / n) == Approx(0.1).epsilon(0.06));
}

TEST_CASE("forecasts stop at the run's end", "[forecast]") {
  const ParkModel model = park(shanghai_tariff(), "  start: 2023-01-02T00:00\n  end: 2023-01-02T10:30\n");
  ForecastSource source(model);
  const std::vector<ForecastStep> f = source.forecast(6 * 3600, 24, 0.1);
  REQUIRE(f.size() == 5);
  CHECK(f.back().start_tick == 10 * 3600);
  CHECK(f.back().duration_s == 1800);
  CHECK(f[2].price_cny_per_kwh == Approx(1.05));  // 08:00, winter peak
  CHECK_THROWS_AS(source.actual(model.end_tick, 3600), std::out_of_range);
}
