"""The Shimen street platform's dashboard: monthly PV generation, charging-pile hours per day,
carbon sinks, zones ranked by the CO2 their renewables avoided, and the monthly CO2 trend with its
month-over-month change. Returns HTML parts; a panel whose data the park lacks says so in a line."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .html import figure_png, note, table  # noqa: E402
from .resample import hourly_energy_kwh  # noqa: E402


def _month_labels(index):
    return [d.strftime("%Y-%m") for d in index]


def pv_monthly(hs):
    if "pv" not in hs.generation:
        return note("No PV in this park.")
    monthly = hs.generation["pv"].resample("MS").sum() / 1000
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.bar(_month_labels(monthly.index), monthly, color="#f2b701")
    ax.set_ylabel("MWh")
    ax.set_title(f"PV generation by month (total {monthly.sum():,.1f} MWh)")
    ax.tick_params(axis="x", rotation=45)
    return figure_png(fig)


def charging_pile_hours(trace):
    """Charge-point hours occupied per day, from the EV groups' `plugged` (cars plugged in)."""
    groups = trace.of_kind("ev_charger")
    if not groups:
        return note("No EV chargers in this park: no charging-pile hours.")
    fig, ax = plt.subplots(figsize=(10, 3))
    for g in groups:
        daily = hourly_energy_kwh(trace, trace.column(g.name, "plugged")).resample("D").sum()
        ax.plot(daily.index, daily, label=f"{g.name} (mean {daily.mean():,.1f} h/day)")
    ax.set_ylabel("point-hours per day")
    ax.set_title("Charging-pile hours per day")
    ax.legend(fontsize=8)
    fig.autofmt_xdate()
    return figure_png(fig)


def carbon_sinks(trace, ledger):
    sinks = ledger[ledger["kind"] == "sink"]
    if sinks.empty or not sinks["co2_kg"].any():
        return note("No carbon sinks (green space) in this park's ledger.")
    rows = [(r["line"], r["area"] or "park-wide", -r["co2_kg"] / 1000) for _, r in sinks.iterrows()]
    return table(["sink", "area", "t CO2 taken up"], rows)


def zone_ranking(zones):
    ranked = sorted(((z, v["avoided_co2_kg"]) for z, v in zones.items() if v["avoided_co2_kg"] > 0),
                    key=lambda item: item[1])
    if not ranked:
        return note("No zone has renewable generation: no carbon reduction to rank.")
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(ranked) + 1.2))
    ax.barh([z for z, _ in ranked], [v / 1000 for _, v in ranked], color="#31a354")
    ax.set_xlabel("t CO2 avoided by the zone's renewables")
    ax.set_title("Zones (buses) ranked by carbon reduction")
    return figure_png(fig)


def co2_trend(hs):
    monthly = hs.import_co2_kg.resample("MS").sum() / 1000
    change = monthly.pct_change() * 100
    fig, ax = plt.subplots(figsize=(9, 3.2))
    labels = _month_labels(monthly.index)
    ax.bar(labels, monthly, color="#d7301f")
    ax.set_ylabel("t CO2 (imports)")
    ax.tick_params(axis="x", rotation=45)
    twin = ax.twinx()
    twin.plot(labels, change, color="k", marker="o")
    twin.axhline(0, color="k", linewidth=0.5, linestyle=":")
    twin.set_ylabel("month-over-month change (%)")
    ax.set_title("CO2 trend by month")
    rows = [(label, value, "" if np.isnan(c) else f"{c:+.1f} %") for label, value, c in zip(labels, monthly, change)]
    return figure_png(fig) + table(["month", "t CO2", "change"], rows)


def dashboard_parts(trace, hs, ledger, zones):
    return [("<h3>Monthly PV generation</h3>", pv_monthly(hs)),
            ("<h3>Charging-pile hours</h3>", charging_pile_hours(trace)),
            ("<h3>Carbon sinks</h3>", carbon_sinks(trace, ledger)),
            ("<h3>Zones by carbon reduction</h3>", zone_ranking(zones)),
            ("<h3>Trends</h3>", co2_trend(hs))]

