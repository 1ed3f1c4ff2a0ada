"""Carbon equivalences (standard coal, trees, cars) and the park's carbon ledger.

Equivalence factors come from assets/carbon/equivalences.csv, one row per factor with its
published source; a factor whose source could not be traced is marked INDICATIVE there and in
every output that uses it.

The ledger lists what the park emits and removes, one line each, with co2_kg > 0 emitted and < 0
removed, avoided or offset; its sum is the net. A trace with a `carbon_ledger` group (the kernel's
carbon accounts) is used as recorded; otherwise it is built from the KPIs: grid electricity
(co2_kg) and green-space sinks (−carbon_sink_co2_kg).
"""

import csv
import os

import pandas as pd

DEFAULT_EQUIVALENCES = os.path.join(os.path.dirname(__file__), "..", "..", "assets", "carbon", "equivalences.csv")
LEDGER_KINDS = ("emission", "sink", "recycling", "offset")


class EquivalenceError(Exception):
    pass


def load_equivalences(path=None):
    """{key: {value, unit, description, source, status}} from the CSV."""
    path = os.path.normpath(path or DEFAULT_EQUIVALENCES)
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    except OSError as error:
        raise EquivalenceError(f"{path}: {error.strerror}") from None
    table = {}
    for line, row in enumerate(rows, start=2):
        try:
            table[row["key"]] = {"value": float(row["value"]), "unit": row["unit"], "description": row["description"],
                                 "source": row["source"], "status": row["status"]}
        except (KeyError, TypeError, ValueError) as error:
            raise EquivalenceError(f"{path}:{line}: bad row ({error})") from None
    return table


def equivalences(co2_kg, electricity_kwh, factors):
    """What a mass of CO2 and an amount of electricity amount to, as rows
    (label, value, unit, factor keys, INDICATIVE or PUBLISHED)."""
    rows = []

    def add(label, value, unit, keys):
        status = "INDICATIVE" if any(factors[k]["status"] != "PUBLISHED" for k in keys) else "PUBLISHED"
        rows.append((label, value, unit, ", ".join(keys), status))

    f = {k: v["value"] for k, v in factors.items()}
    if "electricity_coal_equivalent_kgce_per_kwh" in f:
        add("Electricity as standard coal (calorific)",
            electricity_kwh * f["electricity_coal_equivalent_kgce_per_kwh"] / 1000, "tce",
            ["electricity_coal_equivalent_kgce_per_kwh"])
    if "supply_coal_consumption_gce_per_kwh" in f:
        add("Coal a thermal plant burns for it", electricity_kwh * f["supply_coal_consumption_gce_per_kwh"] / 1e6,
            "tce", ["supply_coal_consumption_gce_per_kwh"])
    if "co2_per_tonne_standard_coal_kg" in f:
        add("CO2 as standard coal burned", co2_kg / f["co2_per_tonne_standard_coal_kg"], "tce",
            ["co2_per_tonne_standard_coal_kg"])
    if "tree_uptake_kg_co2_per_year" in f:
        add("CO2 as trees' yearly uptake", co2_kg / f["tree_uptake_kg_co2_per_year"], "tree-years",
            ["tree_uptake_kg_co2_per_year"])
    if "car_emissions_kg_co2_per_year" in f:
        add("CO2 as cars' yearly emissions", co2_kg / f["car_emissions_kg_co2_per_year"], "car-years",
            ["car_emissions_kg_co2_per_year"])
    return rows


def carbon_ledger(trace):
    """DataFrame (line, kind, area, co2_kg); the last row is not the net: use ledger_net()."""
    if trace.carbon_ledger is not None:
        return trace.carbon_ledger.copy()
    rows = [("grid electricity", "emission", "", trace.kpis.get("co2_kg", 0.0))]
    sink = trace.kpis.get("carbon_sink_co2_kg", 0.0)
    if sink:
        rows.append(("green space", "sink", "", -sink))
    return pd.DataFrame(rows, columns=["line", "kind", "area", "co2_kg"])


def ledger_net(ledger):
    return float(ledger["co2_kg"].sum())


def account_kpis(kpis):
    """Per-account KPIs when the kernel's carbon accounts recorded them:
    {name: {"co2_kg": ..., "cost_cny": ..., "credit_kg_co2": ...}} (the fields the run recorded)."""
    accounts = {}
    for key, value in kpis.items():
        for prefix, field in (("account_co2_kg.", "co2_kg"), ("account_cost_cny.", "cost_cny"),
                              ("account_credit_kg_co2.", "credit_kg_co2")):
            if key.startswith(prefix):
                accounts.setdefault(key[len(prefix):], {})[field] = value
    return accounts
