"""A gerund cue after a preposition reporting a "that" clause with a quotation ("landed in
trouble by saying that the judge was “biased”"): the subject of the verb the preposition
hangs on speaks. Every article here is written for these tests."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_by_saying_that_credits_the_sentence_subject() -> None:
    text = (
        "Mayor Lena Ortiz landed herself in hot water last week by saying that the judge "
        "hearing the harbor case can't be fair because he is “a pier man,” given her plan.\n"
    )
    assert direct_text_speaker(text) == [
        (
            "that the judge hearing the harbor case can't be fair because he is “a pier man,” "
            "given her plan",
            "Lena Ortiz",
        )
    ]


def test_the_object_of_the_governing_verb_does_not_speak() -> None:
    text = (
        "Mayor Lena Ortiz angered the harbor board on Monday by claiming that its plan was "
        "“a fraud on every rider.”\n"
    )
    assert [speaker for _, speaker in direct_text_speaker(text)] == ["Lena Ortiz"]


def test_without_that_the_gerund_is_left_to_the_other_readers() -> None:
    text = "The harbor board began the meeting by reading the list of “closed piers” aloud.\n"
    assert direct_text_speaker(text) == []
