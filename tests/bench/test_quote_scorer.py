"""The PolNeAR scorer's speaker judgement (bench/eval_quotes.py): what counts as the right
named speaker. The scorer is part of what CI enforces, so its rules are tested like code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_PATH = Path(__file__).parents[2] / "bench" / "eval_quotes.py"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_quotes_under_test", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


E = _scorer()


def _judge(text: str, source: str, ours: str) -> tuple[str, bool]:
    at = text.index(source)
    gold = E.Gold(frozenset({0}), True, [(at, at + len(source))])
    pred = E.Pred(frozenset({0}), ours, None)
    return E.judge(text, pred, gold, [])


@pytest.mark.parametrize(
    ("source", "ours", "right"),
    [
        ("Esper", "Mark Esper", True),  # the last word of ours is the gold's name
        ("Ban", "Ban Ki-moon", True),  # family name first
        ("Mr. Lou", "Lou Jiwei", True),
        ("Ms. Acosta", "Melba Acosta Febo", True),  # two surnames
        ("John Kasich", "John Kerry", False),  # a shared given name is not enough
        ("Mrs. Clinton", "Mrs. Clinton struck many of the same", False),  # a phrase, no name
        ("Esper", "Mark Milley", False),
    ],
)
def test_a_named_speaker_is_right_when_it_names_the_gold_source(
    source: str, ours: str, right: bool
) -> None:
    text = f"On Monday {source} said the plan would work."
    assert _judge(text, source, ours) == ("named", right)
