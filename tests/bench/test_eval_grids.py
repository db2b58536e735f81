"""The grids runner (bench/eval_grids.py) and the checks of its families (bench/grids/):
the headline CI's gates read, and that a right reading passes and a wrong one fails with
the cause named."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

_BENCH = Path(__file__).parents[2] / "bench"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", _BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


E = _load("eval_grids")  # puts bench/ on the path, so the grids import below
G = _load("gates")

from grids.clauses import SUBJECTS as CLAUSE_SUBJECTS  # noqa: E402
from grids.clauses import ClauseCase, build, normalised  # noqa: E402
from grids.clauses import check as check_clause  # noqa: E402
from grids.common import Failure, Family, SpeakerCase, check_speaker, reads_as_copy  # noqa: E402
from grids.layouts import LayoutCase, as_single  # noqa: E402
from grids.layouts import check as check_layout  # noqa: E402
from grids.paraphrases import CLAUSES as PARA_CLAUSES  # noqa: E402
from grids.paraphrases import SUBJECTS as PARA_SUBJECTS  # noqa: E402
from grids.paraphrases import ParaCase  # noqa: E402
from grids.paraphrases import build as build_paraphrase  # noqa: E402
from grids.paraphrases import check as check_paraphrase  # noqa: E402


@dataclass(frozen=True)
class _Tiny:
    label: str
    text: str


def _tiny_check(case: _Tiny) -> Failure | None:
    return None if "good" in case.text else Failure("BAD", case.text)


TINY = Family(
    "tiny",
    "two cases, one failing",
    lambda: [_Tiny("a", "a good case"), _Tiny("b", "a poor case")],
    _tiny_check,
)
OTHER = Family("other", "never run here", lambda: [_Tiny("c", "good")], _tiny_check)


def test_headline_is_the_last_line_and_gates_read_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert E.main(["--family", "tiny"], families=[TINY, OTHER]) == 0
    out = capsys.readouterr().out
    assert "tiny: checked 2, failed 1, pass rate 0.5000" in out
    assert "other" not in out  # --family runs only the one named
    metrics = G.last_line_metrics(out)
    assert metrics == {"pass_rate": 0.5, "tiny": 0.5, "cases": 2.0, "failed": 1.0}


def test_verbose_lists_failures_by_cause(capsys: pytest.CaptureFixture[str]) -> None:
    E.main(["-v"], families=[TINY, OTHER])
    out = capsys.readouterr().out
    assert "== BAD: 1" in out
    assert "[b] a poor case" in out
    assert "a good case" not in out
    assert G.last_line_metrics(out)["pass_rate"] == pytest.approx(2 / 3, abs=1e-4)


LEAD = "The hearing opened. "


def test_speaker_check_passes_a_right_reading() -> None:
    case = SpeakerCase("trailer", LEAD, "“The plan is dead,” Maria Lopez said.", "Lopez")
    assert check_speaker(case) is None


@pytest.mark.parametrize(
    ("sentence", "wanted", "cause"),
    [
        ("“The plan is dead,” Maria Lopez said.", "Reyes", "SPEAKER"),  # someone else expected
        ("The plan is dead, Maria Lopez said.", "Lopez", "MISS"),  # no quotation at all
    ],
)
def test_speaker_check_names_what_went_wrong(sentence: str, wanted: str, cause: str) -> None:
    failure = check_speaker(SpeakerCase("x", LEAD, sentence, wanted))
    assert failure is not None
    assert failure.cause == cause


def test_clause_check_accepts_the_clause_and_rejects_a_longer_answer() -> None:
    case = build(
        "cues", CLAUSE_SUBJECTS[0], "said", "the plan would be “a disaster for working families<P>”"
    )
    assert case.text == (
        "The hearing opened. Maria Lopez said the plan would be "
        "“a disaster for working families.” Critics disagreed."
    )
    assert check_clause(case) is None
    # the same sentence, wrongly expecting the statement to stop before the quotation
    short = ClauseCase(
        case.label,
        case.text,
        case.content_start,
        (normalised("the plan would be"),),
        case.wanted,
        case.quote_at,
    )
    failure = check_clause(short)
    assert failure is not None
    assert failure.cause == "END-LONG"


def test_layout_check_covers_a_split_quotation_in_either_style() -> None:
    text = (
        "Maria Lopez spoke at the port on Tuesday.\n\n"
        "“The plan is dead,” Lopez said, “and we will not revive it.”"
    )
    case = LayoutCase(
        "split",
        "Maria Lopez/Lopez",
        text,
        (("The plan is dead,", "Lopez"), ("and we will not revive it.", "Lopez")),
    )
    assert check_layout(case) is None
    assert check_layout(as_single(case)) is None
    wrong = LayoutCase(case.label, case.subject, text, (("The plan is dead,", "Lopez"),))
    failure = check_layout(wrong)  # the second half is read, but nobody expected it
    assert failure is not None
    assert failure.cause == "EXTENT"


@pytest.mark.parametrize(
    ("text", "copy"),
    [
        ("According to Lopez, 45, the plan is dead.", True),
        ("According to Lopez, 45,, the plan is dead.", False),
        ("Maria Lopez, the finance minister,'s statement read in full:", False),
        ("“The plan is dead,” said Lopez, 45,.", False),
    ],
)
def test_crossings_no_writer_would_produce_are_dropped(text: str, copy: bool) -> None:
    assert reads_as_copy(text) is copy


def test_paraphrase_check_takes_the_reported_clause_with_its_that() -> None:
    subject = PARA_SUBJECTS[0]
    case = build_paraphrase("said-that", "{Sc} said {C}.", "that ", subject, PARA_CLAUSES[0])
    assert case.text == "The hearing opened. Maria Lopez said that the port will close in May."
    assert case.content == "that the port will close in May"
    assert check_paraphrase(case) is None


@pytest.mark.parametrize(
    ("sentence", "content", "cause"),
    [
        # the content wrongly expected to stop early: the reading runs past it
        ("Maria Lopez said the port will close in May.", "the port will close", "END-LONG"),
        # a quotation is read as direct, never as a paraphrase
        ("Maria Lopez said, “The port will close in May.”", "The port will close", "DIRECT"),
        ("The port will close in May.", "The port will close", "MISS"),
    ],
)
def test_paraphrase_check_names_what_went_wrong(sentence: str, content: str, cause: str) -> None:
    text = LEAD + sentence
    start = text.index(content)
    failure = check_paraphrase(ParaCase("x", text, start, start + len(content), "Lopez"))
    assert failure is not None
    assert failure.cause == cause
