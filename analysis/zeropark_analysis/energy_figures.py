"""Energy figures: the monthly balance, the mean day of each month, the peak-demand day and the
batteries' SOC heatmaps. Each function returns a matplotlib figure (Agg backend)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .resample import day_by_hour, hourly_mean  # noqa: E402

KIND_COLOURS = {"pv": "#f2b701", "wind": "#3a9bd9", "pvt": "#e07b39", "import": "#7f7f7f", "export": "#2ca25f",
                "consumption": "#6a51a3", "storage_losses": "#bdbdbd", "battery": "#1b9e77"}
KIND_LABELS = {"pv": "PV", "wind": "Wind", "pvt": "PV/thermal"}


def monthly_balance(hs):
    """Stacked bars per month: supplies up (on-site generation by kind, import), uses down
    (consumption, export, and the rest: storage net charging and line losses)."""
    monthly = {k: v.resample("MS").sum() / 1000 for k, v in hs.generation.items()}
    imp = hs.import_kwh.resample("MS").sum() / 1000
    exp = hs.export_kwh.resample("MS").sum() / 1000
    use = hs.consumption_kwh.resample("MS").sum() / 1000
    supply = imp + sum(monthly.values(), 0 * imp)
    rest = supply - use - exp
    labels = [d.strftime("%Y-%m") for d in imp.index]
    x = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(10, 4.2))
    bottom = np.zeros(len(x))
    for kind, values in monthly.items():
        ax.bar(x, values, bottom=bottom, color=KIND_COLOURS[kind], label=KIND_LABELS[kind])
        bottom += values.to_numpy()
    ax.bar(x, imp, bottom=bottom, color=KIND_COLOURS["import"], label="Grid import")
    down = np.zeros(len(x))
    for label, values, colour in (("Consumption", use, KIND_COLOURS["consumption"]),
                                  ("Grid export", exp, KIND_COLOURS["export"]),
                                  ("Storage net charging + line losses", rest, KIND_COLOURS["storage_losses"])):
        ax.bar(x, -values.to_numpy(), bottom=-down, color=colour, label=label)
        down += values.to_numpy()
    ax.axhline(0, color="k", linewidth=0.8)
    ax.set_xticks(x, labels, rotation=45, ha="right")
    ax.set_ylabel("MWh (supplies up, uses down)")
    ax.set_title("Energy balance by month")
    ax.legend(fontsize=8, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.25))
    return fig


def mean_days(hs):
    """The mean day of each month: consumption, on-site generation, import and export (kW)."""
    months = hs.import_kwh.index.to_period("M").unique()
    cols = min(4, len(months))
    rows = int(np.ceil(len(months) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(2.8 * cols, 2.2 * rows), sharey=True, squeeze=False)
    for ax in axes.flat[len(months):]:
        ax.axis("off")
    curves = (("Consumption", hs.consumption_kwh, KIND_COLOURS["consumption"]),
              ("On-site generation", hs.onsite_kwh, KIND_COLOURS["pv"]),
              ("Import", hs.import_kwh, KIND_COLOURS["import"]), ("Export", hs.export_kwh, KIND_COLOURS["export"]))
    for ax, month in zip(axes.flat, months):
        for label, series, colour in curves:
            part = series[series.index.to_period("M") == month]
            ax.plot(range(24), part.groupby(part.index.hour).mean().reindex(range(24)), color=colour, label=label)
        ax.set_title(str(month), fontsize=9)
        ax.set_xticks([0, 6, 12, 18, 23])
        ax.tick_params(labelsize=7)
    axes.flat[0].set_ylabel("kW")
    axes.flat[0].legend(fontsize=6)
    fig.suptitle("Mean day of each month (hour of day)")
    fig.tight_layout()
    return fig


def peak_day(trace, hs):
    """The day with the largest hourly import, row by row (events, not hourly means)."""
    day = hs.import_kwh.idxmax().normalize()
    rows = trace.rows[(trace.rows.index >= day) & (trace.rows.index < day + np.timedelta64(1, "D"))]
    fig, ax = plt.subplots(figsize=(10, 3.6))
    grid = trace.grid

    def draw(label, kw, colour):
        ax.step(rows.index, kw, where="post", label=label, color=colour)

    from .series import consumption_kw, generation_kw  # the per-row powers, sliced to the day
    mask = (trace.rows.index >= day) & (trace.rows.index < day + np.timedelta64(1, "D"))
    draw("Consumption", consumption_kw(trace)[mask], KIND_COLOURS["consumption"])
    onsite = sum(generation_kw(trace, k) for k in ("pv", "wind", "pvt"))
    draw("On-site generation", np.asarray(onsite)[mask], KIND_COLOURS["pv"])
    if grid:
        draw("Grid (+ import)", trace.column(grid, "power_kw")[mask], KIND_COLOURS["import"])
    batteries = trace.of_kind("battery")
    if batteries:
        draw("Batteries (+ discharge)", sum(trace.column(b.name, "power_kw") for b in batteries)[mask],
             KIND_COLOURS["battery"])
    ax.axhline(0, color="k", linewidth=0.6)
    ax.set_ylabel("kW")
    ax.set_title(f"Peak-demand day {day:%Y-%m-%d} (largest hourly import {hs.import_kwh.max():,.0f} kWh)")
    ax.legend(fontsize=8)
    fig.autofmt_xdate()
    return fig


def soc_heatmap(trace, battery):
    """One battery's SOC, time-weighted hourly means, day × hour."""
    grid = day_by_hour(hourly_mean(trace, trace.column(battery, "soc")))
    fig, ax = plt.subplots(figsize=(10, 2.8))
    image = ax.imshow(grid.to_numpy().T, aspect="auto", origin="lower", cmap="viridis", vmin=0, vmax=1,
                      extent=(0, len(grid), 0, 24), interpolation="nearest")
    _day_axis(ax, grid.index)
    ax.set_ylabel("hour of day")
    ax.set_title(f"SOC of {battery}")
    fig.colorbar(image, ax=ax, label="SOC")
    return fig


def _day_axis(ax, days):
    ticks = [i for i, d in enumerate(days) if d.day == 1] or [0]
    ax.set_xticks(ticks, [days[i].strftime("%m-%d") for i in ticks], fontsize=8)
    ax.set_yticks([0, 6, 12, 18, 24])
