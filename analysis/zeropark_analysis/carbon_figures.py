"""Carbon figures: the grid's emission factor and the park's imported CO2 as day × hour heatmaps,
and the carbon ledger as a waterfall."""

import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .energy_figures import _day_axis  # noqa: E402
from .resample import day_by_hour  # noqa: E402


def intensity_heatmaps(hs):
    fig, axes = plt.subplots(2, 1, figsize=(10, 5.2))
    for ax, series, title, unit, cmap in (
            (axes[0], hs.carbon_kg_per_kwh, "Grid emission factor in force", "kg CO2/kWh", "YlOrBr"),
            (axes[1], hs.import_co2_kg, "The park's imported CO2 per hour", "kg CO2", "Reds")):
        grid = day_by_hour(series)
        # Hourly means of a constant carry integration round-off (1e-16 relative): round it away, and
        # give a constant factor a scale around its value rather than around its noise.
        values = np.round(grid.to_numpy(dtype=float).T, 9)
        low, high = np.nanmin(values), np.nanmax(values)
        scale = {}
        if high - low <= 1e-9 * max(abs(high), 1e-300):
            scale = {"vmin": 0.9 * low, "vmax": 1.1 * high + 1e-12}
            title += f" (constant: {high:.4g} {unit})"
        image = ax.imshow(values, aspect="auto", origin="lower", cmap=cmap, extent=(0, len(grid), 0, 24),
                          interpolation="nearest", **scale)
        _day_axis(ax, grid.index)
        ax.set_ylabel("hour of day")
        ax.set_title(title)
        fig.colorbar(image, ax=ax, label=unit)
    fig.tight_layout()
    return fig


def ledger_waterfall(ledger):
    """Each ledger line as a step from the running total, then the net. Lines of one kind and area
    are kept apart: the ledger's own lines are what the park accounts for."""
    order = {"emission": 0, "recycling": 2, "sink": 1, "offset": 3}
    rows = ledger.assign(rank=ledger["kind"].map(order).fillna(4)).sort_values(["rank"], kind="stable")
    labels, starts, heights, colours = [], [], [], []
    running = 0.0
    palette = {"emission": "#d7301f", "sink": "#31a354", "recycling": "#3182bd", "offset": "#756bb1"}
    for _, r in rows.iterrows():
        area = f" [{r['area']}]" if r["area"] and r["area"] not in r["line"] else ""
        labels.append(textwrap.fill(f"{r['line']}{area}", 16) + f"\n({r['kind']})")
        starts.append(running)
        heights.append(r["co2_kg"] / 1000)
        colours.append(palette.get(r["kind"], "#999999"))
        running += r["co2_kg"] / 1000
    labels.append("net")
    starts.append(0.0)
    heights.append(running)
    colours.append("#252525")
    x = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(max(6, 1.7 * len(labels)), 4.2))
    ax.bar(x, heights, bottom=starts, color=colours)
    for i, (s, h) in enumerate(zip(starts, heights)):
        ax.text(i, max(s, s + h), f"{h:+,.1f}" if i < len(labels) - 1 else f"{h:,.1f}", ha="center",
                va="bottom", fontsize=8)
    ax.axhline(0, color="k", linewidth=0.6)
    ax.set_xticks(x, labels, fontsize=8)
    ax.set_ylabel("t CO2 (+ emitted, − removed)")
    ax.set_title("Carbon ledger (t CO2)", pad=14)
    return fig
