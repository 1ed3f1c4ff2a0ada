"""`python3 -m zeropark_analysis report TRACE.h5 --html DIR`: one self-contained DIR/index.html
with the run's KPIs (against its baseline), energy, carbon, cost and attribution figures and the
Shimen street platform's dashboard. Every figure is a PNG embedded as base64."""

import os
import time

from . import carbon, html
from .attribution import attribute
from .carbon_figures import intensity_heatmaps, ledger_waterfall
from .cost_figures import attribution_bars, cost_breakdown
from .dashboard import dashboard_parts
from .energy_figures import mean_days, monthly_balance, peak_day, soc_heatmap
from .ev_sessions import ev_session_section
from .kpis import compare_with_recorded, compute_kpis
from .series import HourlySeries

# KPIs the summary shows first, when the run recorded them; the rest follow in a folded table.
HEADLINE = ("load_demand_kwh", "load_served_kwh", "consumption_kwh", "onsite_generation_kwh", "pv_generation_kwh",
            "wind_generation_kwh", "pvt_generation_kwh", "grid_import_kwh", "grid_export_kwh",
            "self_sufficiency_ratio", "onsite_self_consumption_ratio", "max_demand_kw", "energy_cost_cny",
            "demand_charge_cny", "capacity_charge_cny", "export_revenue_cny", "net_cost_cny", "co2_kg",
            "carbon_sink_co2_kg", "net_co2_kg", "recycling_co2_avoided_kg", "offsets_co2_kg", "ledger_net_co2_kg",
            "co2_kg_per_m2_year", "co2_avoided_kg", "cost_saved_cny", "ev_charging_kwh",
            "ev_v2g_returned_kwh", "ev_charger_hours_per_day", "battery_charged_kwh", "battery_discharged_kwh")


def _kpi_rows(trace, keys):
    rows = []
    for key in keys:
        value = trace.kpis[key]
        base = trace.baseline_kpis.get(key)
        change = "" if base is None else value - base
        rows.append((key, trace.kpi_units.get(key, ""), value, "" if base is None else base, change))
    return rows


def summary_section(trace, factors):
    headline = [k for k in HEADLINE if k in trace.kpis]
    rest = [k for k in trace.kpis if k not in headline]
    header = ["KPI", "unit", "this run", "baseline", "run − baseline"]
    parts = [html.table(header, _kpi_rows(trace, headline))]
    if not trace.baseline_kpis:
        parts.append(html.note("The trace has no baseline KPIs (the run was made without its baseline)."))
    co2 = trace.kpis.get("co2_kg", 0.0)
    rows = [("CO2 emitted (imports)", co2, trace.kpis.get("grid_import_kwh", 0.0))]
    if "co2_avoided_kg" in trace.kpis:
        rows.append(("CO2 avoided against the baseline", trace.kpis["co2_avoided_kg"],
                     trace.kpis.get("grid_import_avoided_kwh", 0.0)))
    eq_rows = []
    for label, co2_kg, kwh in rows:
        for name, value, unit, keys, status in carbon.equivalences(co2_kg, kwh, factors):
            eq_rows.append((label, name, value, unit, status))
    parts.append("<h3>Equivalences</h3>" + html.table(["of", "as", "value", "unit", "factor"], eq_rows))
    parts.append(html.note("Electricity figures use the grid import (or the import avoided). Factors and their "
                           "sources: assets/carbon/equivalences.csv; INDICATIVE marks a factor not traced to a "
                           "publication."))
    check = compare_with_recorded(trace, compute_kpis(trace))
    worst = max((r[3] for r in check), default=0.0)
    parts.append(html.note(f"{len(check)} KPIs recomputed from the rows agree with the run's own to {worst:.1e} "
                           "relative (largest difference)."))
    parts.append("<details><summary>All recorded KPIs</summary>" +
                 html.table(header, _kpi_rows(trace, rest)) + "</details>")
    return html.section("Summary", *parts)


