"""Cost and attribution figures: the bill's parts against the baseline, and CO2 and cost per asset
and per zone."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

COST_PARTS = (("Energy", "energy_cost_cny", 1), ("Demand", "demand_charge_cny", 1),
              ("Capacity", "capacity_charge_cny", 1), ("Export revenue", "export_revenue_cny", -1),
              ("Net", "net_cost_cny", 1))


def cost_breakdown(kpis, baseline):
    labels = [label for label, _, _ in COST_PARTS]
    x = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(8, 3.6))
    runs = [("This run", kpis, "#2b8cbe")] + ([("Baseline", baseline, "#bdbdbd")] if baseline else [])
    width = 0.8 / len(runs)
    for i, (name, table, colour) in enumerate(runs):
        values = [sign * table.get(key, 0.0) / 1000 for _, key, sign in COST_PARTS]
        ax.bar(x + (i - (len(runs) - 1) / 2) * width, values, width, label=name, color=colour)
    ax.axhline(0, color="k", linewidth=0.6)
    ax.set_xticks(x, labels)
    ax.set_ylabel("thousand CNY (revenue negative)")
    ax.set_title("Cost breakdown")
    ax.legend(fontsize=8)
    return fig


def attribution_bars(items, title):
    """Horizontal bars of CO2 (t) and cost (thousand CNY) for assets or zones, largest CO2 first;
    those with neither (generators, idle storage) are left to the tables."""
    names = sorted((n for n in items if items[n]["co2_kg"] or items[n]["cost_cny"]), key=lambda n: items[n]["co2_kg"])
    names = names or sorted(items)
    y = np.arange(len(names))
    fig, axes = plt.subplots(1, 2, figsize=(10, 0.35 * len(names) + 1.2), sharey=True)
    axes[0].barh(y, [items[n]["co2_kg"] / 1000 for n in names], color="#d7301f")
    axes[0].set_xlabel("t CO2 attributed")
    axes[1].barh(y, [items[n]["cost_cny"] / 1000 for n in names], color="#2b8cbe")
    axes[1].set_xlabel("thousand CNY energy cost attributed")
    axes[0].set_yticks(y, names, fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    return fig
