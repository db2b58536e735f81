"""Grids of our own sentences: invented news sentences with known answers, crossed many ways.

Each module is one family (see its docstring for what it checks and why); ``FAMILIES`` lists
them in the order ``bench/eval_grids.py`` runs them. The sentences are ours, written in the
shape of wire copy; a pass rate here says how many of the shapes we thought of are read
right, not how accurate the reading is on real copy.
"""

from __future__ import annotations

from typing import Any

from grids import circumstances, clauses, layouts, paraphrases, shapes, subjects
from grids.common import Family

FAMILIES: tuple[Family[Any], ...] = (
    circumstances.FAMILY,
    shapes.FAMILY,
    subjects.FAMILY,
    clauses.FAMILY,
    layouts.FAMILY,
    layouts.SINGLE,
    layouts.STRAIGHT,
    layouts.WRAPPED,
    paraphrases.FAMILY,
)
