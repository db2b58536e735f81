"""A document put out by someone speaks for them: "Pell issued a statement saying “…”" is
Pell's, not the statement's."""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import by_text


def test_the_subject_of_issued_speaks_through_the_statement() -> None:
    text = (
        "The council voted on Tuesday to close the harbour.\n\n"
        "Mayor Dora Pell issued a statement saying the vote was “a betrayal of the town.”"
    )
    statement = by_text(extract_statements(text), "betrayal")
    assert statement.speaker == "Dora Pell"


def test_put_out_and_a_document_with_its_addressees() -> None:
    text = (
        "The Harbour Trust lost the vote on Tuesday.\n\n"
        "The Harbour Trust sent out a text message to members saying it would “fight on "
        "in every court.”"
    )
    statement = by_text(extract_statements(text), "fight on")
    assert statement.speaker == "Harbour Trust"
