"""Things that carry words ("ends with a narrator saying: “…”", "replaced by a notice that
said, “…”"): the thing after a preposition speaks, the author of a published thing speaks
through it, and a thing someone holds is left alone. Every article here is written for
these tests."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_a_voice_after_with_speaks() -> None:
    text = (
        "The harbor board's new spot runs for a minute. It ends with a recorded voice saying "
        "“Fewer ferries. Higher fares. Can riders trust the board?”\n"
    )
    assert direct_text_speaker(text) == [
        ("Fewer ferries. Higher fares. Can riders trust the board?", "a recorded voice")
    ]


def test_a_notice_after_by_that_said_speaks() -> None:
    text = (
        "The ticket page, which drew thousands of visits, was replaced on Friday by a notice "
        'that said, "Sorry, the sale you are looking for has ended."\n'
    )
    assert direct_text_speaker(text) == [
        ("Sorry, the sale you are looking for has ended.", "a notice")
    ]


def test_the_publisher_of_a_video_speaks_through_it() -> None:
    text = (
        "The harbor board released a video that said, “Our ferries will run on time, every "
        "day, for every rider.”\n"
    )
    assert direct_text_speaker(text) == [
        ("Our ferries will run on time, every day, for every rider.", "The harbor board")
    ]


def test_a_sign_someone_holds_says_its_words() -> None:
    # Train's annotators mark the words on a held sign (three of three), crediting the sign
    # as often as its holder; the sign is what the words were written on.
    text = 'At the rally a student held up a sign saying "Ferries Not Fares Now Please Mayor!"\n'
    assert direct_text_speaker(text) == [("Ferries Not Fares Now Please Mayor!", "a sign")]


def test_a_thing_no_one_prints_words_on_is_left_alone() -> None:
    text = 'At the rally a student held up a photo saying "Ferries Not Fares Now Please Mayor!"\n'
    assert direct_text_speaker(text) == []


def test_a_gerund_after_a_preposition_is_no_thing_speaking() -> None:
    text = "The debate opened with the moderator by saying “welcome” to the crowd.\n"
    assert all(speaker != "the moderator by" for _, speaker in direct_text_speaker(text))


def test_a_quotation_that_opens_a_longer_clause_is_not_carried() -> None:
    text = "The race ended with a column saying “of course” the mayor had won it.\n"
    assert direct_text_speaker(text) == []
