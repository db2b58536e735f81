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


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "The trustee who called the levy “a tax on ferries” will vote for it anyway.",
            "the levy “a tax on ferries”",
        ),
        (
            "A spokesman who described the vote as “rushed” was dismissed on Monday.",
            "the vote as “rushed”",
        ),
        (
            "A new leaflet that calls the levy “a disgrace” will reach every home this week.",
            "the levy “a disgrace”",
        ),
    ],
)
def test_a_restrictive_relative_report_ends_before_the_main_verb(sentence: str, said: str) -> None:
    """No comma sets the relative clause off, so the closing mark with the main clause's
    auxiliary after it is where the report ends (each ran on to the sentence's end before)."""
    found = kind_speaker_text(_LEAD + sentence)
    assert [text for _, _, text in found] == [said]


def test_an_auxiliary_inside_the_relative_clause_keeps_it_whole() -> None:
    """ "who said the “levy” was unfair will vote": "was" is the relative clause's, and
    where its report ends cannot be told from the marks, so it is not cut at "levy"."""
    text = _LEAD + "The trustee who said the “levy” was unfair will vote for it anyway."
    [(_, _, said)] = kind_speaker_text(text)
    assert said.startswith("the “levy” was unfair")
