"""A reply after a scene-setting clause is the main clause, not a trailer.

"After Ruiz said that the levy was “a tax on ferries,” Okafor responded.": the first cue
sits in a clause opening the sentence ("after", "when", "while" …), so the subject and
verb of saying after its quotation are the sentence's main clause, and the quotation is
still Ruiz's. Each fixture is our own sentence in the shape of wire copy; the comment names
the shape. Each failed before this change: the reply's subject was credited with the words.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # "after" with "that"
        (
            "After Maria Okafor said that the levy was “a tax on ferries,” the governor responded.",
            "that the levy was “a tax on ferries,”",
        ),
        # "when" without "that"
        (
            "When Maria Okafor said the levy was “a tax on ferries,” the governor replied.",
            "the levy was “a tax on ferries,”",
        ),
        # "while"
        (
            "While Maria Okafor argued the levy was “reckless,” the mayor responded.",
            "the levy was “reckless,”",
        ),
    ],
)
def test_the_quotation_stays_with_the_first_speaker(text: str, said: str) -> None:
    assert direct_speaker_text("The hearing opened. " + text) == [("Maria Okafor", said)]
