"""A "that" after a noun like "claim" or "fact" is inside the reported clause, not its start.

"Okafor said the mayor's claim that it was “a fix” was “simply false”": the "that" clause
belongs to the clause's subject, so what was said begins at the cue. Each fixture is our
own sentence in the shape of wire copy; the comment names the shape. Each failed before
this change: the statement started at the noun's "that".
"""

from __future__ import annotations

import pytest

from tests.support.statements import kind_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # "claim that" in the subject, two quotations
        (
            "Maria Okafor said the mayor's claim that it was “a fix” was “simply false.”",
            "the mayor's claim that it was “a fix” was “simply false.”",
        ),
        # "the fact that" opening the subject
        (
            "Maria Okafor said the fact that the port was “badly run” surprised no one.",
            "the fact that the port was “badly run” surprised no one",
        ),
        # a naming verb's object: the idea named
        (
            "Maria Okafor called the idea that the levy would lower fares “a fantasy.”",
            "the idea that the levy would lower fares “a fantasy.”",
        ),
    ],
)
def test_the_clause_starts_at_the_cue(text: str, said: str) -> None:
    assert kind_speaker_text("The hearing opened. " + text) == [("direct", "Maria Okafor", said)]
