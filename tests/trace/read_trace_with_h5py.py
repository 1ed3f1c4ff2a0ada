#!/usr/bin/python3
"""Reads a ZeroPark HDF5 trace with nothing but h5py and pandas, to prove the file stands alone.

Usage: /usr/bin/python3 tests/trace/read_trace_with_h5py.py TRACE.h5

Builds one pandas DataFrame from /time/tick_s (int64 seconds since the scenario start) and every
channel dataset under /components/ (1-D float64, one per channel), checks that every column has
as many rows as tick_s and that the units are plain str attributes, then prints the frame's shape
and each column's unit. Exits 1 on any problem (missing file, wrong type or shape, lengths that
disagree, ticks going back), 0 otherwise. A file whose root attribute "complete" is not 1 (a
killed run's .partial file) is read but flagged on stderr.

Debian packages: python3-h5py, python3-pandas.
"""

import sys


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def main(argv):
    if len(argv) != 2:
        fail(f"usage: {argv[0]} TRACE.h5")
    try:
        import h5py
        import numpy as np
        import pandas as pd
    except ImportError as error:
        fail(f"{error} (install python3-h5py and python3-pandas)")

    path = argv[1]
    try:
        trace = h5py.File(path, "r")
    except OSError as error:
        fail(f"cannot open {path}: {error}")

    with trace:
        complete = trace.attrs.get("complete")
        if complete != 1:
            print(f"note: {path} has complete = {complete}: an unfinished run", file=sys.stderr)

        if "time/tick_s" not in trace:
            fail("no dataset time/tick_s")
        tick = trace["time/tick_s"]
        if tick.ndim != 1 or tick.dtype != np.int64:
            fail(f"time/tick_s is {tick.dtype} with shape {tick.shape}, expected 1-D int64")
        columns = {"tick_s": tick[:]}
        units = {"tick_s": tick.attrs.get("unit")}

        if "components" not in trace or not isinstance(trace["components"], h5py.Group):
            fail("no group components/")
        # (column name, dataset) in declaration order: iterating a group follows its creation
        # order, which the writer tracks (visititems would sort by name).
        channels = []

        def collect(group, prefix):
            for key in group:
                obj = group[key]
                if isinstance(obj, h5py.Group):
                    collect(obj, f"{prefix}{key}/")
                else:
                    channels.append((f"{prefix}{key}", obj))

        collect(trace["components"], "")
        if not channels:
            fail("components/ holds no channel datasets")
        for name, dataset in channels:
            if dataset.ndim != 1 or dataset.dtype != np.float64:
                fail(f"components/{name} is {dataset.dtype} with shape {dataset.shape}, "
                     "expected 1-D float64")
            if dataset.shape[0] != tick.shape[0]:
                fail(f"components/{name} has {dataset.shape[0]} rows but time/tick_s has "
                     f"{tick.shape[0]}")
            columns[name] = dataset[:]
            units[name] = dataset.attrs.get("unit")

        for name, unit in units.items():
            if not isinstance(unit, str):
                fail(f"{name}: unit attribute is {type(unit).__name__} {unit!r}, expected str")

        frame = pd.DataFrame(columns)
        if (frame["tick_s"].diff().dropna() < 0).any():
            fail("time/tick_s goes back in time")
        if "scenario/yaml" in trace:
            yaml_text = trace["scenario/yaml"].asstr()[()]
            if not isinstance(yaml_text, str):
                fail("scenario/yaml is not a string")

        print(f"{path}: shape {frame.shape}")
        for name in frame.columns:
            print(f"  {name}: {units[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
