"""Grids of our own sentences: how many of the statement shapes we wrote down read right.

    PYTHONPATH=src .venv/bin/python bench/eval_grids.py [--family NAME ...] [-v]

Each family in ``bench/grids/`` crosses ways of writing a speaker, a cue, a clause or a
layout into invented sentences whose answer is known (direct statement found, its speaker,
its extent), and checks Storywatch's reading of each (``storywatch.understand``). Per family
it prints the cases checked, the failures and the pass rate; ``-v`` lists the failures
grouped by cause (``MISS``, ``SPEAKER``, ``END-LONG`` …). The last line is the headline:
``pass_rate`` over every case run, each family's pass rate by its name, ``cases`` and
``failed``. Floors on each family's pass rate are in ``bench/floors.toml``.

What it can say: that a shape we thought of is read right, and that it stays so. What it
cannot: accuracy on real copy (that is ``eval_quotes.py`` on PolNeAR), nor anything about
shapes nobody wrote into a grid.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from grids import FAMILIES
from grids.common import Case, Failure, Family


@dataclass
class Result:
    """One family's run: how many cases were checked and which failed, and how long it took."""

    name: str
    checked: int = 0
    failures: list[tuple[Case, Failure]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def pass_rate(self) -> float:
        return 1 - len(self.failures) / self.checked if self.checked else 0.0


def evaluate(family: Family[Any]) -> Result:
    """Read every case of ``family`` and keep the failures."""
    started = time.monotonic()
    result = Result(family.name)
    for case in family.cases():
        result.checked += 1
        failure = family.check(case)
        if failure is not None:
            result.failures.append((case, failure))
    result.seconds = time.monotonic() - started
    return result


def summary(result: Result) -> str:
    """One line per family: checked, failed, pass rate, time."""
    return (
        f"{result.name}: checked {result.checked}, failed {len(result.failures)}, "
        f"pass rate {result.pass_rate:.4f} ({result.seconds:.1f}s)"
    )


def failures_by_cause(result: Result) -> list[str]:
    """The failures grouped by cause, the largest group first."""
    groups: dict[str, list[tuple[Case, Failure]]] = defaultdict(list)
    for case, failure in result.failures:
        groups[failure.cause].append((case, failure))
    lines = []
    for cause, group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"  == {cause}: {len(group)}")
        for case, failure in group:
            shown = case.text.replace("\n", " / ")
            lines.append(
                f"    [{case.label}] {shown}"
                + (f"  ->  {failure.detail}" if failure.detail else "")
            )
    return lines


def headline(results: Sequence[Result]) -> str:
    """The last line: overall pass rate, each family's, the cases and failures counted."""
    cases = sum(r.checked for r in results)
    failed = sum(len(r.failures) for r in results)
    overall = 1 - failed / cases if cases else 0.0
    rates = " ".join(f"{r.name}={r.pass_rate:.4f}" for r in results)
    return f"pass_rate={overall:.4f} {rates} cases={cases} failed={failed}"


def main(argv: Sequence[str] | None = None, families: Sequence[Family[Any]] = FAMILIES) -> int:
    names = [f.name for f in families]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--family", action="append", choices=names, help="run only these")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the failures")
    args = parser.parse_args(argv)
    chosen = [f for f in families if not args.family or f.name in args.family]
    results = []
    for family in chosen:
        result = evaluate(family)
        results.append(result)
        print(summary(result))
        if args.verbose:
            print("\n".join(failures_by_cause(result)))
    print(headline(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
