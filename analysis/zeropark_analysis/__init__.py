"""ZeroPark analysis: read a run's HDF5 trace or a sweep's results, recompute the shared KPIs,
attribute CO2 and cost to assets and zones, and render self-contained HTML reports.

Only Debian's python3-h5py, -numpy, -pandas, -matplotlib are needed. See analysis/README.md.
"""

from .trace import Trace, TraceError, load_trace  # noqa: F401

__all__ = ["Trace", "TraceError", "load_trace"]
