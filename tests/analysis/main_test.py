"""zeropark_analysis.__main__: the command line's subcommands, --help, JSON output and exit codes
(0 done, 2 bad command line, 3 bad input), run as a user would run them."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

from fixtures import fixture_traces, small_park

PYTHON = sys.executable


def run(*args):
    return subprocess.run([PYTHON, "-m", "zeropark_analysis", *args], capture_output=True, text=True)


class CommandLine(unittest.TestCase):
    def test_help_on_each_subcommand(self):
        for args in ([], ["kpis"], ["report"], ["sweep-report"]):
            with self.subTest(args=args):
                done = run(*args, "--help")
                self.assertEqual(done.returncode, 0, done.stderr)
                self.assertIn("usage:", done.stdout)

    def test_usage_errors_exit_2(self):
        for args in ([], ["frobnicate"], ["report", "x.h5"], ["kpis", "x.h5", "--frobnicate"]):
            with self.subTest(args=args):
                done = run(*args)
                self.assertEqual(done.returncode, 2)
                self.assertIn("usage:", done.stderr)

    def test_bad_input_exits_3_naming_the_file(self):
        with tempfile.TemporaryDirectory() as d:
            text_file = os.path.join(d, "notes.h5")
            with open(text_file, "w") as f:
                f.write("hello\n")
            partial = small_park(os.path.join(d, "partial.h5"), complete=0)
            cases = ((["kpis", os.path.join(d, "missing.h5")], "no such file"), (["kpis", text_file], "not an HDF5"),
                     (["report", partial, "--html", os.path.join(d, "r")], "incomplete trace"),
                     (["sweep-report", text_file, "--html", os.path.join(d, "s")], "not a sweep results CSV"))
            for args, words in cases:
                with self.subTest(args=args):
                    done = run(*args)
                    self.assertEqual(done.returncode, 3, done.stderr)
                    self.assertIn(args[1], done.stderr)
                    self.assertIn(words, done.stderr)
                    self.assertEqual(done.stdout, "")

    def test_kpis_json_has_the_reports_shape(self):
        path = next(iter(fixture_traces().values()))
        done = run("kpis", path, "--json")
        self.assertEqual(done.returncode, 0, done.stderr)
        data = json.loads(done.stdout)
        self.assertEqual(set(data), {"kpis", "assets", "zones"})
        self.assertIn("co2_kg", data["kpis"])
        for asset in data["assets"].values():
            self.assertEqual(set(asset), {"kind", "bus", "energy_kwh", "co2_kg", "cost_cny", "avoided_co2_kg"})
        for zone in data["zones"].values():
            self.assertEqual(set(zone), {"co2_kg", "cost_cny", "drawn_kwh", "generated_kwh", "avoided_co2_kg"})
        table = run("kpis", path)
        self.assertEqual(table.returncode, 0)
        self.assertRegex(table.stdout, r"co2_kg +kg +[0-9.]+ +[0-9.]+ +[0-9.e+-]+")

    def test_report_writes_index_html(self):
        with tempfile.TemporaryDirectory() as d:
            done = run("report", small_park(os.path.join(d, "park.h5")), "--html", os.path.join(d, "out"))
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertIn("index.html", done.stdout)
            self.assertTrue(os.path.getsize(os.path.join(d, "out", "index.html")) > 10000)


if __name__ == "__main__":
    unittest.main()
