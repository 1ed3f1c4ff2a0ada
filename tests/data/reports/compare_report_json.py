"""Compares two `report --json` objects ({"kpis", "assets", "zones"}) number by number.

Usage: compare_report_json.py CPP.json PYTHON.json
Fails (exit 1), listing every difference, when a key is on one side only, a string differs, or
two numbers differ by more than 1e-9 of the larger magnitude.
"""
import json
import math
import sys


def differs(a, b):
    if a == b:
        return False
    if a is None or b is None or not (math.isfinite(a) and math.isfinite(b)):
        return True
    return abs(a - b) > 1e-9 * max(abs(a), abs(b))


def compare(path, a, b, problems, counter):
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                problems.append("%s/%s: only in the %s output" % (path, key, "C++" if key in a else "Python"))
            else:
                compare(path + "/" + key, a[key], b[key], problems, counter)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) or a is None or b is None:
        counter[0] += 1
        if differs(a, b):
            problems.append("%s: C++ %r, Python %r" % (path, a, b))
    elif a != b:
        problems.append("%s: C++ %r, Python %r" % (path, a, b))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cpp = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        python = json.load(f)
    problems, counter = [], [0]
    compare("", cpp, python, problems, counter)
    for p in problems:
        print(p)
    print("%d numbers compared, %d problems" % (counter[0], len(problems)))
    return 1 if problems or counter[0] == 0 else 0


sys.exit(main())
