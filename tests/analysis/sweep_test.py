"""zeropark_analysis.sweep and sweep_report: the CSV and HDF5 loaders on files written here in the
documented layouts, the Pareto front against a hand-worked example and a brute-force check, the
Spearman table, and the sweep report."""

import os
import random
import tempfile
import unittest

import h5py
import numpy as np
import pandas as pd

from fixtures import TempDirTest
from zeropark_analysis.sweep import SweepError, load_results, pareto_front, spearman
from zeropark_analysis.sweep_report import write_sweep_report

CSV = """index,batteries[0].capacity_kwh,simulation.controller,status,error,wall_s,net_cost_cny,co2_kg
0,500,self_consumption,ok,,1.5,100,50
1,500,tou_arbitrage,ok,,1.4,90,60
2,1000,self_consumption,ok,,1.6,95,40
3,1000,tou_arbitrage,failed,"field 'x': bad, really",0.1,,
4,2000,self_consumption,ok,,1.7,120,30
5,2000,tou_arbitrage,ok,,1.8,130,35
"""


def write_h5(path, with_front=True):
    strings = h5py.string_dtype("utf-8")
    with h5py.File(path, "w") as f:
        f.attrs["sweep_file"] = "grid.yaml"
        f.attrs["scenario"] = "park.yaml"
        f.attrs["sampling"] = "grid"
        f.attrs["seed"] = np.int64(7)
        f.attrs["variants"] = np.int64(4)
        f["index"] = np.arange(4, dtype=np.int64)
        f.create_dataset("status", data=["ok", "ok", "failed", "ok"], dtype=strings)
        f.create_dataset("error", data=["", "", "exit code 3", ""], dtype=strings)
        f["wall_s"] = [1.0, 2.0, 0.5, 1.5]
        f["parameters/batteries[0].capacity_kwh"] = [500.0, 1000.0, 1500.0, 2000.0]
        f.create_dataset("parameters/simulation.controller", data=["a", "b", "a", "b"], dtype=strings)
        f["kpis/net_cost_cny"] = [100.0, 90.0, np.nan, 80.0]
        f["kpis/co2_kg"] = [50.0, 60.0, np.nan, 55.0]
        if with_front:
            f["pareto_front"] = np.array([1, 0, 0, 1], dtype=np.int8)
            f["pareto_front"].attrs["objectives"] = "net_cost_cny,co2_kg"


class Loaders(TempDirTest):

    def test_csv(self):
        with open(self.path("r.csv"), "w") as f:
            f.write(CSV)
        r = load_results(self.path("r.csv"))
        self.assertEqual(r.parameters, ["batteries[0].capacity_kwh", "simulation.controller"])
        self.assertEqual(r.kpis, ["net_cost_cny", "co2_kg"])
        self.assertEqual(len(r.frame), 6)
        self.assertEqual(len(r.ok), 5)
        self.assertEqual(r.frame.loc[3, "error"], "field 'x': bad, really")
        self.assertTrue(np.isnan(r.frame.loc[3, "co2_kg"]))
        self.assertEqual(r.numeric_parameters(), ["batteries[0].capacity_kwh"])

    def test_csv_with_the_sweeps_own_front(self):
        with open(self.path("r.csv"), "w") as f:
            f.write("index,p,status,error,wall_s,a,pareto_front\n0,1,ok,,1,2,1\n")
        r = load_results(self.path("r.csv"))
        self.assertEqual(r.kpis, ["a"])
        self.assertEqual(int(r.frame.loc[0, "pareto_front"]), 1)

    def test_hdf5(self):
        write_h5(self.path("r.h5"))
        r = load_results(self.path("r.h5"))
        # HDF5 lists a group's members by name (the writer does not track creation order).
        self.assertEqual(list(r.frame.columns), ["index", "batteries[0].capacity_kwh", "simulation.controller",
                                                 "status", "error", "wall_s", "co2_kg", "net_cost_cny",
                                                 "pareto_front"])
        self.assertEqual(r.frame["simulation.controller"].tolist(), ["a", "b", "a", "b"])
        self.assertEqual(r.frame["status"].tolist(), ["ok", "ok", "failed", "ok"])
        self.assertEqual(r.attrs["seed"], 7)
        self.assertEqual(r.objectives, ("net_cost_cny", "co2_kg"))
        # The sweep's own front agrees with ours.
        self.assertEqual(pareto_front(r.frame, "net_cost_cny", "co2_kg").astype(int).tolist(),
                         r.frame["pareto_front"].tolist())

    def test_bad_files(self):
        with self.assertRaisesRegex(SweepError, "no such file"):
            load_results(self.path("none.csv"))
        with open(self.path("bad.csv"), "w") as f:
            f.write("a,b\n1,2\n")
        with self.assertRaisesRegex(SweepError, r"bad\.csv: not a sweep results CSV \(no column index"):
            load_results(self.path("bad.csv"))
        with h5py.File(self.path("bad.h5"), "w") as f:
            f["index"] = [0]
        with self.assertRaisesRegex(SweepError, r"bad\.h5: not a sweep results file \(no dataset 'status'\)"):
            load_results(self.path("bad.h5"))


