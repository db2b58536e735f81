""" "Accused X of V-ing": the one accused is part of what was said.

The charge is said of someone: "Okafor accused the harbour board of hiding the costs" says
that the board hid them, and the paraphrase reads "the harbour board of hiding the costs",
as PolNeAR's annotators mark it and as a partial quotation after "accused … of" is read.
Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
Each failed before this change: the paraphrase began at the gerund ("hiding the costs").
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a name, then a described object
        (
            "Maria Okafor accused the harbour board of hiding the cost of the new ferry terminal.",
            "Maria Okafor",
            "the harbour board of hiding the cost of the new ferry terminal",
        ),
        # an institution, an object with a title, a long charge
        (
            "The union accused Mayor Dan Vale of misleading voters about the ferry fares.",
            "The union",
            "Mayor Dan Vale of misleading voters about the ferry fares",
        ),
        # a pronoun object, and a short charge the gerund alone left too short to keep
        (
            "Maria Okafor spoke first. She accused him of stalling.",
            "Maria Okafor",
            "him of stalling",
        ),
    ],
)
def test_the_one_accused_opens_the_paraphrase(text: str, speaker: str, content: str) -> None:
    assert _paraphrases(text) == [(speaker, content)]