def carbon_section(trace, hs, ledger):
    parts = [html.figure_png(intensity_heatmaps(hs)), "<h3>Carbon ledger</h3>",
             html.figure_png(ledger_waterfall(ledger)),
             html.table(["line", "kind", "area", "kg CO2"],
                        [(r["line"], r["kind"], r["area"] or "park-wide", r["co2_kg"]) for _, r in ledger.iterrows()] +
                        [("net", "", "", carbon.ledger_net(ledger))])]
    source = "the trace's carbon_ledger" if trace.carbon_ledger is not None else \
        "the KPIs (grid electricity and green-space sinks; the trace has no carbon_ledger)"
    parts.append(html.note(f"Ledger from {source}."))
    accounts = carbon.account_kpis(trace.kpis)
    if accounts:
        parts.append("<h3>Carbon accounts</h3>" + html.table(
            ["account", "kg CO2", "CNY energy cost", "credit kg CO2"],
            [(name, a.get("co2_kg", ""), a.get("cost_cny", ""), a.get("credit_kg_co2", ""))
             for name, a in sorted(accounts.items())]))
        parts.append(html.note("An account's CO2 and cost are its members' shares under the attribution rule "
                               "below; its credit is its EV groups' charging in the credit's tariff periods × "
                               "the credit factor."))
    return html.section("Carbon", *parts)


def attribution_section(assets, zones):
    def rows(items, with_kind):
        out = []
        for name, a in sorted(items.items(), key=lambda item: -item[1]["co2_kg"]):
            energy = (a["energy_kwh"],) if with_kind else (a["drawn_kwh"], a["generated_kwh"])
            out.append(((name, a["kind"], a["bus"]) if with_kind else (name,)) + energy +
                       (a["co2_kg"], a["cost_cny"], a["avoided_co2_kg"]))
        return out

    figures = ["kg CO2", "CNY energy cost", "kg CO2 avoided"]
    return html.section(
        "Attribution",
        html.note("Each row's imported CO2 and energy cost are shared among the assets drawing power in that row, in "
                  "proportion to their draw (line losses are an asset); renewables are credited with their delivered "
                  "energy × the emission factor in force. Demand and capacity charges are not attributed per asset."),
        html.figure_png(attribution_bars(assets, "Per asset")),
        html.table(["asset", "kind", "bus", "kWh (drawn or delivered)"] + figures, rows(assets, True)),
        html.figure_png(attribution_bars(zones, "Per zone (bus)")),
        html.table(["zone", "kWh drawn", "kWh generated"] + figures, rows(zones, False)))


def build_report(trace, factors=None):
    """The report's HTML text."""
    factors = factors if factors is not None else carbon.load_equivalences()
    hs = HourlySeries(trace)
    assets, zones = attribute(trace)
    ledger = carbon.carbon_ledger(trace)
    batteries = trace.of_kind("battery")
    soc = [html.figure_png(soc_heatmap(trace, b.name)) for b in batteries] or [html.note("No battery in this park.")]
    sections = [
        ("Summary", summary_section(trace, factors)),
        ("Energy balance", html.section("Energy balance", html.figure_png(monthly_balance(hs)))),
        ("Daily curves", html.section("Daily curves", html.figure_png(mean_days(hs)),
                                      html.figure_png(peak_day(trace, hs)))),
        ("Battery state of charge", html.section("Battery state of charge", *soc)),
        ("Carbon", carbon_section(trace, hs, ledger)),
        ("Costs", html.section("Costs", html.figure_png(cost_breakdown(trace.kpis, trace.baseline_kpis)),
                               html.note("Demand charge: each calendar month's largest mean import over the tariff's "
                                         "demand window; capacity charge: contracted kVA × months touched."))),
        ("Attribution", attribution_section(assets, zones)),
        ("EV sessions", ev_session_section(trace)),
        ("Shimen street platform", html.section("Shimen street platform",
                                                *[h + p for h, p in dashboard_parts(trace, hs, ledger, zones)])),
    ]
    a = trace.attrs
    subtitle = (f"{a.get('scenario_name', '')} — {a.get('start_iso', '')} to {a.get('end_iso', '')}, controller "
                f"{a.get('controller', '')}, seed {a.get('seed', '')}, {len(trace.rows):,} events; "
                f"trace {os.path.basename(trace.path)}")
    return html.page(f"ZeroPark report: {a.get('scenario_name', trace.path)}", subtitle, sections)


def write_report(trace, out_dir, factors=None):
    """Writes out_dir/index.html; returns (path, bytes, seconds)."""
    started = time.perf_counter()
    text = build_report(trace, factors)
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "index.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path, os.path.getsize(path), time.perf_counter() - started
