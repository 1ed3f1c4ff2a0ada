"""Command line: python3 -m zeropark_analysis {kpis,report,sweep-report} ...

Exit codes: 0 done, 2 bad command line, 3 bad input (missing, unreadable or incomplete file)."""

import argparse
import json
import sys

USAGE_ERROR = 2
INPUT_ERROR = 3


def _parser():
    parser = argparse.ArgumentParser(prog="python3 -m zeropark_analysis",
                                     description="Analyse ZeroPark traces and sweep results.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    kpis = commands.add_parser("kpis", help="recompute the shared KPIs and the attribution of a trace",
                               description="Recompute the shared KPI set from a trace's rows, with the recorded "
                                           "value and their relative difference; --json adds the attribution per "
                                           "asset and per zone (the shape of `zeropark report --json`).")
    kpis.add_argument("trace", metavar="TRACE.h5")
    kpis.add_argument("--json", action="store_true", help="print JSON {kpis, assets, zones} instead of a table")
    report = commands.add_parser("report", help="write an HTML report of a trace",
                                 description="Write DIR/index.html: one self-contained page (figures embedded).")
    report.add_argument("trace", metavar="TRACE.h5")
    report.add_argument("--html", required=True, metavar="DIR", help="folder for index.html (created)")
    report.add_argument("--equivalences", metavar="CSV", help="equivalence factors (default: "
                                                              "assets/carbon/equivalences.csv)")
    sweep = commands.add_parser("sweep-report", help="write an HTML report of a sweep's results",
                                description="Write DIR/index.html with KPI distributions, sensitivity (Spearman) and "
                                            "the Pareto front of two KPIs (both minimised).")
    sweep.add_argument("results", metavar="RESULTS", help="the CSV or HDF5 file `zeropark sweep` wrote")
    sweep.add_argument("--html", required=True, metavar="DIR", help="folder for index.html (created)")
    sweep.add_argument("--x", default="net_cost_cny", help="first Pareto objective (default net_cost_cny)")
    sweep.add_argument("--y", default="co2_kg", help="second Pareto objective (default co2_kg)")
    return parser


def _kpis(args):
    from .attribution import attribute
    from .kpis import KPI_DEFINITIONS, compute_kpis, recorded_value, relative_difference
    from .trace import load_trace

    trace = load_trace(args.trace)
    computed = compute_kpis(trace)
    if args.json:
        assets, zones = attribute(trace)
        json.dump({"kpis": computed, "assets": assets, "zones": zones}, sys.stdout, indent=1)
        print()
        return 0
    print(f"{'KPI':28} {'unit':6} {'recomputed':>18} {'recorded':>18} {'rel. diff':>9}")
    for key, value in computed.items():
        recorded = recorded_value(trace.kpis, key)
        shown = "" if recorded is None else f"{recorded:18.6f}"
        diff = "" if recorded is None else f"{relative_difference(value, recorded):9.1e}"
        print(f"{key:28} {KPI_DEFINITIONS[key][0]:6} {value:18.6f} {shown:>18} {diff:>9}")
    return 0


def _report(args):
    from .carbon import load_equivalences
    from .report import write_report
    from .trace import load_trace

    factors = load_equivalences(args.equivalences)
    path, size, seconds = write_report(load_trace(args.trace), args.html, factors)
    print(f"report: {path} ({size / 1e6:.2f} MB, {seconds:.1f} s)")
    return 0


def _sweep_report(args):
    from .sweep import load_results
    from .sweep_report import write_sweep_report

    path = write_sweep_report(load_results(args.results), args.html, args.x, args.y)
    print(f"sweep report: {path}")
    return 0


def main(argv=None):
    args = _parser().parse_args(argv)  # exits 2 on a usage error, 0 on --help
    from .carbon import EquivalenceError
    from .sweep import SweepError
    from .trace import TraceError

    try:
        return {"kpis": _kpis, "report": _report, "sweep-report": _sweep_report}[args.command](args)
    except (TraceError, SweepError, EquivalenceError) as error:
        print(f"error: {error}", file=sys.stderr)
        return INPUT_ERROR
    except OSError as error:  # e.g. the output folder cannot be written
        print(f"error: {error}", file=sys.stderr)
        return INPUT_ERROR


if __name__ == "__main__":
    sys.exit(main())
