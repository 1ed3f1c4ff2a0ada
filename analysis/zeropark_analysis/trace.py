"""Loads a ZeroPark HDF5 trace (layout: docs/trace.md) into one pandas DataFrame plus metadata.

Rows are events: between two rows every power is constant, so a row's energy is
power_kw × duration_s / 3600. The frame is indexed by local wall-clock time (the root attribute
start_iso + time/tick_s, no time zone: the simulator's calendar is local) and has the columns
`tick_s`, `duration_s`, `<component>.<channel>` for every component, `lines/<line>.<channel>`,
`heat_buses/<bus>.<channel>` and `outages/<component>.<channel>`.
"""

from dataclasses import dataclass, field
import os

import numpy as np
import pandas as pd

ELECTRIC_GENERATORS = ("pv", "wind", "pvt")  # renewable generators: they earn avoided CO2
# Kinds whose power_kw is on an electric bus (the rest are heat or hydrogen components).
ELECTRIC_KINDS = ("pv", "wind", "pvt", "battery", "load", "data_centre", "ev_charger", "heat_pump", "chiller",
                  "electrolyser", "fuel_cell", "grid")


class TraceError(Exception):
    """A trace that cannot be analysed: the message names the file and what is wrong."""


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _plain(value):
    """HDF5 attribute → plain Python value (str, int, float)."""
    value = _text(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


@dataclass
class Component:
    name: str
    kind: str
    bus: str  # "" when it connects to no bus (hydrogen tanks and demands)
    channels: list


@dataclass
class Trace:
    path: str
    attrs: dict  # root attributes
    rows: pd.DataFrame
    components: dict  # name -> Component, in file order
    lines: list  # line names
    tariff: dict  # key -> value
    tariff_units: dict
    kpis: dict  # key -> value (the run's own table)
    kpi_units: dict
    baseline_kpis: dict
    carbon_ledger: pd.DataFrame = None  # the trace's own ledger when it has one
    units: dict = field(default_factory=dict)  # column -> unit

    @property
    def start(self):
        return pd.Timestamp(self.attrs["start_iso"])

    @property
    def hours(self):
        """Each row's length in hours."""
        return self.rows["duration_s"].to_numpy() / 3600.0

    @property
    def grid(self):
        """The grid component's name (None when the park has none)."""
        for c in self.components.values():
            if c.kind == "grid":
                return c.name
        return None

    def of_kind(self, *kinds):
        return [c for c in self.components.values() if c.kind in kinds]

    def column(self, name, channel, default=0.0):
        """A channel as a numpy array; `default` filled when the trace lacks it."""
        key = f"{name}.{channel}"
        if key in self.rows:
            return self.rows[key].to_numpy()
        return np.full(len(self.rows), default)

    def energy_kwh(self, power_kw):
        """Per-row energy of a power array (kW → kWh over each row's duration)."""
        return np.asarray(power_kw) * self.rows["duration_s"].to_numpy() / 3600.0


def _read_scalars(group):
    values, units = {}, {}
    for key, dataset in group.items():
        values[key] = float(dataset[()])
        units[key] = _text(dataset.attrs.get("unit", ""))
    return values, units


def _read_ledger(group, path):
    columns = {}
    for key in ("line", "kind", "area", "co2_kg"):
        if key not in group:
            raise TraceError(f"{path}: carbon_ledger lacks the dataset '{key}'")
        data = group[key][()]
        if key != "co2_kg":
            data = [_text(x) for x in data]
        columns[key] = np.asarray(data, dtype=float if key == "co2_kg" else object)
    lengths = {len(v) for v in columns.values()}
    if len(lengths) != 1:
        raise TraceError(f"{path}: carbon_ledger datasets have different lengths {sorted(lengths)}")
    return pd.DataFrame(columns)


def load_trace(path, allow_incomplete=False):
    """Reads a trace. Raises TraceError (file name + what is wrong) for a missing file, a file that
    is not HDF5, a file missing the trace's groups, or a run that did not finish (complete != 1)."""
    import h5py  # imported here so that `--help` works without h5py

    if not os.path.exists(path):
        raise TraceError(f"{path}: no such file")
    if os.path.isdir(path):
        raise TraceError(f"{path}: is a directory, not a trace")
    try:
        f = h5py.File(path, "r")
    except OSError as error:
        raise TraceError(f"{path}: not an HDF5 file ({error})") from None
    with f:
        attrs = {k: _plain(v) for k, v in f.attrs.items()}
        for needed in ("time/tick_s", "time/duration_s", "components"):
            if needed not in f:
                raise TraceError(f"{path}: not a ZeroPark trace (no '{needed}')")
        if "start_iso" not in attrs:
            raise TraceError(f"{path}: not a ZeroPark trace (no root attribute 'start_iso')")
        if attrs.get("complete") != 1 and not allow_incomplete:
            raise TraceError(f"{path}: incomplete trace (root attribute complete = {attrs.get('complete')!r}, "
                             "expected 1: the run did not finish)")
        tick_s = f["time/tick_s"][:]
        columns = {"tick_s": tick_s, "duration_s": f["time/duration_s"][:]}
        units = {"tick_s": "s", "duration_s": "s"}
        components = {}

        def add(prefix, name, group):
            for channel, data in group.items():
                if data.shape != tick_s.shape:
                    raise TraceError(f"{path}: {group.name}/{channel} has shape {data.shape}, time has {tick_s.shape}")
                columns[f"{prefix}{name}.{channel}"] = data[:]
                units[f"{prefix}{name}.{channel}"] = _text(data.attrs.get("unit", ""))

        for name, group in f["components"].items():
            kind = _text(group.attrs.get("kind", ""))
            bus = _text(group.attrs.get("bus", ""))
            components[name] = Component(name, kind, bus, list(group.keys()))
            add("", name, group)
        lines = []
        for top in ("lines", "heat_buses", "outages"):
            if top in f:
                for name, group in f[top].items():
                    add(f"{top}/", name, group)
                    if top == "lines":
                        lines.append(name)
        tariff, tariff_units = _read_scalars(f["tariff"]) if "tariff" in f else ({}, {})
        kpis, kpi_units = _read_scalars(f["kpis"]) if "kpis" in f else ({}, {})
        baseline, baseline_units = _read_scalars(f["baseline_kpis"]) if "baseline_kpis" in f else ({}, {})
        for key, unit in baseline_units.items():
            kpi_units.setdefault(key, unit)
        ledger = _read_ledger(f["carbon_ledger"], path) if "carbon_ledger" in f else None

    rows = pd.DataFrame(columns)
    rows.index = pd.Timestamp(attrs["start_iso"]) + pd.to_timedelta(rows["tick_s"], unit="s")
    rows.index.name = "time"
    return Trace(path, attrs, rows, components, lines, tariff, tariff_units, kpis, kpi_units, baseline, ledger, units)
