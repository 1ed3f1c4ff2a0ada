"""zeropark_analysis.report: the HTML report renders for every fixture trace and for a park without
batteries or EVs; every <img> is an embedded PNG that decodes, is not empty and has more than one
colour; nothing is fetched from outside the file."""

import base64
import io
import os
import re
import tempfile
import unittest

import matplotlib.image
import numpy as np

from fixtures import fixture_traces, small_park
from zeropark_analysis.report import write_report
from zeropark_analysis.trace import load_trace

IMG = re.compile(r"<img\b[^>]*>")
SRC = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"')


def check_images(test, text):
    images = IMG.findall(text)
    test.assertTrue(images)
    for tag in images:
        match = SRC.search(tag)
        test.assertIsNotNone(match, f"not an embedded PNG: {tag[:80]}")
        data = base64.b64decode(match.group(1), validate=True)
        test.assertTrue(data.startswith(b"\x89PNG\r\n\x1a\n"))
        pixels = matplotlib.image.imread(io.BytesIO(data), format="png")
        test.assertGreater(pixels.shape[0] * pixels.shape[1], 100 * 100)
        colours = np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)
        test.assertGreater(len(colours), 1, "a blank figure")
    return len(images)


class Renders(unittest.TestCase):
    def test_fixture_traces(self):
        for name, path in fixture_traces().items():
            with self.subTest(trace=name), tempfile.TemporaryDirectory() as out:
                trace = load_trace(path)
                index, size, seconds = write_report(trace, out)
                self.assertEqual(os.listdir(out), ["index.html"], "one self-contained file")
                with open(index, encoding="utf-8") as f:
                    text = f.read()
                self.assertNotRegex(text, r"<script|<link|src=\"(?!data:)|url\(")
                for title in ("Summary", "Energy balance", "Daily curves", "Battery state of charge", "Carbon ledger",
                              "Costs", "Attribution", "Shimen street platform", "Charging-pile hours", "Trends"):
                    self.assertIn(title, text)
                for component in trace.components.values():
                    if component.kind in ("load", "pv", "battery", "ev_charger"):
                        self.assertIn(component.name, text)
                n = check_images(self, text)
                self.assertGreaterEqual(n, 9)
                self.assertLess(size, 3e6)
                if trace.of_kind("ev_charger"):
                    self.assertNotIn("No EV chargers", text)
                    self.assertNotIn("No EV sessions", text)
                    self.assertIn("kg CO2/kWh", text)  # the EV sessions' summary table

    def test_a_park_without_battery_or_ev_says_so_in_a_line(self):
        with tempfile.TemporaryDirectory() as out:
            trace = load_trace(small_park(os.path.join(out, "park.h5")))
            index, _, _ = write_report(trace, os.path.join(out, "report"))
            with open(index, encoding="utf-8") as f:
                text = f.read()
        self.assertIn("No battery in this park.", text)
        self.assertIn("No EV chargers in this park", text)
        check_images(self, text)

    def test_the_traces_own_ledger_and_accounts_are_shown(self):
        ledger = {"line": ["grid electricity", "lawn", "refrigerators", "forum offset"],
                  "kind": ["emission", "sink", "recycling", "offset"], "area": ["", "north", "office", ""],
                  "co2_kg": [71.6, -5.0, -59.63, -20.0]}
        with tempfile.TemporaryDirectory() as out:
            path = small_park(os.path.join(out, "park.h5"), ledger=ledger,
                              kpis={"co2_kg": 61.925, "account_co2_kg.office": 15.1,
                                    "account_credit_kg_co2.office": 59.63})
            index, _, _ = write_report(load_trace(path), os.path.join(out, "report"))
            with open(index, encoding="utf-8") as f:
                text = f.read()
        self.assertIn("Ledger from the trace&#x27;s carbon_ledger", text)
        for word in ("refrigerators", "forum offset", "Carbon accounts", "office", '<td class="n">-13.0</td>'):
            self.assertTrue(word in text, word)  # -13.03 kg: the ledger's net
        check_images(self, text)


if __name__ == "__main__":
    unittest.main()
