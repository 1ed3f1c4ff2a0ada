"""A sweep with `traces: true`: every ok row names a complete trace whose own KPIs are the row's.
Usage: check_sweep_traces.py RESULTS.csv"""
import csv
import os
import sys

import h5py

path = sys.argv[1]
folder = os.path.dirname(os.path.abspath(path))
with open(path, newline="") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == 2, rows
for row in rows:
    assert row["status"] == "ok", row
    with h5py.File(os.path.join(folder, row["trace"]), "r") as trace:
        assert trace.attrs["complete"] == 1, row["trace"]
        for key in ("net_cost_cny", "co2_kg"):
            recorded = float(trace["kpis"][key][()])
            assert abs(recorded - float(row[key])) <= 1e-9 * abs(recorded), (key, recorded, row[key])
        capacity = float(row["batteries[0].capacity_kwh"])
        assert f"capacity_kwh: {capacity:g}" in trace["scenario/yaml"][()].decode(), "the trace is another variant's"
print(f"{len(rows)} traces complete, their KPIs equal the table's")
