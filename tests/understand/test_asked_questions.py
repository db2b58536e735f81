"""A passive "was asked, “…?”" does not make its subject the one who asked. Every article
here is written for these tests."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_the_one_asked_does_not_speak_the_question() -> None:
    text = (
        "Mayor Lena Ortiz was asked, “If you had known about the leak, would you have closed "
        "the pier at once?” She answered, “I would have closed it that very hour.”\n"
    )
    assert direct_text_speaker(text) == [("I would have closed it that very hour.", "Lena Ortiz")]


def test_the_one_asked_in_a_sentence_of_its_own_does_not_speak_either() -> None:
    text = (
        "Mayor Lena Ortiz was asked, “If you had known about the leak, would you have closed "
        "the pier at once?”\n"
    )
    assert direct_text_speaker(text) == []


def test_an_active_asked_still_speaks() -> None:
    text = "Mayor Lena Ortiz asked, “Who will pay for the pier if the board will not?”\n"
    assert direct_text_speaker(text) == [
        ("Who will pay for the pier if the board will not?", "Lena Ortiz")
    ]
