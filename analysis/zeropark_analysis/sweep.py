"""Loads a sweep's results — the CSV or the HDF5 file `zeropark sweep` writes (docs/sweeps.md) —
into one DataFrame, and finds Pareto fronts and rank correlations in it.

Both loaders give the same frame: columns `index`, one per parameter (headed by its key, e.g.
`batteries[0].capacity_kwh`), `status`, `error`, `wall_s`, one per KPI, and `pareto_front` when the
sweep named two objectives. Failed variants have NaN KPIs.
"""

from dataclasses import dataclass, field
import os

import numpy as np
import pandas as pd

FIXED_COLUMNS = ("index", "status", "error", "wall_s")


class SweepError(Exception):
    """Results that cannot be read: the message names the file and what is wrong."""


@dataclass
class SweepResults:
    path: str
    frame: pd.DataFrame
    parameters: list  # parameter keys, in the sweep's order
    kpis: list  # KPI keys
    attrs: dict = field(default_factory=dict)  # the HDF5 file's root attributes ({} for a CSV)
    objectives: tuple = ()  # the sweep's own Pareto objectives, when it named them

    @property
    def ok(self):
        return self.frame[self.frame["status"] == "ok"]

    def numeric_parameters(self):
        return [p for p in self.parameters if pd.api.types.is_numeric_dtype(self.frame[p])
                and self.frame[p].nunique() > 1]


def load_csv(path):
    try:
        frame = pd.read_csv(path, dtype={"status": str, "error": str}, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as error:
        raise SweepError(f"{path}: not a sweep results CSV ({error})") from None
    columns = list(frame.columns)
    missing = [c for c in FIXED_COLUMNS if c not in columns]
    if missing:
        raise SweepError(f"{path}: not a sweep results CSV (no column {', '.join(missing)})")
    status_at, wall_at = columns.index("status"), columns.index("wall_s")
    if not columns.index("index") < status_at < columns.index("error") < wall_at:
        raise SweepError(f"{path}: columns out of order (expected index, parameters, status, error, wall_s, KPIs)")
    parameters = columns[1:status_at]
    kpis = [c for c in columns[wall_at + 1:] if c != "pareto_front"]
    frame["error"] = frame["error"].fillna("")
    for key in kpis:
        frame[key] = pd.to_numeric(frame[key], errors="coerce")
    bad = sorted(set(frame["status"]) - {"ok", "failed"})
    if bad:
        raise SweepError(f"{path}: column 'status' has {bad!r}, expected ok or failed")
    return SweepResults(path, frame, parameters, kpis)


def _strings(data):
    return [x.decode("utf-8") if isinstance(x, bytes) else str(x) for x in data]


def load_hdf5(path):
    import h5py

    try:
        f = h5py.File(path, "r")
    except OSError as error:
        raise SweepError(f"{path}: not an HDF5 file ({error})") from None
    with f:
        for needed in FIXED_COLUMNS:
            if needed not in f:
                raise SweepError(f"{path}: not a sweep results file (no dataset '{needed}')")
        n = f["index"].shape[0]
        columns = {"index": f["index"][:].astype(np.int64)}
        parameters, kpis = [], []

        def collect(group_name, keys, convert):
            if group_name not in f:
                return
            def visit(name, obj):
                if isinstance(obj, h5py.Dataset):
                    keys.append(name)
                    columns[name] = convert(obj)
            f[group_name].visititems(visit)

        def parameter(obj):
            data = obj[:]
            return data.astype(float) if data.dtype.kind in "fiu" else _strings(data)

        collect("parameters", parameters, parameter)
        columns["status"] = _strings(f["status"][:])
        columns["error"] = _strings(f["error"][:])
        columns["wall_s"] = f["wall_s"][:].astype(float)
        collect("kpis", kpis, lambda obj: obj[:].astype(float))
        objectives = ()
        if "pareto_front" in f:
            columns["pareto_front"] = f["pareto_front"][:].astype(np.int8)
            text = f["pareto_front"].attrs.get("objectives", "")
            text = text.decode() if isinstance(text, bytes) else str(text)
            objectives = tuple(o for o in text.split(",") if o)
        attrs = {k: (v.decode() if isinstance(v, bytes) else v.item() if isinstance(v, np.generic) else v)
                 for k, v in f.attrs.items()}
    lengths = {k: len(v) for k, v in columns.items() if len(v) != n}
    if lengths:
        raise SweepError(f"{path}: datasets of different lengths: {lengths} (index has {n})")
    # The same column order as the CSV.
    order = ["index"] + parameters + ["status", "error", "wall_s"] + kpis + (["pareto_front"] if objectives or
                                                                            "pareto_front" in columns else [])
    return SweepResults(path, pd.DataFrame(columns)[order], parameters, kpis, attrs, objectives)


def load_results(path):
    """Reads a results CSV or HDF5 file (chosen by its first bytes, not its name)."""
    if not os.path.exists(path):
        raise SweepError(f"{path}: no such file")
    with open(path, "rb") as f:
        magic = f.read(8)
    if magic == b"\x89HDF\r\n\x1a\n":
        return load_hdf5(path)
    return load_csv(path)


def pareto_front(df, x, y):
    """Boolean Series over df's rows: True for rows not dominated on (x, y), both minimised.
    A row dominates another when it is no worse on both and better on one; equal rows do not
    dominate each other, so all of them stay on the front. Rows with NaN in x or y are never on it."""
    xs = df[x].to_numpy(dtype=float)
    ys = df[y].to_numpy(dtype=float)
    valid = ~(np.isnan(xs) | np.isnan(ys))
    front = np.zeros(len(df), dtype=bool)
    idx = np.flatnonzero(valid)
    # Sweep by x ascending (then y): a row is on the front when its y is below every y seen at a
    # strictly smaller x, and no row of the same x has a smaller y.
    order = idx[np.lexsort((ys[idx], xs[idx]))]
    best_y = np.inf  # smallest y among rows with strictly smaller x
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and xs[order[j]] == xs[order[i]]:
            j += 1
        group = order[i:j]
        group_min = ys[group].min()
        for r in group:
            front[r] = ys[r] == group_min and ys[r] < best_y
        best_y = min(best_y, group_min)
        i = j
    return pd.Series(front, index=df.index)


def spearman(results):
    """DataFrame (numeric parameter × KPI) of Spearman rank correlations over the ok variants
    (NaN where a column is constant)."""
    ok = results.ok
    params = results.numeric_parameters()
    table = pd.DataFrame(index=params, columns=results.kpis, dtype=float)
    for p in params:
        for k in results.kpis:
            pair = ok[[p, k]].dropna().rank()  # ranks among the variants that have both
            pair.columns = ["p", "k"]
            if len(pair) > 1 and pair["p"].std() > 0 and pair["k"].std() > 0:
                table.loc[p, k] = float(np.corrcoef(pair["p"], pair["k"])[0, 1])
    return table
