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


_TEXT = (
    "Editor's note: “Read part one here,” the desk wrote.\n"
    "“We will build it,” Okafor said. “And we will pay for it.”\n"
)


def _ann(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "doc_4e07.ann"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _span(part: str) -> str:
    at = _TEXT.index(part)
    return f"{at} {at + len(part)}"


def test_content2_is_the_rest_of_the_same_quotation(tmp_path: Path) -> None:
    first, second = "“We will build it,”", "“And we will pay for it.”"
    ann = _ann(
        tmp_path,
        [
            f"T1\tContent {_span(first)}\t{first}",
            f"T2\tSource {_span('Okafor')}\tOkafor",
            f"T3\tCue {_span('said')}\tsaid",
            f"T4\tContent {_span(second)}\t{second}",
            "E1\tAttribution:T5 Cue:T3 Source:T2 Content:T1 Content2:T4",
        ],
    )
    golds = E.direct_quotes(_TEXT, ann)
    assert len(golds) == 1
    words = [m.group() for m in E._WORD.finditer(_TEXT)]
    shown = " ".join(words[i] for i in sorted(golds[0].tokens))
    assert shown == "We will build it And we will pay for it"


def test_a_prediction_inside_a_discarded_span_is_not_scored(tmp_path: Path) -> None:
    note = "Editor's note: “Read part one here,” the desk wrote."
    ann = _ann(tmp_path, [f"T1\tDiscard {_span(note)}\t{note}"])
    preds, _ = E.predict(_TEXT)
    kept = E.outside_discarded(_TEXT, ann, preds)
    words = [m.group() for m in E._WORD.finditer(_TEXT)]
    shown = [" ".join(words[i] for i in sorted(p.tokens)) for p in kept]
    assert len(preds) == len(kept) + 1  # the note's quotation is read, then left unscored
    assert "Read part one here" not in shown
    assert any(s.startswith("We will build it") for s in shown)


def test_a_document_read_in_single_marks_is_scored_on_its_own_words() -> None:
    # --marks single: the statements read in the rewrite, as tokens of the original text.
    as_written, _ = E.predict(_TEXT)
    in_single, _ = E.predict(_TEXT, "direct", E.as_single_marks(_TEXT))
    assert [p.tokens for p in in_single] == [p.tokens for p in as_written]
    assert [p.speaker for p in in_single] == [p.speaker for p in as_written]


@pytest.mark.parametrize(
    ("source", "ours", "span_overlaps"),
    [
        ("The report published Tuesday", "The report", True),
        ("A Monmouth poll out Monday", "A Monmouth poll", True),
        ("A study by Ann Vale and Ian Pole", "A study", True),
        ("The report published Tuesday", "Ian Pole", False),
    ],
)
def test_a_description_with_a_name_in_its_modifiers_is_judged_as_a_description(
    source: str, ours: str, span_overlaps: bool
) -> None:
    # Its head is a common noun ("report", "poll", "study"), so the speaker is right when
    # it is the phrase the gold marks (span overlap), not when it names a modifier's name.
    text = f"On Monday {source} found that the plan would work. Ian Pole spoke later."
    at = text.index(source)
    gold = E.Gold(frozenset({0}), True, [(at, at + len(source))])
    where = text.index(ours) if span_overlaps else text.rindex(ours)
    pred = E.Pred(frozenset({0}), ours, (where, where + len(ours)))
    assert E.judge(text, pred, gold, []) == ("description", span_overlaps)


@pytest.mark.parametrize(
    "source", ["the Washington Free Beacon", "the mayor, Dana Okafor", "The Rev. Al Sharpton"]
)
def test_a_capitalised_head_or_an_appositive_name_is_still_judged_by_name(source: str) -> None:
    text = f"On Monday {source} said the plan would work."
    assert _judge(text, source, "someone else")[0] == "named"
