"""Speakers that are institutions or their papers, as court, business and science copy
writes them: "said a spokesperson for the attorney general's office", "the company, which
had argued …", "Kestrel Labs … that it said …", "according to a criminal complaint filed
Tuesday in …", and a police trailer after a partial quotation.

Each fixture is our own sentence in the shape of wire or local-paper copy.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import only_statement


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"We are reviewing the decision," said a spokesperson for the attorney '
            "general's office.",
            "a spokesperson for the attorney general's office",
        ),
        ('"We will appeal," said a lawyer for the city.', "a lawyer for the city"),
        (
            '"The recall is voluntary," said a spokeswoman for the company on Tuesday.',
            "a spokeswoman for the company",
        ),
    ],
)
def test_an_inverted_speaker_keeps_the_body_it_speaks_for(text: str, speaker: str) -> None:
    assert only_statement(text).speaker == speaker


def test_which_after_a_preposition_stands_for_the_body() -> None:
    text = (
        "Brightwell Corp. lost the patent case on Monday. The ruling was a blow to the "
        "company, which had argued that the patent was invalid."
    )
    st = only_statement(text)
    assert (st.text, st.speaker) == ("that the patent was invalid", "Brightwell Corp")


def test_a_company_named_labs_is_what_it_stands_for() -> None:
    text = "Kestrel Labs unveiled a phone on Tuesday that it said would last three days."
    assert only_statement(text).speaker == "Kestrel Labs"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Marcus Delane, 34, was charged with murder, according to a criminal complaint "
            "filed Tuesday in Harlow County District Court.",
            "a criminal complaint filed Tuesday in Harlow County District Court",
        ),
        (
            "The drug cut hospital stays by a third, according to a study published "
            "Wednesday in The Lancet.",
            "a study published Wednesday in The Lancet",
        ),
    ],
)
def test_a_document_described_by_a_participle_speaks(text: str, speaker: str) -> None:
    assert only_statement(text).speaker == speaker


def test_a_trailer_after_a_partial_quotation_reports_the_sentence() -> None:
    text = (
        'The caller told dispatchers that a man was "waving a gun around" in the parking '
        "lot, police said."
    )
    st = only_statement(text)
    assert (st.speaker, st.text) == (
        "police",
        'that a man was "waving a gun around" in the parking lot',
    )


def test_a_trailer_with_a_long_tail_is_no_trailer() -> None:
    """Only when and where may follow the trailer's verb: a clause after it is its own."""
    text = (
        'The caller said a man was "waving a gun around" in the lot, and the dispatcher '
        "said officers were on the way."
    )
    assert "police" not in [s.speaker for s in extract_statements(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The jury foreman, Paul Ackerman, said after the verdict that jurors had been "
            "moved by the testimony.",
            "Paul Ackerman",
        ),
        ("The couple's landlord, Ed Marsh, said the rent had not been paid since May.", "Ed Marsh"),
    ],
)
def test_a_name_set_off_after_a_person_noun_speaks(text: str, speaker: str) -> None:
    assert only_statement(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "In a statement, the Harlow County Sheriff's Office said deputies found the man "
            "unresponsive in his cell.",
            "Harlow County Sheriff's Office",
        ),
        (
            "The Attorney General's Office said it would appeal the ruling.",
            "Attorney General's Office",
        ),
    ],
)
def test_an_office_named_for_its_holder_is_one_name(text: str, speaker: str) -> None:
    assert only_statement(text).speaker == speaker
