"""An owned plural noun of speech followed by a verb of its own is that verb's subject.

"Vale's comments come a week before the vote on the “opt-out” plan": "comments" is a noun
(after a possessive), and the sentence says when they came; the quotation after it is not
Vale's words. Each fixture is our own sentence in the shape of wire copy; each read Vale as
saying the rest of the sentence before this change. The last must still be read.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text

_LEAD = "Ivo Vale spoke at the harbour on Monday. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Vale's comments come a week before the vote on the “opt-out” plan.",
        "Vale's remarks came two days before the council's “tidal levy” vote.",
        "Vale's comments follow months of protests by the “harbour first” movement.",
    ],
)
def test_an_owned_noun_with_its_own_verb_reports_nothing(sentence: str) -> None:
    assert direct_speaker_text(_LEAD + sentence) == []


def test_an_owned_noun_set_off_by_a_comma_still_reports() -> None:
    text = _LEAD + (
        "Okafor rejected Vale's comments, made in an interview, that the port was “a sinking ship.”"
    )
    assert [speaker for speaker, _ in direct_speaker_text(text)] == ["Ivo Vale"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Ruth Okafor, the port director, played down Vale's comments as “just part of the "
            "campaign.”",
            "Ruth Okafor",
        ),
        ("Okafor dismissed Vale's remarks as “harbour talk.”", "Ruth Okafor"),
    ],
)
def test_an_owned_noun_described_with_as_is_the_describers_object(
    sentence: str, speaker: str
) -> None:
    """ "played down Vale's comments as “…”": the words after "as" are the describer's
    account of the comments, never Vale's own (read as Vale's before this change)."""
    text = _LEAD + "Ruth Okafor runs the port. " + sentence
    assert [who for who, _ in direct_speaker_text(text)] == [speaker]
