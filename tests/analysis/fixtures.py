"""Shared by the analysis tests: the fixture traces ctest made, and small traces written by hand.

ctest runs `zeropark run` on short scenarios first (FIXTURES_SETUP in analysis_tests.cmake) and
names the traces in ZEROPARK_ANALYSIS_TRACES (os.pathsep-separated); run by hand, set it to traces
of your own. TempDirTest gives a test case a fresh folder.
"""

import os
import tempfile
import unittest

import h5py
import numpy as np

class TempDirTest(unittest.TestCase):
    """A test case with a folder of its own, removed after each test."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)


def fixture_traces():
    """{file name: path} of the traces to test against; raises when there are none."""
    listed = os.environ.get("ZEROPARK_ANALYSIS_TRACES", "")
    paths = [p for p in listed.split(os.pathsep) if p]
    if not paths:
        raise RuntimeError("no traces: set ZEROPARK_ANALYSIS_TRACES to trace files (ctest does)")
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise RuntimeError(f"fixture traces missing: {missing}")
    return {os.path.basename(p): p for p in paths}


def write_trace(path, tick_s, duration_s, components, start_iso="2023-01-31T23:00:00", tariff=None, kpis=None,
                lines=None, complete=1, ledger=None):
    """A minimal trace in the layout of docs/trace.md.
    components: {name: (kind, bus, {channel: values})}; lines: {name: {channel: values}};
    ledger: {"line": [...], "kind": [...], "area": [...], "co2_kg": [...]}."""
    tariff = {"export_price_cny_per_kwh": 0.4, "demand_charge_cny_per_kw_month": 40.0, "demand_window_s": 900.0,
              "capacity_charge_cny_per_kva_month": 0.0, "contracted_capacity_kva": 0.0, **(tariff or {})}
    strings = h5py.string_dtype("utf-8")
    with h5py.File(path, "w") as f:
        f.attrs["start_iso"] = start_iso
        f.attrs["scenario_name"] = "hand_made"
        f.attrs["complete"] = np.int64(complete)
        f.create_dataset("time/tick_s", data=np.asarray(tick_s, dtype=np.int64))
        f["time/tick_s"].attrs["start_iso"] = start_iso
        f.create_dataset("time/duration_s", data=np.asarray(duration_s, dtype=np.float64))
        for name, (kind, bus, channels) in components.items():
            group = f.create_group(f"components/{name}")
            group.attrs["kind"] = kind
            if bus:
                group.attrs["bus"] = bus
            for channel, values in channels.items():
                group.create_dataset(channel, data=np.asarray(values, dtype=np.float64))
        for name, channels in (lines or {}).items():
            for channel, values in channels.items():
                f.create_dataset(f"lines/{name}/{channel}", data=np.asarray(values, dtype=np.float64))
        for key, value in tariff.items():
            f.create_dataset(f"tariff/{key}", data=np.float64(value))
        for key, value in (kpis or {}).items():
            f.create_dataset(f"kpis/{key}", data=np.float64(value))
            f[f"kpis/{key}"].attrs["unit"] = "kg" if key.endswith("_kg") else ""
        if ledger is not None:
            for key in ("line", "kind", "area"):
                f.create_dataset(f"carbon_ledger/{key}", data=ledger[key], dtype=strings)
            f.create_dataset("carbon_ledger/co2_kg", data=np.asarray(ledger["co2_kg"], dtype=np.float64))
    return path


def small_park(path, **kwargs):
    """Three rows around a month boundary (start 2023-01-31 23:00): 23:00-23:52:30, 23:52:30-00:30
    (crosses into February, and the 23:45 demand window straddles two rows), 00:30-01:00. Two loads
    on two buses, PV, a line with losses, the grid importing 42, 102 and 40 kW."""
    tick = [0, 3150, 5400]
    duration = [3150, 2250, 1800]
    components = {
        "pv": ("pv", "roof", {"power_kw": [0.0, 20.0, 40.0]}),
        "load_a": ("load", "roof", {"power_kw": [-10.0, -30.0, -20.0], "demand_kw": [10.0, 30.0, 25.0]}),
        "load_b": ("load", "plant", {"power_kw": [-30.0, -90.0, -60.0], "demand_kw": [30.0, 90.0, 60.0]}),
        "grid": ("grid", "main", {"power_kw": [42.0, 102.0, 40.0], "price_cny_per_kwh": [0.5, 1.0, 0.3],
                                  "carbon_kg_per_kwh": [0.6, 0.5, 0.4]}),
    }
    lines = {"tx": {"sent_kw": [2.0, 2.0, 0.0], "received_kw": [0.0, 0.0, 0.0]}}
    return write_trace(path, tick, duration, components, lines=lines, **kwargs)