def brute_force_front(xs, ys):
    n = len(xs)
    out = []
    for i in range(n):
        if np.isnan(xs[i]) or np.isnan(ys[i]):
            out.append(False)
            continue
        dominated = any(not (np.isnan(xs[j]) or np.isnan(ys[j])) and xs[j] <= xs[i] and ys[j] <= ys[i] and
                        (xs[j] < xs[i] or ys[j] < ys[i]) for j in range(n))
        out.append(not dominated)
    return out


class Pareto(unittest.TestCase):
    def test_hand_worked(self):
        # (1,5) twice: equal, both kept; (2,4) is beaten by (2,3); (4,1) by (3,1); NaN never on the front.
        df = pd.DataFrame({"a": [1, 2, 3, 1, 2, np.nan, 4, 2], "b": [5, 3, 1, 5, 4, 0, 1, 3]})
        self.assertEqual(pareto_front(df, "a", "b").tolist(), [True, True, True, True, False, False, False, True])

    def test_against_brute_force(self):
        rng = random.Random(20231123)
        for trial in range(300):
            n = rng.randint(0, 25)
            xs = np.array([rng.choice([rng.randint(0, 6), float("nan")] if rng.random() < 0.1 else [rng.randint(0, 6)])
                           for _ in range(n)], dtype=float)
            ys = np.array([rng.randint(0, 6) for _ in range(n)], dtype=float)
            df = pd.DataFrame({"x": xs, "y": ys}, index=range(100, 100 + n))
            got = pareto_front(df, "x", "y")
            self.assertEqual(list(got.index), list(df.index))
            self.assertEqual(got.tolist(), brute_force_front(xs, ys), f"trial {trial}: {list(zip(xs, ys))}")


@unittest.skipUnless(os.environ.get("ZEROPARK_ANALYSIS_SWEEP"), "ctest sets ZEROPARK_ANALYSIS_SWEEP (a real sweep)")
class RealSweep(unittest.TestCase):
    """The files a real `zeropark sweep` wrote: the CSV and the HDF5 beside it say the same."""

    def test_csv_and_hdf5_agree_and_render(self):
        csv_path = os.environ["ZEROPARK_ANALYSIS_SWEEP"]
        a = load_results(csv_path)
        b = load_results(os.path.splitext(csv_path)[0] + ".h5")
        self.assertEqual(len(a.frame), 4)
        self.assertEqual(sorted(a.parameters), sorted(b.parameters))
        self.assertEqual(sorted(a.kpis), sorted(b.kpis))
        self.assertEqual(a.frame["status"].tolist(), b.frame["status"].tolist())
        for key in a.kpis:  # the CSV keeps 10 significant digits
            np.testing.assert_allclose(a.frame[key], b.frame[key], rtol=1e-9)
        for key in a.parameters:
            if pd.api.types.is_numeric_dtype(a.frame[key]):
                np.testing.assert_array_equal(a.frame[key].astype(float), b.frame[key])
            else:
                self.assertEqual(a.frame[key].tolist(), b.frame[key].tolist())
        with tempfile.TemporaryDirectory() as d, open(write_sweep_report(b, d), encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(text.count("data:image/png;base64,"), 3)


class Sensitivity(unittest.TestCase):
    def test_spearman(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "r.csv")
            with open(path, "w") as f:
                f.write(CSV)
            r = load_results(path)
            table = spearman(r)
            # Ok variants: capacity 500, 500, 1000, 2000, 2000; CO2 50, 60, 40, 30, 35 → ρ = −0.7379
            # (ranks with ties averaged: p 1.5 1.5 3 4.5 4.5, k 4 5 3 1 2).
            p = np.array([1.5, 1.5, 3, 4.5, 4.5])
            k = np.array([4, 5, 3, 1, 2])
            self.assertAlmostEqual(table.loc["batteries[0].capacity_kwh", "co2_kg"], np.corrcoef(p, k)[0, 1])
            out = write_sweep_report(r, os.path.join(d, "report"))
            with open(out, encoding="utf-8") as f:
                text = f.read()
        for title in ("KPI distributions", "Sensitivity", "Which parameter moves each KPI most", "Pareto front"):
            self.assertIn(title, text)
        self.assertEqual(text.count("data:image/png;base64,"), 3)
        self.assertIn("field &#x27;x&#x27;: bad, really", text)


if __name__ == "__main__":
    unittest.main()
