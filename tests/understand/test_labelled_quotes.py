"""A sentence quoted right after a word that labels it as words said or written ("by
saying “…”", "a note reading “…”", "chants of “…”") is what was said, whole
(quotes_alone.labelled_quote): sentences written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import direct_texts


def test_a_quotation_after_reading_is_said_alone() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz posted a note on her blog reading “Thank you, dock workers” an hour "
        "after the count ended.\n"
    )
    assert direct_texts(text) == ["Thank you, dock workers"]


def test_a_quotation_after_by_saying_is_said_alone_and_the_next_sentence_is_narration() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz closed her speech by saying “Never again.” The crowd in the hall "
        "answered by softly repeating “never again.”\n"
    )
    said = [(s.speaker, s.text) for s in extract_statements(text) if s.kind == "direct"]
    assert said[0] == ("Ana Ruiz", "Never again.")
    assert all("Ruiz" not in speaker for speaker, _ in said[1:])


def test_a_quotation_after_chants_of_is_said_alone() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Supporters of Mayor Ana Ruiz answered with chants of “Four more years” until the "
        "band began to play.\n"
    )
    assert direct_texts(text) == ["Four more years"]


def test_a_labelled_quotation_ending_a_reported_clause_stays_in_it() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz said that if she lost she would be standing at the gates saying "
        "“Vote for the docks.”\n"
    )
    [said] = direct_texts(text)
    assert said.startswith("that if she lost")
