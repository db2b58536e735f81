"""Acts of saying listed side by side with no comma before the second: after a semicolon
("Six in 10 said A; 46 percent said B") or a bare "and" before a share of those polled or a
name ("79 percent said A and 60 percent said B", "Ruiz says A and Okafor says B"). The first
act's clause ran on over the second, which was lost. Each fixture is our own sentence in the
shape of a poll report or round-up; each failed before this change.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Most residents said the ferry was too slow; 40 percent said the fares were too high.",
            ("Most residents", "the ferry was too slow"),
            ("40 percent", "the fares were too high"),
        ),
        (
            "One in three said the council ignored the harbour and one in four said it was "
            "hostile to fishermen.",
            ("One in three", "the council ignored the harbour"),
            ("one in four", "it was hostile to fishermen"),
        ),
        (
            "Ruiz says the levy will pass and Okafor says it will fail in the spring.",
            ("Ruiz", "the levy will pass"),
            ("Okafor", "it will fail in the spring"),
        ),
    ],
)
def test_listed_acts_of_saying_are_read_apart(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert _paraphrases(text) == [first, second]


def test_a_lowercase_subject_after_a_bare_and_stays_inside() -> None:
    # "and the mayor said" after no comma may still be what Ruiz said; left as it was.
    text = "Ruiz said the port is busy and the mayor said it is quiet."
    assert _paraphrases(text) == [("Ruiz", "the port is busy and the mayor said it is quiet")]
