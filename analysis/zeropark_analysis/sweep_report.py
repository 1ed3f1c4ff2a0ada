"""`python3 -m zeropark_analysis sweep-report RESULTS.(csv|h5) --html DIR`: KPI distributions,
sensitivity (Spearman rank correlation of each numeric parameter with each KPI) and the Pareto
plot of two KPIs with the front highlighted, in one self-contained DIR/index.html."""

import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from . import html  # noqa: E402
from .sweep import pareto_front, spearman  # noqa: E402


def histograms(results):
    kpis = [k for k in results.kpis if results.ok[k].notna().any()]
    if not kpis:
        return html.note("No ok variant has a KPI: nothing to plot.")
    cols = min(3, len(kpis))
    rows = int(np.ceil(len(kpis) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(3.4 * cols, 2.4 * rows), squeeze=False)
    for ax in axes.flat[len(kpis):]:
        ax.axis("off")
    for ax, key in zip(axes.flat, kpis):
        values = results.ok[key].dropna()
        ax.hist(values, bins=min(20, max(3, len(values))), color="#2b8cbe")
        ax.set_title(key, fontsize=8)
        ax.tick_params(labelsize=7)
    fig.suptitle(f"KPI distributions over {len(results.ok)} ok variants")
    fig.tight_layout()
    return html.figure_png(fig)


def sensitivity(results):
    table = spearman(results)
    if table.empty:
        return html.note("No numeric parameter takes more than one value: no sensitivity to show.")
    fig, ax = plt.subplots(figsize=(1.0 + 0.6 * len(table.columns), 1.2 + 0.45 * len(table.index)))
    image = ax.imshow(table.to_numpy(dtype=float), cmap="RdBu_r", vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(range(len(table.columns)), table.columns, rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(table.index)), table.index, fontsize=8)
    fig.colorbar(image, ax=ax, label="Spearman ρ")
    ax.set_title("Sensitivity: rank correlation of parameter and KPI")
    rows = []
    for kpi in table.columns:
        column = table[kpi].dropna()
        if column.empty:
            continue
        strongest = column.abs().idxmax()
        rows.append((kpi, strongest, float(column[strongest])))
    return (html.figure_png(fig) + "<h3>Which parameter moves each KPI most</h3>" +
            html.table(["KPI", "parameter", "Spearman ρ"], rows) +
            "<details><summary>All correlations</summary>" +
            html.table(["parameter"] + list(table.columns),
                       [[p] + [float(v) for v in table.loc[p]] for p in table.index]) + "</details>")


def pareto_plot(results, x, y):
    for key in (x, y):
        if key not in results.kpis:
            return html.note(f"No KPI '{key}' in these results: no Pareto plot (KPIs: {', '.join(results.kpis)}).")
    frame = results.ok
    front = pareto_front(frame, x, y)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.scatter(frame[x], frame[y], color="#bdbdbd", label="variants")
    on = frame[front].sort_values(x)
    ax.plot(on[x], on[y], "o-", color="#d7301f", label=f"Pareto front ({len(on)})")
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    ax.set_title("Pareto front (both minimised)")
    ax.legend(fontsize=8)
    rows = [[int(r["index"])] + [r[p] for p in results.parameters] + [r[x], r[y]] for _, r in on.iterrows()]
    return html.figure_png(fig) + html.table(["variant"] + results.parameters + [x, y], rows)


def build_sweep_report(results, x="net_cost_cny", y="co2_kg"):
    frame = results.frame
    failed = frame[frame["status"] != "ok"]
    overview = [html.table(["", ""], [("results", os.path.basename(results.path)), ("variants", len(frame)),
                                      ("ok", len(results.ok)), ("failed", len(failed)),
                                      ("parameters", ", ".join(results.parameters))] +
                           [(k, str(v)) for k, v in results.attrs.items()])]
    if len(failed):
        overview.append(html.table(["variant", "error"], [(int(r["index"]), r["error"]) for _, r in failed.iterrows()]))
    sections = [("Overview", html.section("Overview", *overview)),
                ("KPI distributions", html.section("KPI distributions", histograms(results))),
                ("Sensitivity", html.section("Sensitivity", sensitivity(results))),
                ("Pareto front", html.section("Pareto front", pareto_plot(results, x, y)))]
    return html.page(f"ZeroPark sweep: {os.path.basename(results.path)}",
                     f"{len(frame)} variants of {results.attrs.get('scenario', 'the scenario')}", sections)


def write_sweep_report(results, out_dir, x="net_cost_cny", y="co2_kg"):
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "index.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(build_sweep_report(results, x, y))
    return path
