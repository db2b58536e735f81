"""A sentence opened by a phrase of place that ends in a state after its town ("At a
conference in Aspen, Colo., …", "after four people were killed in Fresno, Calif., …"):
the state is where, never who. The subject that follows the second comma speaks a
quotation after the colon.

Each fixture is our own sentence in the shape of wire copy. Each failed before this
change: the state ("Colo", "Calif") was read as the speaker.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_act_speakers


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "At a conference that month in Aspen, Colo., the former shipping executive "
            "ended her speech by quoting a poet: “Every obstacle yields to effort.”",
            "the former shipping executive",
        ),
        (
            "In the hours after four people were killed in Fresno, Calif., a familiar "
            "voice celebrated the attacks online: “We have arrived with our soldiers.”",
            "a familiar voice",
        ),
    ],
)
def test_the_subject_after_the_state_speaks(sentence: str, speaker: str) -> None:
    assert direct_act_speakers(sentence) == [speaker]


def test_a_name_after_the_state_still_speaks() -> None:
    sentence = "At an event in Ames, Iowa, on Sunday, Okafor said: “We will win this state.”"
    assert direct_act_speakers(sentence) == ["Okafor"]
