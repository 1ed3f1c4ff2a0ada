"""zeropark_analysis.kpis: the shared KPI set recomputed from rows equals the run's own table, and
a hand-worked park gives the hand-worked figures."""

import os
import tempfile
import unittest

from fixtures import fixture_traces, small_park
from zeropark_analysis.kpis import KPI_KEYS, compare_with_recorded, compute_kpis, monthly_max_demand_kw
from zeropark_analysis.trace import load_trace


class AgainstTheRunsOwnKpis(unittest.TestCase):
    def test_every_shared_kpi_equals_the_recorded_one(self):
        for name, path in fixture_traces().items():
            with self.subTest(trace=name):
                rows = compare_with_recorded(load_trace(path))
                self.assertEqual([r[0] for r in rows], list(KPI_KEYS), "every shared KPI was recorded")
                for key, computed, recorded, difference in rows:
                    self.assertLessEqual(difference, 1e-9, f"{key}: {computed} recomputed, {recorded} recorded")


class HandWorked(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        path = small_park(os.path.join(self.dir.name, "park.h5"),
                          tariff={"capacity_charge_cny_per_kva_month": 5.0, "contracted_capacity_kva": 100.0})
        self.trace = load_trace(path)
        self.k = compute_kpis(self.trace)

    def tearDown(self):
        self.dir.cleanup()

    def test_energies(self):
        # Rows of 0.875, 0.625 and 0.5 h.
        self.assertAlmostEqual(self.k["grid_import_kwh"], 42 * 0.875 + 102 * 0.625 + 40 * 0.5)
        self.assertAlmostEqual(self.k["load_served_kwh"], 40 * 0.875 + 120 * 0.625 + 80 * 0.5)
        self.assertAlmostEqual(self.k["load_demand_kwh"], 40 * 0.875 + 120 * 0.625 + 85 * 0.5)
        self.assertAlmostEqual(self.k["onsite_generation_kwh"], 20 * 0.625 + 40 * 0.5)

    def test_cost_and_co2_use_the_price_and_factor_in_force(self):
        self.assertAlmostEqual(self.k["energy_cost_cny"], 36.75 * 0.5 + 63.75 * 1.0 + 20 * 0.3)
        self.assertAlmostEqual(self.k["co2_kg"], 36.75 * 0.6 + 63.75 * 0.5 + 20 * 0.4)

    def test_demand_windows_align_to_the_clock_and_split_by_month(self):
        # January's last window (23:45-00:00) holds 7.5 min at 42 kW and 7.5 min at 102 kW.
        by_month = monthly_max_demand_kw(self.trace)
        self.assertEqual([str(m) for m in by_month], ["2023-01", "2023-02"])
        self.assertAlmostEqual(by_month[min(by_month)], 72.0)
        self.assertAlmostEqual(by_month[max(by_month)], 102.0)
        self.assertAlmostEqual(self.k["max_demand_kw"], 102.0)
        self.assertAlmostEqual(self.k["demand_charge_cny"], 40.0 * (72 + 102))
        self.assertAlmostEqual(self.k["capacity_charge_cny"], 2 * 100 * 5.0)
        self.assertAlmostEqual(self.k["net_cost_cny"],
                               self.k["energy_cost_cny"] + 40.0 * 174 + 1000 - self.k["export_revenue_cny"])


if __name__ == "__main__":
    unittest.main()
