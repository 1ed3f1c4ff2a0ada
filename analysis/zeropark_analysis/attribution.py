"""Who caused the emissions and the energy bill: the attribution rule shared with the C++ report
and the kernel's carbon accounts.

In each row, the draws are every electric component with power_kw < 0 (loads, data centres, heat
pumps, chillers, electrolysers, EV groups charging, batteries charging), each drawing −power_kw,
plus a pseudo-asset `line_losses` drawing Σ over lines (sent_kw − received_kw). The row's
emissions (import kW × carbon_kg_per_kwh × hours) and energy cost (import × price × hours) are
shared among its draws in proportion to their draw, so the assets' sums are co2_kg and
energy_cost_cny exactly. Why proportional to the draw in the same row: an asset is charged for the
grid energy it made the park import at that time, not an annual average, which keeps time-of-use
prices and hourly emission factors meaningful per asset. A battery charging from the grid carries
that CO2 and cost; its later discharge lowers the others' draws on the grid — the credit shows as
less import, not as a negative entry. Demand and capacity charges are not attributed (a monthly
peak has no fair per-asset share). Renewable generators (pv, wind, pvt) get avoided_co2_kg = energy
delivered × the factor in force (location-based displacement). A zone is a bus: its figures are the
sums over the components whose `bus` names it; line losses are their own zone.
"""

import numpy as np

from .kpis import grid_flows
from .trace import ELECTRIC_GENERATORS, ELECTRIC_KINDS

LINE_LOSSES = "line_losses"
# Import in rows with nothing drawing (cannot happen in a balanced park) is kept visible, not lost.
UNATTRIBUTED = "unattributed"


def _line_losses_kw(trace):
    loss = np.zeros(len(trace.rows))
    for line in trace.lines:
        loss += trace.rows[f"lines/{line}.sent_kw"].to_numpy() - trace.rows[f"lines/{line}.received_kw"].to_numpy()
    return loss


def attribute(trace):
    """Returns (assets, zones) as dicts like the C++ `zeropark report --json`:
    assets[name] = {kind, bus, energy_kwh, co2_kg, cost_cny, avoided_co2_kg}
    (energy_kwh: drawn for consumers and storage, delivered for generators)
    zones[bus] = {co2_kg, cost_cny, drawn_kwh, generated_kwh, avoided_co2_kg}."""
    import_kw, _, price, carbon = grid_flows(trace)
    hours = trace.hours
    electric = [c for c in trace.components.values() if c.kind in ELECTRIC_KINDS and c.kind != "grid"]
    names = [c.name for c in electric] + ([LINE_LOSSES] if trace.lines else [])
    draws_kw = [np.maximum(-trace.column(c.name, "power_kw"), 0.0) for c in electric]
    if trace.lines:
        draws_kw.append(np.maximum(_line_losses_kw(trace), 0.0))
    draws_kw = np.array(draws_kw).reshape(len(names), len(hours))
    total_kw = draws_kw.sum(axis=0)
    import_kwh = import_kw * hours
    row_co2_kg = import_kwh * carbon
    row_cost_cny = import_kwh * price
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total_kw > 0, draws_kw / np.where(total_kw > 0, total_kw, 1.0), 0.0)
    co2_kg = share @ row_co2_kg
    cost_cny = share @ row_cost_cny
    drawn_kwh = draws_kw @ hours

    assets = {}
    for i, name in enumerate(names):
        component = trace.components.get(name)
        kind = component.kind if component else LINE_LOSSES
        bus = component.bus if component else LINE_LOSSES
        energy_kwh = float(drawn_kwh[i])
        avoided = 0.0
        if kind in ELECTRIC_GENERATORS:
            delivered_kw = np.maximum(trace.column(name, "power_kw"), 0.0)
            energy_kwh = float(np.sum(delivered_kw * hours))
            avoided = float(np.sum(delivered_kw * hours * carbon))
        assets[name] = {"kind": kind, "bus": bus, "energy_kwh": energy_kwh, "co2_kg": float(co2_kg[i]),
                        "cost_cny": float(cost_cny[i]), "avoided_co2_kg": avoided}
    orphan = total_kw <= 0
    if np.any(orphan & (import_kwh > 0)):
        assets[UNATTRIBUTED] = {"kind": UNATTRIBUTED, "bus": UNATTRIBUTED,
                                "energy_kwh": float(np.sum(import_kwh[orphan])),
                                "co2_kg": float(np.sum(row_co2_kg[orphan])),
                                "cost_cny": float(np.sum(row_cost_cny[orphan])), "avoided_co2_kg": 0.0}
    return assets, zones_of(assets)


def zones_of(assets):
    """Sums the assets' figures per bus, keeping what its consumers drew apart from what its
    renewables generated (their sum would describe neither)."""
    zones = {}
    for a in assets.values():
        z = zones.setdefault(a["bus"], {"co2_kg": 0.0, "cost_cny": 0.0, "drawn_kwh": 0.0, "generated_kwh": 0.0,
                                        "avoided_co2_kg": 0.0})
        for key in ("co2_kg", "cost_cny", "avoided_co2_kg"):
            z[key] += a[key]
        z["generated_kwh" if a["kind"] in ELECTRIC_GENERATORS else "drawn_kwh"] += a["energy_kwh"]
    return zones
