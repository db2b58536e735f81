"""A name given in "what some call “…”" inside another clause is theirs who call it so.

"Okafor urged the council to close what critics call the “harbour gap,” which lets …": the
naming verb has a subject of its own after "what"; the name is the critics' words, not
Okafor's. Each fixture is our own sentence in the shape of wire copy; each credited Okafor
with the name before this change.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text

_LEAD = "Maria Okafor chairs the harbour committee. "


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Okafor has called on the council to close what critics call the “harbour gap,” "
            "which lets barges skip the levy.",
            "critics",
        ),
        (
            "Okafor has urged lawmakers to end what some call the “ferry tax,” which doubled "
            "fares last year.",
            "some",
        ),
    ],
)
def test_the_name_is_theirs_who_call_it(sentence: str, speaker: str) -> None:
    found = direct_speaker_text(_LEAD + sentence)
    assert found and found[0][0] == speaker
