"""A day between a thing that carries words and the participle that reports them
("released a statement Wednesday saying …", "sent an email this week urging …"): the day
is when the statement came out, and the participle still hangs on the statement, whose
issuer speaks. Our own sentences; the first two read nothing before this change."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _acts(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(s.speaker, s.cue, s.text) for s in extract_statements(text)]


def test_a_day_between_a_statement_and_its_participle() -> None:
    text = (
        "The Harbour Authority released a statement Wednesday saying the levy plan "
        "“is based on opinion, not facts.”"
    )
    assert _acts(text) == [
        ("Harbour Authority", "saying", "the levy plan “is based on opinion, not facts.”")
    ]


def test_two_time_words_between_an_email_and_its_participle() -> None:
    text = "The Vale campaign sent an email this week saying that the race is “a dead heat.”"
    assert _acts(text) == [("The Vale campaign", "saying", "that the race is “a dead heat.”")]


def test_a_day_after_a_noun_that_carries_no_words() -> None:
    # "visited the harbour Wednesday, saying …" is read elsewhere; a plain noun before
    # the day is not taken for the speaker.
    text = "Okafor toured the harbour Wednesday saying the levy was “a fair price.”"
    assert all(a[0] != "the harbour" for a in _acts(text))
