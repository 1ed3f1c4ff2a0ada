"""Exact time-weighted hourly and daily figures from event rows.

A trace's rows have any length (an event can fall anywhere), and a channel is constant over its
row. The integral of a channel is then piecewise linear between row boundaries, so sampling it at
the hour edges and differencing gives each hour's exact integral: no row is split by hand and
rows shorter or longer than an hour are handled alike.
"""

import numpy as np
import pandas as pd


def hourly_mean(trace, values):
    """Series of each clock hour's time-weighted mean of `values` (one per row), indexed by the
    hour's start. For a power in kW this is also the hour's energy in kWh."""
    values = np.nan_to_num(np.asarray(values, dtype=float))
    tick = trace.rows["tick_s"].to_numpy().astype(float)
    duration = trace.rows["duration_s"].to_numpy()
    if len(tick) == 0:
        return pd.Series(dtype=float)
    bounds = np.concatenate([tick[:1], tick + duration])
    integral = np.concatenate([[0.0], np.cumsum(values * duration)])
    start = trace.start
    offset_s = (start - start.floor("H")).total_seconds()  # hours align to the clock, not the run start
    first = 0
    last = int(np.ceil((bounds[-1] + offset_s) / 3600.0))
    edges_s = np.arange(first, last + 1) * 3600.0 - offset_s
    at_edges = np.interp(np.clip(edges_s, bounds[0], bounds[-1]), bounds, integral)
    seconds_covered = np.diff(np.clip(edges_s, bounds[0], bounds[-1]))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(seconds_covered > 0, np.diff(at_edges) / seconds_covered, np.nan)
    index = start.floor("H") + pd.to_timedelta(edges_s[:-1] + offset_s, unit="s")
    return pd.Series(mean, index=index)


def hourly_energy_kwh(trace, power_kw):
    """Energy of each clock hour (kWh), hours partly outside the run count only their covered part."""
    values = np.nan_to_num(np.asarray(power_kw, dtype=float))
    mean = hourly_mean(trace, values)
    tick = trace.rows["tick_s"].to_numpy().astype(float)
    end_s = tick[-1] + trace.rows["duration_s"].to_numpy()[-1]
    hour_start = (mean.index - trace.start).total_seconds().to_numpy()
    covered_h = (np.clip(hour_start + 3600, tick[0], end_s) - np.clip(hour_start, tick[0], end_s)) / 3600.0
    return (mean.fillna(0.0) * covered_h).rename(None)


def day_by_hour(series):
    """Pivot an hourly series into a DataFrame: one row per day, 24 columns (hour of day)."""
    frame = pd.DataFrame({"day": series.index.normalize(), "hour": series.index.hour, "value": series.to_numpy()})
    return frame.pivot_table(index="day", columns="hour", values="value", aggfunc="mean").reindex(columns=range(24))
