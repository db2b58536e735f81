"""A report inside a relative clause ends where the main clause's verb begins.

"Vale, who argued the levy was unfair, left the “Harbour First” caucus in May": what Vale
argued is "the levy was unfair"; "left the “Harbour First” caucus" is the writer's sentence,
and its quoted name made the whole a direct statement. Each fixture is our own sentence in
the shape of wire copy; the first group read the main clause as Vale's words before this
change.
"""

from __future__ import annotations

import pytest

from tests.support.statements import kind_speaker_text

_LEAD = "Ivo Vale sat on the harbour board for a decade. "


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "Vale, who argued the levy was unfair, left the “Harbour First” caucus in May.",
            "the levy was unfair",
        ),
        (
            "Vale, who has said he may run for mayor, attended the “Tides of Change” gala.",
            "he may run for mayor",
        ),
        (
            "Vale, who is said to be weighing a run, joined the “Save the Ferry” march.",
            "to be weighing a run",
        ),
    ],
)
def test_the_main_clause_is_not_the_report(sentence: str, said: str) -> None:
    found = kind_speaker_text(_LEAD + sentence)
    assert [(kind, text) for kind, _, text in found] == [("indirect", said)]


def test_a_quotation_the_main_clause_introduces_is_still_read() -> None:
    text = _LEAD + (
        "Vale, who said the levy was unfair, issued a statement saying, “I will not vote for it.”"
    )
    assert ("direct", "Ivo Vale", "I will not vote for it.") in kind_speaker_text(text)
