"""zeropark_analysis.attribution: per-asset and per-zone CO2 and energy cost add up to the run's
co2_kg and energy_cost_cny, and a hand-worked park splits each row in proportion to the draws."""

import os
import tempfile
import unittest

import h5py
import yaml

from fixtures import fixture_traces, small_park
from zeropark_analysis.attribution import LINE_LOSSES, attribute
from zeropark_analysis.ev_sessions import load_ev_sessions
from zeropark_analysis.trace import load_trace


def relative(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


class SumsEqualTheRunsTotals(unittest.TestCase):
    def test_assets_and_zones_add_up(self):
        for name, path in fixture_traces().items():
            with self.subTest(trace=name):
                trace = load_trace(path)
                assets, zones = attribute(trace)
                for items in (assets, zones):
                    self.assertLess(relative(sum(a["co2_kg"] for a in items.values()), trace.kpis["co2_kg"]), 1e-9)
                    self.assertLess(relative(sum(a["cost_cny"] for a in items.values()),
                                             trace.kpis["energy_cost_cny"]), 1e-9)
                self.assertNotIn("unattributed", assets, "every row with import has something drawing")
                buses = {c.bus for c in trace.components.values() if c.kind not in ("grid",)} | {LINE_LOSSES}
                self.assertLessEqual(set(zones), buses)
                for asset in assets.values():
                    if asset["kind"] in ("pv", "wind", "pvt"):
                        self.assertEqual(asset["co2_kg"], 0.0)
                        self.assertGreater(asset["avoided_co2_kg"], 0.0)


class EvSessionsAddUpToTheirGroups(unittest.TestCase):
    def test_sessions_sum_to_their_charger_groups_share(self):
        checked = 0
        for name, path in fixture_traces().items():
            trace = load_trace(path)
            sessions = load_ev_sessions(trace)
            if sessions is None:
                self.assertFalse(trace.of_kind("ev_charger"), name)
                continue
            assets, _ = attribute(trace)
            for group in trace.of_kind("ev_charger"):
                with self.subTest(trace=name, group=group.name):
                    mine = sessions[sessions.group == group.name]
                    self.assertLess(relative(mine.co2_kg.sum(), assets[group.name]["co2_kg"]), 1e-9)
                    self.assertLess(relative(mine.cost_cny.sum(), assets[group.name]["cost_cny"]), 1e-9)
                    checked += 1
            self.assertLess(relative(sessions.drawn_kwh.sum(), trace.kpis["ev_charging_kwh"]), 1e-9)
            self.assertLess(relative(sessions.v2g_kwh.sum(), trace.kpis["ev_v2g_returned_kwh"]), 1e-9)
        self.assertGreater(checked, 0, "no fixture trace has EV chargers")


class AgreesWithTheKernelsAccounts(unittest.TestCase):
    """The kernel's carbon accounts (scenario carbon_ledger.accounts) share each event's import by
    the same rule: an account's recorded CO2 and cost are the sums of its members' attributions."""

    def test_accounts(self):
        checked = 0
        for name, path in fixture_traces().items():
            trace = load_trace(path)
            with h5py.File(path) as f:
                text = f["scenario/yaml"][()] if "scenario/yaml" in f else b""
            scenario = yaml.safe_load(text.decode() if isinstance(text, bytes) else text) or {}
            accounts = (scenario.get("carbon_ledger") or {}).get("accounts") or []
            if not accounts:
                continue
            assets, _ = attribute(trace)
            for account in accounts:
                with self.subTest(trace=name, account=account["name"]):
                    members = account.get("members", [])
                    for field, kpi in (("co2_kg", "account_co2_kg."), ("cost_cny", "account_cost_cny.")):
                        recorded = trace.kpis[kpi + account["name"]]
                        ours = sum(assets[m][field] for m in members)
                        self.assertLess(relative(ours, recorded), 1e-9, f"{field}: {ours} vs {recorded}")
                    checked += 1
        if os.environ.get("ZEROPARK_ANALYSIS_TRACES"):
            self.assertGreater(checked, 0, "the fixture scenarios define carbon accounts")


class HandWorked(unittest.TestCase):
    def test_each_row_is_shared_in_proportion_to_the_draws(self):
        with tempfile.TemporaryDirectory() as d:
            assets, zones = attribute(load_trace(small_park(os.path.join(d, "park.h5"))))
        # Row CO2: 22.05, 31.875, 8 kg; row cost 18.375, 63.75, 6 CNY; draws (a, b, losses): (10, 30, 2),
        # (30, 90, 2), (20, 60, 0) kW.
        self.assertAlmostEqual(assets["load_a"]["co2_kg"], 22.05 * 10 / 42 + 31.875 * 30 / 122 + 8 * 20 / 80)
        self.assertAlmostEqual(assets["load_b"]["cost_cny"], 18.375 * 30 / 42 + 63.75 * 90 / 122 + 6 * 60 / 80)
        self.assertAlmostEqual(assets[LINE_LOSSES]["co2_kg"], 22.05 * 2 / 42 + 31.875 * 2 / 122)
        self.assertAlmostEqual(assets[LINE_LOSSES]["energy_kwh"], 2 * 0.875 + 2 * 0.625)
        self.assertAlmostEqual(assets["pv"]["avoided_co2_kg"], 20 * 0.625 * 0.5 + 40 * 0.5 * 0.4)
        self.assertAlmostEqual(assets["pv"]["energy_kwh"], 32.5)
        self.assertAlmostEqual(zones["roof"]["co2_kg"], assets["load_a"]["co2_kg"])
        self.assertAlmostEqual(zones["roof"]["avoided_co2_kg"], assets["pv"]["avoided_co2_kg"])
        self.assertNotIn("grid", assets)


if __name__ == "__main__":
    unittest.main()
