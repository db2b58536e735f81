"""An owned call is a demand its owner made: "Kello's call for “a full rebuild”".

"Her call for “…”" and "his calls to “…”" report what the owner demanded, as a promise or a
pledge reports what was promised; the demand follows "for" (a noun phrase) or "to" (an
infinitive). Each fixture is our own sentence in the shape of news copy; each failed before
this change (no statement was read).
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text

_OPENING = "Mayor Ann Kello spoke to reporters on Monday. "


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a possessive name, "call for" and a quotation opening the demand
        (
            "The room fell silent after Kello's call for “a total halt to new housing permits.”",
            "“a total halt to new housing permits.”",
        ),
        # a possessive pronoun, the demand going on after its quotation
        (
            "Her standing rose after the flood and her call for “a full rebuild” of the levees.",
            "“a full rebuild” of the levees",
        ),
        # "calls to": an infinitive, as after a promise
        (
            "Crowds gathered for her calls to “fix every road” in the county.",
            "to “fix every road” in the county",
        ),
    ],
)
def test_an_owned_call_reports_the_demand(text: str, said: str) -> None:
    assert direct_speaker_text(_OPENING + text) == [("Ann Kello", said)]


def test_the_demand_ends_before_the_verb_it_is_subject_of() -> None:
    text = _OPENING + "While Kello's call for a “new deal” draws crowds, few expect a vote."
    assert direct_speaker_text(text) == [("Ann Kello", "a “new deal”")]


def test_a_call_another_verb_of_speech_takes_is_not_the_owner_statement() -> None:
    # PolNeAR credits the denouncing side with the whole phrase; the owner is not the speaker.
    text = _OPENING + "The union denounced Kello's call for “a total halt to new permits.”"
    assert all(speaker != "Ann Kello" for speaker, _ in direct_speaker_text(text))


def test_a_city_before_its_state_is_no_referent_for_a_pronoun() -> None:
    text = (
        _OPENING
        + "Her standing improved after the storm in San Bernardino, Calif., and her call for"
        " “a full rebuild” of the levees."
    )
    assert direct_speaker_text(text) == [("Ann Kello", "“a full rebuild” of the levees")]
