"""Findings of research, records and courts: "The study found that …", "Court records show
that …", "The court ruled 6-3 that …" (`findings.py`), and the verbs' other senses, which
report nothing.

Each fixture is our own sentence in the shape of science, court or business copy.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import only_statement


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The study, published Wednesday in The Lancet, found that adults who slept fewer "
            "than six hours a night were more likely to develop heart disease.",
            "that adults who slept fewer than six hours a night were more likely to develop "
            "heart disease",
            "The study",
        ),
        (
            "The researchers estimated that the program had prevented about 12,000 deaths.",
            "that the program had prevented about 12,000 deaths",
            "The researchers",
        ),
        (
            "The Harlow Supreme Court ruled 6-3 that the state law violated the First Amendment.",
            "that the state law violated the First Amendment",
            "Harlow Supreme Court",
        ),
        (
            "The judge ruled that the recordings could be played for the jury.",
            "that the recordings could be played for the jury",
            "The judge",
        ),
        (
            "A survey of 2,000 nurses shows that most plan to leave the profession within five "
            "years.",
            "that most plan to leave the profession within five years",
            "A survey of 2,000 nurses",
        ),
    ],
)
def test_a_finding_is_its_subjects_statement(text: str, content: str, speaker: str) -> None:
    st = only_statement(text)
    assert (st.text, st.speaker, st.kind) == (content, speaker, "indirect")


@pytest.mark.parametrize(
    "text",
    [
        "Deputies found the car abandoned near the quarry.",
        "The video shows the officer walking toward the car.",
        "The mayor ruled out a run for governor.",
        # a finding verb before "that" with a subject that establishes nothing
        "Hikers found that the trail had washed out.",
    ],
)
def test_other_senses_report_nothing(text: str) -> None:
    assert extract_statements(text) == []
