#!/usr/bin/env bash
# Rebuilds docs/scenarios.md from docs/scenarios.md.in, the default scenario and the parameter
# tables (through `zeropark schema`), and the JSON Schemas docs/scenario.schema.json and
# docs/sweep.schema.json. Tests fail when a checked-in file is out of date.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="${1:-$here/build/sim/zeropark}"
/usr/bin/python3 - "$here" "$cli" <<'PY'
import subprocess, sys, pathlib
root, cli = pathlib.Path(sys.argv[1]), sys.argv[2]
text = (root / "docs/scenarios.md.in").read_text(encoding="utf-8")
text = text.replace("@DEFAULT_SCENARIO@", (root / "scenarios/baoshan_carbon_zero_park.yaml").read_text(encoding="utf-8"))
text = text.replace("@REFERENCE@", subprocess.run([cli, "schema"], check=True, capture_output=True, text=True).stdout)
(root / "docs/scenarios.md").write_text(text, encoding="utf-8")
PY
"$cli" schema --json > "$here/docs/scenario.schema.json"
"$cli" schema --sweep-json > "$here/docs/sweep.schema.json"
