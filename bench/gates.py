"""Quality gates: run each evaluation and fail when a headline figure drops below its floor.

Floors live in ``bench/floors.toml`` and are only ever raised: a change that makes a score
worse fails CI. Each evaluation prints ``name=value`` pairs on its last line; the gate reads
the named metric from there. ``{data}`` in a command is the shared data folder
(``$STORYWATCH_DATA`` or ``../shared/data``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("STORYWATCH_DATA", ROOT.parent / "shared" / "data"))
PAIR = re.compile(r"([A-Za-z_][\w.]*)=([-+]?\d+(?:\.\d+)?)")


def last_line_metrics(output: str) -> dict[str, float]:
    lines = [ln for ln in output.strip().splitlines() if ln.strip()]
    return {k: float(v) for k, v in PAIR.findall(lines[-1])} if lines else {}


def main() -> int:
    floors = tomllib.loads((ROOT / "bench" / "floors.toml").read_text())
    if not DATA.exists():
        print(f"shared data not found at {DATA}; set STORYWATCH_DATA", file=sys.stderr)
        return 2
    failed = 0
    # several gates read different figures from one evaluation: run each command once
    runs: dict[tuple[str, ...], tuple[subprocess.CompletedProcess[str], float]] = {}
    for gate in floors.get("gate", []):
        cmd = [sys.executable, *(part.replace("{data}", str(DATA)) for part in gate["command"])]
        if tuple(cmd) not in runs:
            started = time.monotonic()
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
            runs[tuple(cmd)] = (done, time.monotonic() - started)
        proc, took = runs[tuple(cmd)]
        metrics = last_line_metrics(proc.stdout)
        value = metrics.get(gate["metric"])
        ok = proc.returncode == 0 and value is not None and value >= gate["floor"]
        shown = "missing" if value is None else f"{value:.4f}"
        print(
            f"{'PASS' if ok else 'FAIL'}  {gate['name']}: {gate['metric']}={shown} "
            f"(floor {gate['floor']}, {took:.0f}s)"
        )
        if not ok:
            failed += 1
            print(proc.stdout[-2000:], proc.stderr[-4000:], sep="\n", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
