"""zeropark_analysis.carbon: the equivalence factors file, the equivalences, and the ledger from
the trace's carbon_ledger group or, without one, from its KPIs."""

import os
import tempfile
import unittest

from fixtures import fixture_traces, small_park
from zeropark_analysis.carbon import (EquivalenceError, account_kpis, carbon_ledger, equivalences, ledger_net,
                                      load_equivalences)
from zeropark_analysis.trace import load_trace


class Equivalences(unittest.TestCase):
    def test_every_factor_has_a_value_a_source_and_a_status(self):
        factors = load_equivalences()
        self.assertGreaterEqual(len(factors), 5)
        for key, f in factors.items():
            self.assertGreater(f["value"], 0, key)
            self.assertTrue(f["source"].strip(), key)
            self.assertIn(f["status"], ("PUBLISHED", "INDICATIVE"), key)

    def test_equivalences_scale_with_the_factors(self):
        factors = load_equivalences()
        rows = {r[0]: r for r in equivalences(21770.0, 1000.0, factors)}
        trees = rows["CO2 as trees' yearly uptake"]
        self.assertAlmostEqual(trees[1], 21770.0 / factors["tree_uptake_kg_co2_per_year"]["value"])
        coal = rows["Electricity as standard coal (calorific)"]
        self.assertAlmostEqual(coal[1], 1000.0 * factors["electricity_coal_equivalent_kgce_per_kwh"]["value"] / 1000)
        indicative = [r for r in rows.values() if r[4] == "INDICATIVE"]
        expected = [k for k, f in factors.items() if f["status"] == "INDICATIVE"]
        self.assertEqual(len(indicative) > 0, len(expected) > 0)

    def test_a_bad_file_names_its_line(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "eq.csv")
            with open(path, "w") as f:
                f.write("key,value,unit,description,source,status\ntrees,many,1,x,y,PUBLISHED\n")
            with self.assertRaises(EquivalenceError) as caught:
                load_equivalences(path)
            self.assertIn(f"{path}:2", str(caught.exception))


class Ledger(unittest.TestCase):
    def test_from_kpis(self):
        for name, path in fixture_traces().items():
            with self.subTest(trace=name):
                trace = load_trace(path)
                if trace.carbon_ledger is not None:
                    continue  # the kernel's own ledger: tested below on a hand-made one
                ledger = carbon_ledger(trace)
                self.assertAlmostEqual(ledger_net(ledger), trace.kpis["net_co2_kg"],
                                       delta=1e-9 * abs(trace.kpis["net_co2_kg"]))
                self.assertEqual(ledger["kind"].iloc[0], "emission")

    def test_from_the_traces_own_ledger(self):
        ledger_in = {"line": ["grid electricity", "lawn", "paper recycling", "certificates"],
                     "kind": ["emission", "sink", "recycling", "offset"], "area": ["", "north", "", ""],
                     "co2_kg": [1000.0, -50.0, -20.0, -100.0]}
        with tempfile.TemporaryDirectory() as d:
            trace = load_trace(small_park(os.path.join(d, "park.h5"), ledger=ledger_in,
                                          kpis={"account_co2_kg.office": 10.0, "account_credit_kg_co2.office": 2.0}))
        ledger = carbon_ledger(trace)
        self.assertEqual(list(ledger["line"]), ledger_in["line"])
        self.assertEqual(list(ledger["area"]), ledger_in["area"])
        self.assertAlmostEqual(ledger_net(ledger), 830.0)
        self.assertEqual(account_kpis(trace.kpis), {"office": {"co2_kg": 10.0, "credit_kg_co2": 2.0}})

    def test_the_traces_ledger_nets_to_its_kpi(self):
        for name, path in fixture_traces().items():
            trace = load_trace(path)
            if trace.carbon_ledger is None or "ledger_net_co2_kg" not in trace.kpis:
                continue
            with self.subTest(trace=name):
                net = trace.kpis["ledger_net_co2_kg"]
                self.assertLessEqual(abs(ledger_net(carbon_ledger(trace)) - net), 1e-9 * max(abs(net), 1.0))
                grid = carbon_ledger(trace).iloc[0]
                self.assertEqual((grid["kind"], grid["co2_kg"]), ("emission", trace.kpis["co2_kg"]))


if __name__ == "__main__":
    unittest.main()
