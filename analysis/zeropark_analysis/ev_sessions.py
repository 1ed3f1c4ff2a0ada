"""EV sessions from a trace's ev_sessions table: what each car asked for and drew, and its share of
the imports' CO2 and cost (its charger group's share by the attribution rule, split by what each car
drew). The report's section ranks the sessions and shows how clean each kWh was."""

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from . import html  # noqa: E402

COLUMNS = ("session", "arrival_s", "departure_s", "requested_kwh", "drawn_kwh", "v2g_kwh", "co2_kg", "cost_cny")


def load_ev_sessions(trace):
    """The sessions as a DataFrame (arrival and departure as timestamps), or None without chargers."""
    with h5py.File(trace.path, "r") as f:
        if "ev_sessions" not in f:
            return None
        g = f["ev_sessions"]
        frame = pd.DataFrame({"group": g["group"].asstr()[()], **{c: g[c][()] for c in COLUMNS}})
    frame["arrival"] = trace.start + pd.to_timedelta(frame.arrival_s, unit="s")
    frame["departure"] = trace.start + pd.to_timedelta(frame.departure_s, unit="s")
    return frame


def intensity_histogram(sessions):
    """kg CO2 per kWh each session drew, per charger group: low for cars charged from the park's PV."""
    fig, ax = plt.subplots(figsize=(8, 3.4))
    drew = sessions[sessions.drawn_kwh > 1e-6]
    for group, rows in drew.groupby("group"):
        ax.hist(rows.co2_kg / rows.drawn_kwh, bins=30, alpha=0.6, label=f"{group} ({len(rows):,})")
    ax.set_xlabel("kg CO2 per kWh drawn")
    ax.set_ylabel("sessions")
    ax.set_title("How clean each session's charging was")
    ax.legend(fontsize=8)
    return fig


def ev_session_section(trace, top=15):
    sessions = load_ev_sessions(trace)
    if sessions is None or sessions.empty:
        return html.section("EV sessions", html.note("No EV sessions in this park."))
    totals = sessions.groupby("group")[["drawn_kwh", "v2g_kwh", "co2_kg", "cost_cny"]].sum()
    summary = [(g, int((sessions.group == g).sum()), r.drawn_kwh, r.v2g_kwh, r.co2_kg, r.cost_cny,
                r.co2_kg / r.drawn_kwh if r.drawn_kwh > 0 else 0.0) for g, r in totals.iterrows()]
    worst = sessions.sort_values("co2_kg", ascending=False).head(top)
    rows = [(r.group, int(r.session), r.arrival.strftime("%Y-%m-%d %H:%M"), r.departure.strftime("%Y-%m-%d %H:%M"),
             r.requested_kwh, r.drawn_kwh, r.v2g_kwh, r.co2_kg, r.cost_cny) for r in worst.itertuples()]
    return html.section(
        "EV sessions",
        html.note("Each session's CO2 and cost are its charger group's share of the imports (the attribution rule), "
                  "split among the group's cars by what each drew; a car giving energy back takes none."),
        html.table(["group", "sessions", "kWh drawn", "kWh V2G", "kg CO2", "CNY", "kg CO2/kWh"], summary),
        html.figure_png(intensity_histogram(sessions)),
        html.table(["group", "session", "arrival", "departure", "kWh asked", "kWh drawn", "kWh V2G", "kg CO2", "CNY"],
                   rows))
