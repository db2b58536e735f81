"""A verb of telling set off inside a sentence ("The new chair, aides told the Gazette, has
been chosen"): the aside runs over its listener, and what was said is the sentence on both
sides of it. Every article here is written for these tests."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_a_named_listener_is_part_of_the_aside() -> None:
    text = (
        "The actor who plays the mayor in the mock debates, two aides to Ruth Ando told "
        "Harbor Radio, has already been chosen and is an “outsider” with no ties to the port.\n"
    )
    [(said, speaker)] = direct_text_speaker(text)
    assert said == (
        "The actor who plays the mayor in the mock debates has already been chosen and is "
        "an “outsider” with no ties to the port"
    )
    assert "aides" in speaker


def test_a_plural_noun_listener_is_part_of_the_aside() -> None:
    text = (
        "Sooner or later, the harbor master told reporters, the new cranes “will pay for "
        "themselves.”\n"
    )
    [(said, speaker)] = direct_text_speaker(text)
    assert said == "Sooner or later the new cranes “will pay for themselves.”"
    assert speaker == "the harbor master"
