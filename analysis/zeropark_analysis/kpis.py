"""Recomputes the shared KPI set from a trace's rows (the same set and definitions as the C++
`zeropark report` and sim/src/trace/kpi.cc), so that a trace can be checked against its own
`kpis/` table and analysed without the simulator.

Every energy is Σ power_kw × duration_s / 3600 over rows, because powers are constant within a row.
max_demand_kw: the largest mean import over clock-aligned windows of tariff/demand_window_s
(aligned to the absolute clock, start_iso + tick_s), per calendar month of the window's start; the
demand charge applies each month's maximum, the capacity charge the contracted kVA to each month
the run touches.
"""

import numpy as np
import pandas as pd

# key -> (unit, description), in the order reports print them.
KPI_DEFINITIONS = {
    "load_demand_kwh": ("kWh", "Energy the loads asked for"),
    "load_served_kwh": ("kWh", "Energy delivered to the loads"),
    "onsite_generation_kwh": ("kWh", "PV + wind + PV/thermal electricity delivered"),
    "grid_import_kwh": ("kWh", "Energy imported from the grid"),
    "grid_export_kwh": ("kWh", "Energy exported to the grid"),
    "battery_charged_kwh": ("kWh", "Energy drawn by batteries from their buses"),
    "battery_discharged_kwh": ("kWh", "Energy batteries delivered to their buses"),
    "ev_net_charging_kwh": ("kWh", "EV charging net of V2G (recorded as ev_charging_kwh − ev_v2g_returned_kwh)"),
    "ev_charger_hours_per_day": ("h/day", "Charge-point hours occupied per day, all points together"),
    "max_demand_kw": ("kW", "Largest mean import over a demand window"),
    "energy_cost_cny": ("CNY", "Imported energy at time-of-use prices"),
    "demand_charge_cny": ("CNY", "Two-part tariff: maximum-demand charge"),
    "capacity_charge_cny": ("CNY", "Two-part tariff: capacity charge"),
    "export_revenue_cny": ("CNY", "Exported energy at the export price"),
    "net_cost_cny": ("CNY", "Energy + demand + capacity charges − export revenue"),
    "co2_kg": ("kg", "CO2 emitted by imported electricity"),
}
KPI_KEYS = tuple(KPI_DEFINITIONS)


def grid_flows(trace):
    """Per-row import and export (kW, both ≥ 0), price (CNY/kWh) and emission factor (kg/kWh)."""
    grid = trace.grid
    n = len(trace.rows)
    if grid is None:
        zero = np.zeros(n)
        return zero, zero, zero, zero
    grid_kw = trace.column(grid, "power_kw")
    return (np.maximum(grid_kw, 0.0), np.maximum(-grid_kw, 0.0), trace.column(grid, "price_cny_per_kwh"),
            trace.column(grid, "carbon_kg_per_kwh"))


