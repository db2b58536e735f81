"""A verb joined by "and" to the main clause's first verb shares its subject, also when that
subject is a noun phrase after an opening phrase. Every article here is written for these
tests."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_joined_verb_after_an_opening_phrase_shares_a_noun_phrase_subject() -> None:
    text = (
        "As the vote opened on Monday, the dockers' union sent a letter to its members and "
        "urged them to “stand together until the cranes stop.”\n"
    )
    [(said, speaker)] = direct_text_speaker(text)
    assert said.startswith("them to “stand together")
    assert "union" in speaker


def test_joined_verb_after_a_quoted_title_in_the_opener() -> None:
    text = (
        "With the help of the podcast “Night Shift”, the director held a mock casting and "
        "asked the singers to sound “more like the city.”\n"
    )
    [(said, speaker)] = direct_text_speaker(text)
    assert said.startswith("the singers to sound")
    assert speaker.endswith("director")
