"""Sources after "according to" that are no speaker's noun phrase ("according to state
records", "according to officials familiar with the talks").

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import only_statement


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a plain plural noun as the source
        (
            "Tallis Marine registered its first trawler in Korsvik in 2004, according to "
            "port registry records.",
            "Tallis Marine registered its first trawler in Korsvik in 2004",
            "port registry records",
        ),
        # a noun with a phrase after it
        (
            "The ferry line quietly leases two hulls from a rival, according to managers "
            "familiar with the contracts.",
            "The ferry line quietly leases two hulls from a rival",
            "managers familiar with the contracts",
        ),
        # opening the sentence, the content after its comma
        (
            "According to the draft timetable released Monday, the night ferry will stop "
            "at Berth 4.",
            "the night ferry will stop at Berth 4",
            "the draft timetable released Monday",
        ),
    ],
)
def test_according_to_any_noun_phrase(text: str, content: str, speaker: str) -> None:
    statement = only_statement(text)
    assert statement.kind == "indirect"
    assert statement.text == content
    assert statement.speaker == speaker


def test_according_to_source_with_appositive_keeps_it_out_of_the_content() -> None:
    # the phrase after the source's comma describes the source, it is not said
    statement = only_statement(
        "The harbour will reopen next week, according to a bulletin Friday from Radio "
        "Korsvik, the island's only station."
    )
    assert statement.text == "The harbour will reopen next week"


def test_according_to_a_noun_of_inclination_names_no_source() -> None:
    """ "… tick the box for “R” or “D,” according to their instinctive preference": with a
    preference, a wish or a taste after it, "according to" means "in keeping with", and
    nobody said the sentence."""
    text = (
        "The harbour vote is on Tuesday.\n\n"
        "Most voters barely know who their councillor is, so they simply tick the box for "
        "“Harbour First” or “Old Port,” according to their instinctive preference.\n"
    )
    assert extract_statements(text) == []
