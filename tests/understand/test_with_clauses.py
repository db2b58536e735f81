"""An absolute clause of speech, ", with <name> telling …", holds its own speaker."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_the_with_clause_names_who_speaks() -> None:
    text = (
        "The crane collapse sparked a fresh debate over how the Harbor Authority responds "
        "to dock accidents at home and abroad, with Councillor Tomas Berg telling reporters "
        "on Thursday he viewed the director as “directly responsible” for the collapse.\n"
    )
    said = "he viewed the director as “directly responsible” for the collapse"
    assert direct_text_speaker(text) == [(said, "Tomas Berg")]