def _epoch_s(timestamp):
    return int((timestamp - pd.Timestamp("1970-01-01")) // pd.Timedelta(seconds=1))


def monthly_max_demand_kw(trace):
    """{month (pandas Period): largest mean import over a demand window starting in that month}.

    Works on the cumulative import energy: between row boundaries it is linear (constant power),
    so a window's energy is the difference of its interpolated values at the window's two ends."""
    window_s = int(trace.tariff.get("demand_window_s", 900))
    import_kw, _, _, _ = grid_flows(trace)
    tick = trace.rows["tick_s"].to_numpy().astype(np.int64)
    duration = trace.rows["duration_s"].to_numpy()
    start = _epoch_s(trace.start)
    begin = start + tick
    end = begin + duration.astype(np.int64)
    keep = duration > 0
    if not keep.any():
        return {}
    begin, end, import_kw, duration = begin[keep], end[keep], import_kw[keep], duration[keep]
    # Cumulative energy at every row boundary (rows are contiguous: each starts where the last ended).
    bounds = np.concatenate([begin[:1], end]).astype(np.float64)
    cumulative_kwh = np.concatenate([[0.0], np.cumsum(import_kw * duration / 3600.0)])
    first_window = begin[0] // window_s
    last_window = (end[-1] - 1) // window_s
    windows = np.arange(first_window, last_window + 1, dtype=np.int64)
    edges = np.concatenate([windows, [last_window + 1]]) * window_s
    at_edges = np.interp(np.clip(edges, bounds[0], bounds[-1]).astype(np.float64), bounds, cumulative_kwh)
    mean_kw = np.diff(at_edges) * 3600.0 / window_s
    months = (windows * window_s).astype("datetime64[s]").astype("datetime64[M]")
    series = pd.Series(mean_kw).groupby(months).max()
    return {pd.Period(m, "M"): float(v) for m, v in series.items()}


def compute_kpis(trace):
    """The shared KPI set recomputed from the rows: {key: value}."""
    import_kw, export_kw, price, carbon = grid_flows(trace)
    hours = trace.hours
    import_kwh = import_kw * hours
    k = {}

    def total(kinds, channel="power_kw", sign=1.0, clip=None):
        s = 0.0
        for c in trace.of_kind(*kinds):
            v = sign * trace.column(c.name, channel)
            if clip == "positive":
                v = np.maximum(v, 0.0)
            s += float(np.sum(v * hours))
        return s

    k["load_demand_kwh"] = total(("load",), "demand_kw")
    k["load_served_kwh"] = total(("load",), sign=-1.0)
    k["onsite_generation_kwh"] = total(("pv", "wind", "pvt"))
    k["grid_import_kwh"] = float(np.sum(import_kwh))
    k["grid_export_kwh"] = float(np.sum(export_kw * hours))
    k["battery_charged_kwh"] = total(("battery",), sign=-1.0, clip="positive")
    k["battery_discharged_kwh"] = total(("battery",), clip="positive")
    # Gross EV charging and V2G are not in the set: the trace has one power per charger group, the
    # net of its points, and in a row where one point charges while another gives V2G the gross
    # flows cancel out of it. Only their difference can be recomputed exactly.
    k["ev_net_charging_kwh"] = total(("ev_charger",), sign=-1.0)
    days = float(trace.rows["duration_s"].sum()) / 86400.0
    plugged_h = total(("ev_charger",), "plugged")
    k["ev_charger_hours_per_day"] = plugged_h / days if days > 0 else 0.0
    by_month = monthly_max_demand_kw(trace)
    rate = trace.tariff.get("demand_charge_cny_per_kw_month", 0.0)
    k["max_demand_kw"] = max(by_month.values(), default=0.0)
    k["demand_charge_cny"] = float(sum(kw * rate for _, kw in sorted(by_month.items())))
    k["capacity_charge_cny"] = (len(by_month) * trace.tariff.get("contracted_capacity_kva", 0.0) *
                                trace.tariff.get("capacity_charge_cny_per_kva_month", 0.0))
    k["energy_cost_cny"] = float(np.sum(import_kwh * price))
    k["export_revenue_cny"] = k["grid_export_kwh"] * trace.tariff.get("export_price_cny_per_kwh", 0.0)
    k["net_cost_cny"] = (k["energy_cost_cny"] + k["demand_charge_cny"] + k["capacity_charge_cny"] -
                         k["export_revenue_cny"])
    k["co2_kg"] = float(np.sum(import_kwh * carbon))
    return {key: k[key] for key in KPI_KEYS}


def relative_difference(a, b):
    """|a − b| / max(|a|, |b|), 0 when both are 0."""
    scale = max(abs(a), abs(b))
    return abs(a - b) / scale if scale > 0 else 0.0


def recorded_value(kpis, key):
    """A KPI as the run recorded it (None when it did not); the net EV charging is derived."""
    if key == "ev_net_charging_kwh":
        if "ev_charging_kwh" in kpis and "ev_v2g_returned_kwh" in kpis:
            return kpis["ev_charging_kwh"] - kpis["ev_v2g_returned_kwh"]
        return None
    return kpis.get(key)


def compare_with_recorded(trace, computed=None):
    """[(key, recomputed, recorded, relative difference)] for each shared KPI the trace recorded."""
    computed = computed if computed is not None else compute_kpis(trace)
    rows = []
    for key, value in computed.items():
        recorded = recorded_value(trace.kpis, key)
        if recorded is not None:
            rows.append((key, value, recorded, relative_difference(value, recorded)))
    return rows
