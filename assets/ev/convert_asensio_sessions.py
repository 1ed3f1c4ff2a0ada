#!/usr/bin/python3
"""Convert the Asensio et al. (2021) workplace charging sessions to ZeroPark's session CSV.

Input: station_data_dataverse.csv (Harvard Dataverse doi:10.7910/DVN/QF1PMO; see PROVENANCE.md).
Output: a CSV with the columns arrival,departure,energy_kwh that
sim/src/components/ev_sessions.h reads.

What the conversion does, and nothing more:
  * `created` -> arrival, `ended` -> departure, `kwhTotal` -> energy_kwh (its text is kept, so
    the energies are exact to the source's 0.01 kWh);
  * the source writes the years 2014 and 2015 as "0014" and "0015": they become 2014 and 2015
    (the source's `weekday` column agrees with the 2014/2015 calendar, which the script checks);
  * rows are sorted by arrival, then departure, then sessionId, so the output is stable.
No session is dropped or altered: the script stops if any row fails a check.

Usage: convert_asensio_sessions.py station_data_dataverse.csv asensio_workplace_sessions.csv
"""
import csv
import datetime
import sys

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def fix_year(stamp):
    # "0014-11-18 15:40:26" -> "2014-11-18 15:40:26"; anything else is unexpected.
    if len(stamp) != 19 or not stamp.startswith("00"):
        raise ValueError("unexpected time stamp %r" % stamp)
    return "20" + stamp[2:]


def parse(stamp):
    return datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")


def main(source, target):
    with open(source, newline="") as f:
        rows = list(csv.DictReader(f))
    sessions = []
    seen = set()
    for line, row in enumerate(rows, start=2):
        arrival = fix_year(row["created"])
        departure = fix_year(row["ended"])
        a, d = parse(arrival), parse(departure)
        energy = row["kwhTotal"]
        if not d > a:
            raise ValueError("line %d: departure not after arrival" % line)
        if float(energy) < 0:
            raise ValueError("line %d: negative energy" % line)
        if WEEKDAYS[a.weekday()] != row["weekday"]:
            raise ValueError("line %d: weekday %s does not match %s" % (line, row["weekday"], arrival))
        if row["sessionId"] in seen:
            raise ValueError("line %d: duplicate sessionId" % line)
        seen.add(row["sessionId"])
        sessions.append((a, d, int(row["sessionId"]), arrival, departure, energy))
    sessions.sort(key=lambda s: (s[0], s[1], s[2]))
    with open(target, "w", newline="") as f:
        f.write("arrival,departure,energy_kwh\n")
        for s in sessions:
            f.write("%s,%s,%s\n" % (s[3], s[4], s[5]))
    total_kwh = sum(round(float(s[5]) * 100) for s in sessions) / 100
    print("%d sessions, %.2f kWh, %s .. %s" % (len(sessions), total_kwh, sessions[0][3], sessions[-1][3]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
