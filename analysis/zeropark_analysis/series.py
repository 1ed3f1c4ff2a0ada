"""The park-level hourly series the report's figures share: on-site generation by kind, import,
export, consumption (what the park's consumers drew), battery SOC, emission factor and imported CO2.
"""

import numpy as np
import pandas as pd

from .kpis import grid_flows
from .resample import hourly_energy_kwh, hourly_mean

CONSUMER_KINDS = ("load", "data_centre", "heat_pump", "chiller", "electrolyser", "ev_charger")


def consumption_kw(trace):
    """Per-row power the consumers drew (EV groups: charging net of V2G, never below 0)."""
    total = np.zeros(len(trace.rows))
    for c in trace.of_kind(*CONSUMER_KINDS):
        total += np.maximum(-trace.column(c.name, "power_kw"), 0.0)
    return total


def generation_kw(trace, kind):
    total = np.zeros(len(trace.rows))
    for c in trace.of_kind(kind):
        total += np.maximum(trace.column(c.name, "power_kw"), 0.0)
    return total


class HourlySeries:
    """Hourly energies (kWh per hour = mean kW) of the park, computed once per report."""

    def __init__(self, trace):
        import_kw, export_kw, price, carbon = grid_flows(trace)
        self.generation = {kind: hourly_energy_kwh(trace, generation_kw(trace, kind))
                           for kind in ("pv", "wind", "pvt") if trace.of_kind(kind)}
        self.import_kwh = hourly_energy_kwh(trace, import_kw)
        self.export_kwh = hourly_energy_kwh(trace, export_kw)
        self.consumption_kwh = hourly_energy_kwh(trace, consumption_kw(trace))
        self.carbon_kg_per_kwh = hourly_mean(trace, carbon)
        self.import_co2_kg = hourly_energy_kwh(trace, import_kw * carbon)
        self.battery_kw = hourly_energy_kwh(trace, sum((trace.column(c.name, "power_kw")
                                                       for c in trace.of_kind("battery")), np.zeros(len(trace.rows))))
        self.onsite_kwh = sum(self.generation.values(), pd.Series(0.0, index=self.import_kwh.index))
        avoided = np.zeros(len(trace.rows))
        for kind in ("pv", "wind", "pvt"):
            avoided += generation_kw(trace, kind) * carbon
        self.avoided_co2_kg = hourly_energy_kwh(trace, avoided)
