"""A "that" in a later clause with a subject of its own is that clause's, not where the
first cue's content starts: "Okafor said fares would rise, but the mayor told reporters
that they would not".

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
Each failed before this change: the first cue's content jumped to the mayor's "that", and
Okafor's paraphrase was lost.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # ", but" and a described speaker with a listener
        (
            "Maria Okafor said fares would rise next year, but the mayor told reporters that "
            "they would not.",
            "fares would rise next year",
            ("the mayor", "that they would not"),
        ),
        # ", and" and a named speaker
        (
            "Maria Okafor said ferries would run late, and Dan Vale said that they would not.",
            "ferries would run late",
            ("Dan Vale", "that they would not"),
        ),
    ],
)
def test_the_first_speaker_keeps_her_clause(text: str, first: str, second: tuple[str, str]) -> None:
    assert _paraphrases(text) == [("Maria Okafor", first), second]
