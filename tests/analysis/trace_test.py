"""zeropark_analysis.trace: loading traces, and clear errors for files that are not usable traces."""

import os
import unittest

import h5py
import numpy as np
import pandas as pd

from fixtures import TempDirTest, fixture_traces, small_park
from zeropark_analysis.trace import TraceError, load_trace


class FixtureTraces(unittest.TestCase):
    def test_every_channel_is_a_column_indexed_by_local_time(self):
        for name, path in fixture_traces().items():
            with self.subTest(trace=name):
                trace = load_trace(path)
                with h5py.File(path) as f:
                    n = f["time/tick_s"].shape[0]
                    start = pd.Timestamp(f.attrs["start_iso"])
                    tick = f["time/tick_s"][:]
                    for component, group in f["components"].items():
                        self.assertEqual(trace.components[component].kind, group.attrs["kind"])
                        for channel in group:
                            np.testing.assert_array_equal(trace.rows[f"{component}.{channel}"].to_numpy(),
                                                          group[channel][:])
                    kpis = {k: f["kpis"][k][()] for k in f["kpis"]}
                self.assertEqual(len(trace.rows), n)
                self.assertEqual(trace.rows.index[0], start)
                self.assertEqual(trace.rows.index[-1], start + pd.Timedelta(seconds=int(tick[-1])))
                self.assertEqual(trace.kpis, kpis)
                self.assertEqual(trace.kpi_units["co2_kg"], "kg")
                self.assertIn("demand_window_s", trace.tariff)
                self.assertIsNotNone(trace.grid)
                self.assertTrue(trace.baseline_kpis, "fixture runs record their baseline")

    def test_rows_are_contiguous(self):
        for name, path in fixture_traces().items():
            with self.subTest(trace=name):
                rows = load_trace(path).rows
                np.testing.assert_array_equal(rows.tick_s.to_numpy()[1:],
                                              (rows.tick_s + rows.duration_s).to_numpy()[:-1])


class BadFiles(TempDirTest):

    def assert_error(self, path, *words):
        with self.assertRaises(TraceError) as caught:
            load_trace(path)
        message = str(caught.exception)
        self.assertIn(path, message)
        for word in words:
            self.assertIn(word, message)

    def test_missing_file(self):
        self.assert_error(self.path("nothing.h5"), "no such file")

    def test_text_file(self):
        with open(self.path("notes.h5"), "w") as f:
            f.write("not a trace\n")
        self.assert_error(self.path("notes.h5"), "not an HDF5 file")

    def test_hdf5_file_that_is_not_a_trace(self):
        with h5py.File(self.path("other.h5"), "w") as f:
            f["x"] = [1.0]
        self.assert_error(self.path("other.h5"), "not a ZeroPark trace")

    def test_incomplete_trace(self):
        small_park(self.path("partial.h5"), complete=0)
        self.assert_error(self.path("partial.h5"), "incomplete", "complete")
        self.assertEqual(len(load_trace(self.path("partial.h5"), allow_incomplete=True).rows), 3)

    def test_hand_made_trace_loads(self):
        trace = load_trace(small_park(self.path("park.h5")))
        self.assertEqual(trace.lines, ["tx"])
        self.assertEqual(trace.components["load_b"].bus, "plant")
        self.assertEqual(str(trace.rows.index[1]), "2023-01-31 23:52:30")


if __name__ == "__main__":
    unittest.main()
