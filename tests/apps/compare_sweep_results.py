"""Checks that sweep result tables are the same but for wall times: every CSV given, and the
HDF5 table beside each, column by column. Usage: compare_sweep_results.py A.csv B.csv [...]"""
import csv
import sys

import h5py
import numpy as np


def csv_rows(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    wall = rows[0].index("wall_s")
    return [row[:wall] + row[wall + 1:] for row in rows]


def h5_columns(path):
    columns = {}
    with h5py.File(path, "r") as f:
        def take(name, item):
            if isinstance(item, h5py.Dataset) and name != "wall_s":
                columns[name] = item[()]
        f.visititems(take)
        attributes = {k: v for k, v in f.attrs.items() if k != "sweep_file"}
    return columns, attributes


def main(paths):
    reference = csv_rows(paths[0])
    ref_h5, ref_attrs = h5_columns(paths[0][:-4] + ".h5")
    assert len(reference) > 1, f"{paths[0]} has no rows"
    assert all(row[reference[0].index("status")] == "ok" for row in reference[1:]), f"{paths[0]}: a variant failed"
    for path in paths[1:]:
        rows = csv_rows(path)
        assert rows == reference, f"{path} differs from {paths[0]}:\n{rows}\n{reference}"
        columns, attrs = h5_columns(path[:-4] + ".h5")
        assert columns.keys() == ref_h5.keys(), f"{path}: HDF5 columns {sorted(columns)} != {sorted(ref_h5)}"
        for name, values in columns.items():
            same = np.array_equal(values, ref_h5[name], equal_nan=values.dtype.kind == "f")
            assert same, f"{path}: HDF5 column {name} differs: {values} != {ref_h5[name]}"
        assert attrs == ref_attrs, f"{path}: attributes {attrs} != {ref_attrs}"
        print(f"{path}: same {len(rows) - 1} rows as {paths[0]}, CSV and HDF5")


if __name__ == "__main__":
    main(sys.argv[1:])
