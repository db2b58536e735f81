"""A verb of saying whose particle gives it another sense: "called off", "tell apart".

"The strike was called off on Monday, ending the “summer of discontent.”": "call off"
cancels and says nothing, so the quotation after it is no one's words. Each fixture is our
own sentence in the shape of wire copy; each read a direct statement before this change.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text

_LEAD = "Maria Okafor leads the dock workers' union. "


@pytest.mark.parametrize(
    "sentence",
    [
        "The strike was called off on Monday, ending the “summer of discontent.”",
        "Okafor called off the march on Tuesday, ending the “long summer” at the port.",
    ],
)
def test_a_cancelling_call_reports_nothing(sentence: str) -> None:
    assert direct_speaker_text(_LEAD + sentence) == []


def test_a_call_without_the_particle_still_reports() -> None:
    found = direct_speaker_text(
        _LEAD + "Okafor called the strike “a summer of discontent” on Monday."
    )
    assert found and found[0][0] == "Maria Okafor"


def test_showing_up_is_arriving_and_reports_nothing() -> None:
    """ "One voter, Tomas Vale, showed up in the “brown beret” gear of …": "show up" arrives;
    the quoted words name the gear, and nobody said them."""
    text = (
        _LEAD + "One docker, Tomas Vale, 35, showed up in the “red cap” gear of a port "
        "workers' group."
    )
    assert direct_speaker_text(text) == []


def test_showing_without_the_particle_still_reports() -> None:
    found = direct_speaker_text(
        _LEAD + "The survey showed that Okafor was “well ahead” of her rivals."
    )
    assert found and found[0][0] == "The survey"
