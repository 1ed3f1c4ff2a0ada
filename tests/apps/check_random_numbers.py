"""Common random numbers: two variants that differ only by their battery see the same cars (equal
requested energy and sessions) but not the same CO2; independent ones see different cars.
Usage: check_random_numbers.py COMMON.csv INDEPENDENT.csv"""
import csv
import sys


def rows(path):
    with open(path, newline="") as f:
        table = list(csv.DictReader(f))
    assert len(table) == 2 and all(r["status"] == "ok" for r in table), table
    return table


common, independent = rows(sys.argv[1]), rows(sys.argv[2])
assert common[0]["ev_requested_kwh"] == common[1]["ev_requested_kwh"], common
assert common[0]["ev_sessions_served"] == common[1]["ev_sessions_served"], common
assert common[0]["co2_kg"] != common[1]["co2_kg"], "the battery made no difference: the test shows nothing"
assert independent[0]["ev_requested_kwh"] != independent[1]["ev_requested_kwh"], independent
print("common: the same", common[0]["ev_requested_kwh"], "kWh requested by both variants; independent:",
      independent[0]["ev_requested_kwh"], "and", independent[1]["ev_requested_kwh"])
