"""A reply after a scene-setting clause is the main clause, not a trailer.

"After Ruiz said that the levy was “a tax on ferries,” Okafor responded.": the first cue
sits in a clause opening the sentence ("after", "when", "while" …), so the subject and
verb of saying after its quotation are the sentence's main clause, and the quotation is
still Ruiz's. Each fixture is our own sentence in the shape of wire copy; the comment names
the shape. Each failed before this change: the reply's subject was credited with the words.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _direct(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "direct"]


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
    assert _direct("The hearing opened. " + text) == [("Maria Okafor", said)]
