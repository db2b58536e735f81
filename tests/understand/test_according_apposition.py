"""A description of the source after "according to" is not what the source said.

"According to Okafor, 56, the port will close", "…, according to Dan Vale, a spokesman for
the union.", "…, according to Okafor, who chairs the board.": the age, party tag, role,
relative clause or name set off after the source says who the source is; the claim is the
clause after it (or before "according to"). Each fixture is our own sentence in the shape
of wire copy; the comment names the shape. Each failed before this change: the
description was read as the start of the paraphrase, or as a second part of it.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # an age
        (
            "According to Maria Okafor, 56, the ferry port will close in May.",
            "Maria Okafor",
            "the ferry port will close in May",
        ),
        # a party tag
        (
            "According to Sen. Maria Okafor, D-Maine, the harbour levy will pass next week.",
            "Maria Okafor",
            "the harbour levy will pass next week",
        ),
        # a role with its body
        (
            "According to Dan Vale, a spokesman for the harbour board, fares would rise next year.",
            "Dan Vale",
            "fares would rise next year",
        ),
        # a name after a role
        (
            "According to the union's spokesman, Dan Vale, the strike will go ahead on Monday.",
            "Dan Vale",
            "the strike will go ahead on Monday",
        ),
        # after the clause: a relative clause on the source
        (
            "The ferry port will close in May, according to Maria Okafor, who chairs the board.",
            "Maria Okafor",
            "The ferry port will close in May",
        ),
        # after the clause: a role
        (
            "Fares would rise next year, according to Dan Vale, an analyst at Harbour Research.",
            "Dan Vale",
            "Fares would rise next year",
        ),
    ],
)
def test_the_description_of_the_source_is_no_part_of_the_claim(
    text: str, speaker: str, content: str
) -> None:
    assert _paraphrases(text) == [(speaker, content)]
